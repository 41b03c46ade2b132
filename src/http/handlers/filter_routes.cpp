// v1 saved filters (under /api/v1 and /v1): list by type, get, add, update (PUT), delete, and
// the helpers a client builds conditions from.
#include "domain/filter_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

constexpr domain::FilterType kAllTypes[] = {
    domain::FilterType::kDeals, domain::FilterType::kOrg, domain::FilterType::kPeople,
    domain::FilterType::kProducts, domain::FilterType::kActivity};

void WriteCondition(JsonWriter& w, const domain::FilterCondition& c) {
    w.StartObject();
    w.Key("object").String(c.object);
    w.Key("field_id").String(c.field);
    w.Key("operator").String(domain::FilterOperatorName(c.op));
    w.Key("value").OptionalString(c.value);
    w.Key("extra_value").OptionalString(c.extra_value);
    w.EndObject();
}

void WriteFilterV1(JsonWriter& w, const domain::Filter& f) {
    w.StartObject();
    w.Key("id").Int(f.id);
    w.Key("name").String(f.name);
    w.Key("active_flag").Bool(!f.is_deleted);
    w.Key("type").String(domain::FilterTypeName(f.type));
    w.Key("temporary_flag").Bool(f.temporary);
    w.Key("user_id").Int(f.user_id);
    w.Key("add_time").String(FormatSqlTime(f.add_time));
    w.Key("update_time").String(FormatSqlTime(f.update_time));
    w.Key("visible_to").Int(f.visible_to);
    w.Key("custom_view_id").Null();
    w.Key("conditions").StartObject();
    w.Key("glue").String("and");
    w.Key("conditions").StartArray();
    const std::pair<const char*, const std::vector<domain::FilterCondition>*> groups[] = {
        {"and", &f.conditions.all}, {"or", &f.conditions.any}};
    for (const auto& [glue, conditions] : groups) {
        w.StartObject();
        w.Key("glue").String(glue);
        w.Key("conditions").StartArray();
        for (const domain::FilterCondition& c : *conditions) {
            WriteCondition(w, c);
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
}

Result<domain::FilterCondition> ParseCondition(const JsonBody& json) {
    PIPECRM_RETURN_IF_ERROR(
        json.OnlyKnownFields({"object", "field_id", "operator", "value", "extra_value"}));
    domain::FilterCondition condition;
    std::optional<std::string> object;
    std::optional<std::optional<std::string>> field;
    std::optional<std::string> op;
    std::optional<std::optional<std::string>> value;
    std::optional<std::optional<std::string>> extra_value;
    PIPECRM_RETURN_IF_ERROR(Take(json.String("object"), object));
    PIPECRM_RETURN_IF_ERROR(Take(json.ScalarText("field_id"), field));
    PIPECRM_RETURN_IF_ERROR(Take(json.String("operator"), op));
    PIPECRM_RETURN_IF_ERROR(Take(json.ScalarText("value"), value));
    PIPECRM_RETURN_IF_ERROR(Take(json.ScalarText("extra_value"), extra_value));
    if (!field || !*field) {
        return InvalidArgument("field_id is required");
    }
    if (!op) {
        return InvalidArgument("operator is required");
    }
    auto parsed_op = domain::ParseFilterOperator(*op);
    if (!parsed_op) {
        return InvalidArgument("operator \"" + *op + "\" is not supported");
    }
    condition.object = object.value_or("");
    condition.field = **field;
    condition.op = *parsed_op;
    condition.value = value.value_or(std::nullopt);
    condition.extra_value = extra_value.value_or(std::nullopt);
    return condition;
}

// Pipedrive's {glue:"and", conditions:[{glue:"and", conditions:[...]}, {glue:"or", ...}]}.
Result<domain::FilterConditions> ParseConditionTree(const JsonBody& top) {
    std::optional<std::string> glue;
    std::optional<std::vector<JsonBody>> groups;
    PIPECRM_RETURN_IF_ERROR(top.OnlyKnownFields({"glue", "conditions"}));
    PIPECRM_RETURN_IF_ERROR(Take(top.String("glue"), glue));
    PIPECRM_RETURN_IF_ERROR(Take(top.Objects("conditions"), groups));
    if (glue.value_or("and") != "and") {
        return InvalidArgument("the outer glue must be \"and\"");
    }
    if (!groups || groups->empty() || groups->size() > 2) {
        return InvalidArgument(
            "conditions must hold one or two groups: {glue:\"and\"} then {glue:\"or\"}");
    }
    domain::FilterConditions out;
    for (std::size_t i = 0; i < groups->size(); ++i) {
        const JsonBody& group = (*groups)[i];
        const char* expected = i == 0 ? "and" : "or";
        std::optional<std::vector<JsonBody>> items;
        PIPECRM_RETURN_IF_ERROR(group.OnlyKnownFields({"glue", "conditions"}));
        PIPECRM_RETURN_IF_ERROR(Take(group.String("glue"), glue));
        PIPECRM_RETURN_IF_ERROR(Take(group.Objects("conditions"), items));
        if (glue.value_or(expected) != expected) {
            return InvalidArgument("group " + std::to_string(i + 1) + " must have glue \"" +
                                   expected + "\"");
        }
        auto& target = i == 0 ? out.all : out.any;
        for (std::size_t j = 0; items && j < items->size(); ++j) {
            auto condition = ParseCondition((*items)[j]);
            if (!condition.ok()) {
                return InvalidArgument("group " + std::to_string(i + 1) + ", condition " +
                                       std::to_string(j + 1) + ": " + condition.status().message());
            }
            target.push_back(std::move(*condition));
        }
    }
    return out;
}

Result<domain::FilterChange> ParseFilterBody(const Request& request, bool create) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(create ? body->OnlyKnownFields({"name", "conditions", "type"})
                                   : body->OnlyKnownFields({"name", "conditions"}));
    domain::FilterChange change;
    std::optional<std::string> type;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("type"), type));
    if (type) {
        change.type = domain::ParseFilterType(*type);
        if (!change.type) {
            return InvalidArgument("type must be deals, org, people, products or activity", "type");
        }
    }
    auto tree = body->Object("conditions");
    if (!tree.ok()) {
        return InvalidArgument("conditions must be an object", "conditions");
    }
    if (*tree) {
        auto conditions = ParseConditionTree(**tree);
        if (!conditions.ok()) {
            return InvalidArgument("conditions: " + conditions.status().message(), "conditions");
        }
        change.conditions = std::move(*conditions);
    }
    return change;
}

// GET /filters/helpers: each type's fields (key, the numeric id of GET /v1/dealFields and
// friends, kind) and the operators of each kind.
Response HelpersResponse() {
    JsonWriter w;
    w.StartObject();
    w.Key("operators").StartObject();
    for (auto kind : {domain::FieldKind::kId, domain::FieldKind::kNumber, domain::FieldKind::kMoney,
                      domain::FieldKind::kText, domain::FieldKind::kTime, domain::FieldKind::kDate,
                      domain::FieldKind::kStatus, domain::FieldKind::kBool}) {
        w.Key(domain::FieldKindName(kind)).StartArray();
        for (domain::FilterOperator op : domain::OperatorsFor(kind)) {
            w.String(domain::FilterOperatorName(op));
        }
        w.EndArray();
    }
    w.EndObject();
    w.Key("fields").StartObject();
    for (domain::FilterType type : kAllTypes) {
        w.Key(domain::FilterTypeName(type)).StartArray();
        for (const domain::FilterField& field : domain::FilterFields(type)) {
            w.StartObject();
            w.Key("id").Int(field.id);
            w.Key("key").String(field.key);
            w.Key("name").String(field.name);
            w.Key("object").String(domain::FilterObjectName(type));
            w.Key("kind").String(domain::FieldKindName(field.kind));
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
    w.EndObject();
    return SuccessResponse(w.Take());
}

Response OneFilter(const domain::Filter& filter, int status) {
    return SuccessResponse(ToJson(filter, WriteFilterV1), status);
}

}  // namespace

void AddFilterRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add(
            "GET", prefix + "/filters", [&store](const RouteContext& ctx, Responder respond) {
                std::optional<domain::FilterType> type;
                if (const std::string* text = ctx.request.Query("type")) {
                    type = domain::ParseFilterType(*text);
                    if (!type) {
                        respond(ErrorResponse(InvalidArgument(
                            "type must be deals, org, people, products or activity", "type")));
                        return;
                    }
                }
                const Id workspace_id = ctx.principal->user.workspace_id;
                ReadThen<std::vector<domain::Filter>>(
                    store,
                    [&](domain::Repositories& repos) {
                        return repos.Filters().List(workspace_id, type);
                    },
                    [](const std::vector<domain::Filter>& filters) {
                        return SuccessResponse(ToJsonArray(filters, WriteFilterV1));
                    },
                    respond);
            });
        // Before /filters/{id}, which it would otherwise match.
        router.Add("GET", prefix + "/filters/helpers",
                   [](const RouteContext&, Responder respond) { respond(HelpersResponse()); });
        router.Add("GET", prefix + "/filters/{id}",
                   GetByIdRoute<domain::Filter>(
                       store, domain::GetLiveFilter,
                       [](const domain::Filter& filter) { return OneFilter(filter, 200); }));
        // A segment's live count: how many records the filter matches now, as the caller sees.
        router.Add("GET", prefix + "/filters/{id}/count",
                   [&store](const RouteContext& ctx, Responder respond) {
                       const Id workspace_id = ctx.principal->user.workspace_id;
                       auto id = ctx.IdParam(0);
                       if (!id.ok()) {
                           respond(ErrorResponse(id.status()));
                           return;
                       }
                       struct Counted {
                           domain::Filter filter;
                           std::int64_t count = 0;
                       };
                       ReadThen<Counted>(
                           store,
                           [&](domain::Repositories& repos) -> Result<Counted> {
                               auto filter = domain::GetLiveFilter(repos, workspace_id, *id);
                               if (!filter.ok()) {
                                   return filter.status();
                               }
                               auto count = repos.Segments().Count(workspace_id, filter->type,
                                                                   filter->conditions);
                               if (!count.ok()) {
                                   return count.status();
                               }
                               return Counted{std::move(*filter), *count};
                           },
                           [](const Counted& counted) {
                               JsonWriter w;
                               w.StartObject();
                               w.Key("filter_id").Int(counted.filter.id);
                               w.Key("type").String(domain::FilterTypeName(counted.filter.type));
                               w.Key("count").Int(counted.count);
                               w.EndObject();
                               return SuccessResponse(w.Take());
                           },
                           respond);
                   });
        router.Add("POST", prefix + "/filters",
                   WriteRoute<domain::Filter>(
                       store, clock,
                       [](const RouteContext& ctx) { return ParseFilterBody(ctx.request, true); },
                       domain::CreateFilter,
                       [](const domain::Filter& filter) { return OneFilter(filter, 201); }));
        router.Add("PUT", prefix + "/filters/{id}",
                   WriteRoute<domain::Filter>(
                       store, clock,
                       [](const RouteContext& ctx) {
                           return ParseIdAndBody<domain::FilterChange>(
                               ctx, [](const Request& r) { return ParseFilterBody(r, false); });
                       },
                       [](domain::Repositories& repos, const domain::Actor& actor,
                          const IdAndChange<domain::FilterChange>& input, Instant now) {
                           return domain::UpdateFilter(repos, actor, input.id, input.change, now);
                       },
                       [](const domain::Filter& filter) { return OneFilter(filter, 200); }));
        router.Add(
            "DELETE", prefix + "/filters/{id}",
            WriteRoute<domain::Filter>(
                store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                domain::DeleteFilter,
                [](const domain::Filter& filter) { return SuccessResponse(IdObject(filter.id)); }));
    }
}

}  // namespace pipecrm::http

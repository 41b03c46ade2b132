// Call lists: POST /api/v1/callLists turns a segment into call activities for chosen reps
// (admins); GET /api/v1/callLists lists them; GET /api/v1/callLists/{id}/calls is a rep's
// calls in order (the caller's own unless an admin names user_id).
#include "domain/call_list_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

Result<domain::CallListRequest> ParseCallListBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(
        {"name", "filter_id", "user_ids", "strategy", "start_date", "per_day", "subject"}));
    domain::CallListRequest out;
    std::optional<std::string> name;
    std::optional<std::int64_t> filter_id;
    std::optional<std::vector<std::int64_t>> user_ids;
    std::optional<std::string> strategy;
    std::optional<std::optional<Date>> start_date;
    std::optional<std::int64_t> per_day;
    std::optional<std::string> subject;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), name));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("filter_id"), filter_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Ints("user_ids"), user_ids));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("strategy"), strategy));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableDate("start_date"), start_date));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("per_day"), per_day));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("subject"), subject));
    if (!filter_id) {
        return InvalidArgument("filter_id is required", "filter_id");
    }
    out.name = name.value_or("");
    out.filter_id = *filter_id;
    out.user_ids = user_ids.value_or(std::vector<std::int64_t>{});
    if (strategy) {
        auto parsed = domain::ParseCallStrategy(*strategy);
        if (!parsed) {
            return InvalidArgument("strategy must be round_robin or least_open", "strategy");
        }
        out.strategy = *parsed;
    }
    if (start_date && start_date->has_value()) {
        out.start_date = **start_date;
    }
    if (per_day) {
        if (*per_day < 1 || *per_day > 500) {
            return InvalidArgument("per_day must be between 1 and 500", "per_day");
        }
        out.per_day = static_cast<int>(*per_day);
    }
    if (subject) {
        if (subject->empty()) {
            return InvalidArgument("subject must not be empty", "subject");
        }
        out.subject = *subject;
    }
    return out;
}

void WriteCallList(JsonWriter& w, const domain::CallList& list) {
    w.StartObject();
    w.Key("id").Int(list.id);
    w.Key("name").String(list.name);
    w.Key("filter_id").Int(list.filter_id);
    w.Key("strategy").String(domain::CallStrategyName(list.strategy));
    w.Key("user_id").Int(list.created_by);
    w.Key("add_time").String(FormatSqlTime(list.add_time));
    w.EndObject();
}

void WriteCalls(JsonWriter& w,
                const std::vector<domain::CallListItem>& items,
                const std::vector<domain::Activity>& activities) {
    w.StartArray();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        w.StartObject();
        w.Key("user_id").Int(item.user_id);
        w.Key("position").Int(item.position);
        w.Key("activity_id").Int(item.activity_id);
        w.Key("deal_id");
        if (item.deal_id) {
            w.Int(*item.deal_id);
        } else {
            w.Null();
        }
        w.Key("person_id");
        if (item.person_id) {
            w.Int(*item.person_id);
        } else {
            w.Null();
        }
        w.Key("activity");
        WriteActivityV2(w, activities[i]);
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

void AddCallListRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    const std::string path = "/api/v1/callLists";
    router.Add(
        "POST", path,
        WriteRoute<domain::CreatedCallList>(
            store, clock, [](const RouteContext& ctx) { return ParseCallListBody(ctx.request); },
            domain::CreateCallList,
            [](const domain::CreatedCallList& created) {
                JsonWriter w;
                w.StartObject();
                w.Key("call_list");
                WriteCallList(w, created.list);
                w.Key("calls");
                WriteCalls(w, created.items, created.activities);
                w.EndObject();
                return SuccessResponse(w.Take(), 201);
            }),
        Access::kAdmin);
    router.Add("GET", path, [&store](const RouteContext& ctx, Responder respond) {
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<domain::CallList>>(
            store,
            [&](domain::Repositories& repos) { return repos.CallLists().List(workspace_id); },
            [](const std::vector<domain::CallList>& lists) {
                return SuccessResponse(ToJsonArray(lists, WriteCallList));
            },
            respond);
    });
    router.Add("GET", path + "/{id}/calls", [&store](const RouteContext& ctx, Responder respond) {
        const auto& user = ctx.principal->user;
        auto id = ctx.IdParam(0);
        OptionalId rep = user.id;
        Status parsed = id.status();
        if (parsed.ok()) {
            OptionalId asked;
            parsed = Take(QueryId(ctx.request, "user_id"), asked);
            if (parsed.ok() && asked && *asked != user.id) {
                if (user.role != domain::Role::kAdmin) {
                    parsed = PermissionDenied("only admins see another rep's calls");
                }
                rep = asked;
            }
        }
        if (!parsed.ok()) {
            respond(ErrorResponse(parsed));
            return;
        }
        ReadThen<domain::CallListCalls>(
            store,
            [&](domain::Repositories& repos) {
                return domain::GetCallListCalls(repos, user.workspace_id, *id, rep);
            },
            [](const domain::CallListCalls& calls) {
                JsonWriter w;
                WriteCalls(w, calls.items, calls.activities);
                return SuccessResponse(w.Take());
            },
            respond);
    });
}

}  // namespace pipecrm::http

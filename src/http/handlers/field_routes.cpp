// v1 field definitions (under /api/v1 and /v1): the system fields of deals, persons and
// organizations and the workspace's custom fields, in Pipedrive's DealField shape; custom
// fields are created, renamed, re-optioned and deleted here.
#include <algorithm>
#include <array>
#include <span>

#include "auth/credentials.hpp"
#include "domain/custom_field_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

struct FieldDef {
    const char* key;
    const char* name;
    const char* type;
    bool mandatory = false;
};

constexpr std::array kDealFields = {
    FieldDef{"id", "ID", "int"},
    FieldDef{"title", "Title", "varchar", true},
    FieldDef{"value", "Value", "monetary"},
    FieldDef{"currency", "Currency", "varchar_options"},
    FieldDef{"stage_id", "Stage", "stage"},
    FieldDef{"pipeline_id", "Pipeline", "double"},
    FieldDef{"status", "Status", "status"},
    FieldDef{"person_id", "Contact person", "people"},
    FieldDef{"org_id", "Organization", "org"},
    FieldDef{"user_id", "Owner", "user"},
    FieldDef{"add_time", "Deal created", "date"},
    FieldDef{"update_time", "Update time", "date"},
    FieldDef{"stage_change_time", "Last stage change", "date"},
    FieldDef{"won_time", "Won time", "date"},
    FieldDef{"lost_time", "Lost time", "date"},
    FieldDef{"close_time", "Deal closed on", "date"},
    FieldDef{"expected_close_date", "Expected close date", "date"},
    FieldDef{"lost_reason", "Lost reason", "varchar"},
    FieldDef{"visible_to", "Visible to", "visible_to"},
    FieldDef{"probability", "Probability", "double"},
};

constexpr std::array kPersonFields = {
    FieldDef{"id", "ID", "int"},
    FieldDef{"name", "Name", "varchar", true},
    FieldDef{"email", "Email", "varchar"},
    FieldDef{"phone", "Phone", "phone"},
    FieldDef{"org_id", "Organization", "org"},
    FieldDef{"owner_id", "Owner", "user"},
    FieldDef{"add_time", "Person created", "date"},
    FieldDef{"update_time", "Update time", "date"},
    FieldDef{"visible_to", "Visible to", "visible_to"},
};

constexpr std::array kOrganizationFields = {
    FieldDef{"id", "ID", "int"},
    FieldDef{"name", "Name", "varchar", true},
    FieldDef{"address", "Address", "address"},
    FieldDef{"owner_id", "Owner", "user"},
    FieldDef{"add_time", "Organization created", "date"},
    FieldDef{"update_time", "Update time", "date"},
    FieldDef{"visible_to", "Visible to", "visible_to"},
};

// Custom fields come after the system fields, whose ids (1..N) stay below every custom
// field's (above 1000, migration 0002).
struct FieldList {
    domain::FieldEntity entity;
    const char* path;  ///< e.g. "/dealFields"
    std::span<const FieldDef> system;
};

// The flags every field shares in Pipedrive's DealField shape.
void WriteFieldFlags(JsonWriter& w, bool custom, bool mandatory) {
    w.Key("active_flag").Bool(true);
    w.Key("edit_flag").Bool(custom);
    w.Key("index_visible_flag").Bool(true);
    w.Key("details_visible_flag").Bool(true);
    w.Key("add_visible_flag").Bool(true);
    w.Key("important_flag").Bool(false);
    w.Key("bulk_edit_allowed").Bool(true);
    w.Key("searchable_flag").Bool(false);
    w.Key("filtering_allowed").Bool(true);
    w.Key("sortable_flag").Bool(true);
    w.Key("mandatory_flag").Bool(mandatory);
}

void WriteSystemField(JsonWriter& w, const FieldDef& f, std::size_t index) {
    w.StartObject();
    w.Key("id").Int(static_cast<std::int64_t>(index + 1));
    w.Key("key").String(f.key);
    w.Key("name").String(f.name);
    w.Key("order_nr").Int(static_cast<std::int64_t>(index));
    w.Key("field_type").String(f.type);
    WriteFieldFlags(w, false, f.mandatory);
    w.EndObject();
}

void WriteCustomField(JsonWriter& w, const domain::CustomField& f, std::size_t system_count) {
    w.StartObject();
    w.Key("id").Int(f.id);
    w.Key("key").String(f.key);
    w.Key("name").String(f.name);
    w.Key("order_nr").Int(static_cast<std::int64_t>(system_count) + f.order_nr - 1);
    w.Key("field_type").String(domain::FieldTypeName(f.type));
    w.Key("add_time").String(FormatSqlTime(f.add_time));
    w.Key("update_time").String(FormatSqlTime(f.update_time));
    WriteFieldFlags(w, true, false);
    if (domain::HasOptions(f.type)) {
        w.Key("options").StartArray();
        for (const domain::FieldOption& option : f.options) {
            w.StartObject().Key("id").Int(option.id).Key("label").String(option.label).EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
}

// GET /…Fields: the system fields, then the workspace's custom fields, offset-paged.
RouteHandler FieldsRoute(domain::Store& store, FieldList list) {
    return [&store, list](const RouteContext& ctx, Responder respond) {
        auto page = QueryOffsetPage(ctx.request);
        if (!page.ok()) {
            respond(ErrorResponse(page.status()));
            return;
        }
        const auto [start, limit] = *page;
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<domain::CustomField>>(
            store,
            [&](domain::Repositories& repos) {
                return repos.CustomFields().List(workspace_id, list.entity);
            },
            [&](const std::vector<domain::CustomField>& custom) {
                const std::size_t system = list.system.size();
                const std::size_t total = system + custom.size();
                const auto begin = static_cast<std::size_t>(start);
                const auto end = std::min(total, static_cast<std::size_t>(start + limit));
                JsonWriter w;
                w.StartArray();
                for (std::size_t i = begin; i < end; ++i) {
                    if (i < system) {
                        WriteSystemField(w, list.system[i], i);
                    } else {
                        WriteCustomField(w, custom[i - system], system);
                    }
                }
                w.EndArray();
                return SuccessResponse(w.Take(), 200, OffsetPagination(start, limit, end < total));
            },
            respond);
    };
}

// GET /…Fields/{id}: a system field by its id, or a live custom field of the entity.
RouteHandler FieldRoute(domain::Store& store, FieldList list) {
    return [&store, list](const RouteContext& ctx, Responder respond) {
        auto id = ctx.IdParam(0);
        if (!id.ok()) {
            respond(ErrorResponse(id.status()));
            return;
        }
        if (static_cast<std::size_t>(*id) <= list.system.size()) {
            JsonWriter w;
            const auto index = static_cast<std::size_t>(*id - 1);
            WriteSystemField(w, list.system[index], index);
            respond(SuccessResponse(w.Take()));
            return;
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<domain::CustomField>(
            store,
            [&](domain::Repositories& repos) {
                return domain::GetLiveCustomField(repos, workspace_id, list.entity, *id);
            },
            [&](const domain::CustomField& field) {
                JsonWriter w;
                WriteCustomField(w, field, list.system.size());
                return SuccessResponse(w.Take());
            },
            respond);
    };
}

// POST and PUT bodies: {name, field_type, options}. Only POST may give field_type freely; PUT
// may repeat it unchanged. A new field's key is drawn here, outside the write job.
Result<domain::CustomFieldChange> ParseFieldBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"name", "field_type", "options"}));
    domain::CustomFieldChange change;
    std::optional<std::string> type;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("field_type"), type));
    PIPECRM_RETURN_IF_ERROR(Take(body->Options("options"), change.options));
    if (type) {
        change.type = domain::ParseFieldType(*type);
        if (!change.type) {
            return InvalidArgument(
                "field_type must be one of varchar, text, double, monetary, date, enum, set, "
                "phone, user, people, org",
                "field_type");
        }
    }
    // Pipedrive's field keys look like its API tokens: 40 lower-case hex characters.
    change.key = auth::NewApiToken();
    return change;
}

void AddFieldList(Router& router,
                  domain::Store& store,
                  const Clock& clock,
                  const std::string& prefix,
                  FieldList list) {
    const std::string path = prefix + list.path;
    auto render = [system = list.system.size()](int status) {
        return [system, status](const domain::CustomField& field) {
            JsonWriter w;
            WriteCustomField(w, field, system);
            return SuccessResponse(w.Take(), status);
        };
    };
    const domain::FieldEntity entity = list.entity;
    router.Add("GET", path, FieldsRoute(store, list));
    router.Add("GET", path + "/{id}", FieldRoute(store, list));
    router.Add(
        "POST", path,
        WriteRoute<domain::CustomField>(
            store, clock, [](const RouteContext& ctx) { return ParseFieldBody(ctx.request); },
            [entity](domain::Repositories& repos, const domain::Actor& actor,
                     const domain::CustomFieldChange& change, Instant now) {
                return domain::CreateCustomField(repos, actor, entity, change, now);
            },
            render(201)),
        Access::kAdmin);
    router.Add("PUT", path + "/{id}",
               WriteRoute<domain::CustomField>(
                   store, clock,
                   [](const RouteContext& ctx) {
                       return ParseIdAndBody<domain::CustomFieldChange>(ctx, ParseFieldBody);
                   },
                   [entity](domain::Repositories& repos, const domain::Actor& actor,
                            const IdAndChange<domain::CustomFieldChange>& input, Instant now) {
                       return domain::UpdateCustomField(repos, actor, entity, input.id,
                                                        input.change, now);
                   },
                   render(200)),
               Access::kAdmin);
    router.Add(
        "DELETE", path + "/{id}",
        WriteRoute<domain::CustomField>(
            store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
            [entity](domain::Repositories& repos, const domain::Actor& actor, Id id, Instant now) {
                return domain::DeleteCustomField(repos, actor, entity, id, now);
            },
            [](const domain::CustomField& field) { return SuccessResponse(IdObject(field.id)); }),
        Access::kAdmin);
}

}  // namespace

void AddFieldRoutes(Router& router, const ApiServices& services) {
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        AddFieldList(router, services.store, services.clock, prefix,
                     {domain::FieldEntity::kDeal, "/dealFields", kDealFields});
        AddFieldList(router, services.store, services.clock, prefix,
                     {domain::FieldEntity::kPerson, "/personFields", kPersonFields});
        AddFieldList(
            router, services.store, services.clock, prefix,
            {domain::FieldEntity::kOrganization, "/organizationFields", kOrganizationFields});
    }
}

}  // namespace pipecrm::http

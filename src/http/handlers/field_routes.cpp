// v1 field definitions (under /api/v1 and /v1): the system fields of deals, persons and
// organizations, in Pipedrive's DealField shape. Custom fields join these later.
#include <array>

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

template <std::size_t N>
RouteHandler FieldsRoute(const std::array<FieldDef, N>& fields) {
    return [&fields](const RouteContext& ctx, Responder respond) {
        auto page = QueryOffsetPage(ctx.request);
        if (!page.ok()) {
            respond(ErrorResponse(page.status()));
            return;
        }
        const auto [start, limit] = *page;
        JsonWriter w;
        w.StartArray();
        for (std::size_t i = static_cast<std::size_t>(start);
             i < N && i < static_cast<std::size_t>(start + limit); ++i) {
            const FieldDef& f = fields[i];
            w.StartObject();
            w.Key("id").Int(static_cast<std::int64_t>(i + 1));
            w.Key("key").String(f.key);
            w.Key("name").String(f.name);
            w.Key("order_nr").Int(static_cast<std::int64_t>(i));
            w.Key("field_type").String(f.type);
            w.Key("active_flag").Bool(true);
            w.Key("edit_flag").Bool(false);
            w.Key("index_visible_flag").Bool(true);
            w.Key("details_visible_flag").Bool(true);
            w.Key("add_visible_flag").Bool(true);
            w.Key("important_flag").Bool(false);
            w.Key("bulk_edit_allowed").Bool(true);
            w.Key("searchable_flag").Bool(false);
            w.Key("filtering_allowed").Bool(true);
            w.Key("sortable_flag").Bool(true);
            w.Key("mandatory_flag").Bool(f.mandatory);
            w.EndObject();
        }
        w.EndArray();
        const bool more = static_cast<std::size_t>(start + limit) < N;
        respond(SuccessResponse(w.Take(), 200, OffsetPagination(start, limit, more)));
    };
}

}  // namespace

void AddFieldRoutes(Router& router, const ApiServices&) {
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/dealFields", FieldsRoute(kDealFields));
        router.Add("GET", prefix + "/personFields", FieldsRoute(kPersonFields));
        router.Add("GET", prefix + "/organizationFields", FieldsRoute(kOrganizationFields));
    }
}

}  // namespace pipecrm::http

// v1 audit log (under /api/v1 and /v1): the workspace's security events, newest first, for
// admins only (Access::kAdmin: the API answers others 403).
#include "domain/audit.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

void WriteAuditEntry(JsonWriter& w, const domain::AuditEntry& e) {
    w.StartObject();
    w.Key("id").Int(e.id);
    w.Key("at").String(FormatSqlTime(e.at));
    w.Key("actor_user_id").OptionalId(e.actor_user_id);
    w.Key("event").String(domain::AuditEventName(e.event));
    w.Key("subject_type").String(e.subject_type);
    w.Key("subject_id").OptionalId(e.subject_id);
    w.Key("detail").String(e.detail);
    w.Key("remote_address").String(e.remote_address);
    w.EndObject();
}

Result<domain::AuditQuery> ParseAuditQuery(const RouteContext& ctx) {
    domain::AuditQuery query;
    query.workspace_id = ctx.principal->user.workspace_id;
    std::pair<int, int> page;
    PIPECRM_RETURN_IF_ERROR(Take(QueryOffsetPage(ctx.request), page));
    query.offset = page.first;
    query.limit = page.second;
    if (const std::string* event = ctx.request.Query("event"); event && !event->empty()) {
        query.event = domain::ParseAuditEvent(*event);
        if (!query.event) {
            return InvalidArgument("event \"" + *event + "\" is not an audit event", "event");
        }
    }
    return query;
}

}  // namespace

void AddAuditRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add(
            "GET", prefix + "/auditLog",
            [&store](const RouteContext& ctx, Responder respond) {
                auto query = ParseAuditQuery(ctx);
                if (!query.ok()) {
                    respond(ErrorResponse(query.status()));
                    return;
                }
                ReadThen<std::vector<domain::AuditEntry>>(
                    store,
                    [&](domain::Repositories& repos) { return repos.AuditLog().List(*query); },
                    [&](std::vector<domain::AuditEntry>& entries) {
                        const bool more = entries.size() > static_cast<std::size_t>(query->limit);
                        entries.resize(
                            std::min(entries.size(), static_cast<std::size_t>(query->limit)));
                        JsonWriter w;
                        w.StartArray();
                        for (const domain::AuditEntry& entry : entries) {
                            WriteAuditEntry(w, entry);
                        }
                        w.EndArray();
                        return SuccessResponse(w.Take(), 200,
                                               OffsetPagination(query->offset, query->limit, more));
                    },
                    respond);
            },
            Access::kAdmin);
    }
}

}  // namespace pipecrm::http

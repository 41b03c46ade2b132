// v1 deal changelog (under /api/v1 and /v1): the deal's event log in Pipedrive's changelog
// shape, newest first. The web app's timeline reads the stage moves and the time spent in
// each stage from it.
#include <string>
#include <vector>

#include "domain/deal_event.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

// One changed field of one event.
struct ChangelogEntry {
    std::string field_key;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    Id actor_user_id = 0;
    Instant time;
};

std::optional<std::string> IdText(const OptionalId& id) {
    return id ? std::optional(std::to_string(*id)) : std::nullopt;
}

std::optional<std::string> AmountText(const std::optional<std::int64_t>& minor_units,
                                      const std::string& currency) {
    return minor_units ? std::optional(FormatAmount(*minor_units, currency)) : std::nullopt;
}

// The events, oldest first, as changed fields. Creation reads as the deal entering its first
// stage (old value null), so every stage the deal has been in starts with a stage_id entry.
std::vector<ChangelogEntry> ToChangelog(const std::vector<domain::DealEvent>& events) {
    std::vector<ChangelogEntry> out;
    std::string status = "open";
    for (const domain::DealEvent& e : events) {
        auto add = [&](std::string key, std::optional<std::string> from,
                       std::optional<std::string> to) {
            out.push_back({std::move(key), std::move(from), std::move(to), e.actor_user_id, e.at});
        };
        switch (e.kind) {
            case domain::DealEventKind::kCreated:
                add("stage_id", std::nullopt, IdText(e.to_stage_id));
                break;
            case domain::DealEventKind::kStageMoved:
                add("stage_id", IdText(e.from_stage_id), IdText(e.to_stage_id));
                if (e.from_pipeline_id != e.to_pipeline_id) {
                    add("pipeline_id", IdText(e.from_pipeline_id), IdText(e.to_pipeline_id));
                }
                break;
            case domain::DealEventKind::kValueChanged:
                add("value", AmountText(e.from_value, e.currency),
                    AmountText(e.to_value, e.currency));
                break;
            case domain::DealEventKind::kOwnerChanged:
                add("user_id", IdText(e.from_owner_id), IdText(e.to_owner_id));
                break;
            case domain::DealEventKind::kWon:
                add("status", status, "won");
                status = "won";
                break;
            case domain::DealEventKind::kLost:
                add("status", status, "lost");
                status = "lost";
                if (!e.lost_reason.empty()) {
                    add("lost_reason", std::nullopt, e.lost_reason);
                }
                break;
            case domain::DealEventKind::kReopened:
                add("status", status, "open");
                status = "open";
                break;
            case domain::DealEventKind::kDeleted:
                add("status", status, "deleted");
                status = "deleted";
                break;
        }
    }
    return out;
}

void WriteEntry(JsonWriter& w, const ChangelogEntry& e) {
    w.StartObject();
    w.Key("field_key").String(e.field_key);
    w.Key("old_value");
    e.old_value ? w.String(*e.old_value) : w.Null();
    w.Key("new_value");
    e.new_value ? w.String(*e.new_value) : w.Null();
    w.Key("actor_user_id").Int(e.actor_user_id);
    w.Key("time").String(FormatSqlTime(e.time));
    w.Key("change_source").String("api");
    w.Key("change_source_user_agent").Null();
    w.Key("is_bulk_update_flag").Bool(false);
    w.EndObject();
}

}  // namespace

void AddDealChangelogRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add(
            "GET", prefix + "/deals/{id}/changelog",
            [&store](const RouteContext& ctx, Responder respond) {
                Id deal_id = 0;
                std::pair<int, int> page;
                Status parsed = Take(ctx.IdParam(0), deal_id);
                if (parsed.ok()) {
                    parsed = Take(QueryOffsetPage(ctx.request), page);
                }
                if (!parsed.ok()) {
                    respond(ErrorResponse(parsed));
                    return;
                }
                const Id workspace_id = ctx.principal->user.workspace_id;
                ReadThen<std::vector<ChangelogEntry>>(
                    store,
                    [&](domain::Repositories& repos) -> Result<std::vector<ChangelogEntry>> {
                        // A deal the caller may not see is a 404, as everywhere.
                        PIPECRM_RETURN_IF_ERROR(repos.Deals().Get(workspace_id, deal_id).status());
                        auto events = repos.DealEvents().ListForDeal(workspace_id, deal_id);
                        if (!events.ok()) {
                            return events.status();
                        }
                        return ToChangelog(*events);
                    },
                    [&](std::vector<ChangelogEntry>& entries) {
                        const auto offset = static_cast<std::size_t>(page.first);
                        const auto limit = static_cast<std::size_t>(page.second);
                        JsonWriter w;
                        w.StartArray();
                        // Newest first, as Pipedrive answers.
                        for (std::size_t i = offset; i < entries.size() && i < offset + limit;
                             ++i) {
                            WriteEntry(w, entries[entries.size() - 1 - i]);
                        }
                        w.EndArray();
                        return SuccessResponse(w.Take(), 200,
                                               OffsetPagination(page.first, page.second,
                                                                entries.size() > offset + limit));
                    },
                    respond);
            });
    }
}

}  // namespace pipecrm::http

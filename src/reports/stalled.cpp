#include "reports/stalled.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace pipecrm::reports {
namespace {

struct Tally {
    std::int64_t open = 0;
    std::int64_t open_value = 0;
    std::int64_t rotting = 0;
    std::int64_t rotting_value = 0;
    std::int64_t no_next_activity = 0;
    std::int64_t no_next_activity_value = 0;
};

}  // namespace

ReportTable Stalled(ReportContext& context) {
    ReportTable table =
        context.StartTable("stalled",
                           {"owner_id", "owner", "open", "open_value", "rotting", "rotting_value",
                            "no_next_activity", "no_next_activity_value"},
                           ReportContext::Scope::kAllPipelines);
    const Instant now = context.request().now;
    const Date today = context.LocalDay(now);
    std::unordered_set<Id> with_next;
    for (const domain::ActivityFacts& a : context.data().activities) {
        if (!a.done && a.deal_id && a.due_date && *a.due_date >= today) {
            with_next.insert(*a.deal_id);
        }
    }
    std::map<Id, Tally> by_owner;
    for (const DealHistory& history : context.histories()) {
        const domain::Deal& deal = *history.deal;
        if (deal.status != domain::DealStatus::kOpen || !context.DealInPipelineScope(deal)) {
            continue;
        }
        const std::int64_t value = context.Value(deal).value_or(0);
        Tally& t = by_owner[deal.owner_id];
        ++t.open;
        t.open_value += value;
        const domain::Stage* stage = context.Stage(deal.stage_id);
        const Instant since =
            history.visits.empty() ? deal.add_time : history.visits.back().entered;
        if (stage != nullptr && stage->is_deal_rot_enabled && stage->days_to_rotten &&
            now - since > std::chrono::days{*stage->days_to_rotten}) {
            ++t.rotting;
            t.rotting_value += value;
        }
        if (with_next.count(deal.id) == 0) {
            ++t.no_next_activity;
            t.no_next_activity_value += value;
        }
    }
    std::vector<std::pair<Id, Tally>> owners(by_owner.begin(), by_owner.end());
    std::stable_sort(owners.begin(), owners.end(), [](const auto& a, const auto& b) {
        return a.second.rotting > b.second.rotting;
    });
    Tally total;
    for (const auto& [id, t] : owners) {
        table.rows.push_back({Cell::Int(id), Cell::Text(context.UserName(id)), Cell::Int(t.open),
                              Cell::Money(t.open_value), Cell::Int(t.rotting),
                              Cell::Money(t.rotting_value), Cell::Int(t.no_next_activity),
                              Cell::Money(t.no_next_activity_value)});
        total.rotting += t.rotting;
        total.no_next_activity += t.no_next_activity;
        total.open += t.open;
    }
    table.summary.emplace_back("open", Cell::Int(total.open));
    table.summary.emplace_back("rotting", Cell::Int(total.rotting));
    table.summary.emplace_back("no_next_activity", Cell::Int(total.no_next_activity));
    context.FinishTable(table);
    return table;
}

}  // namespace pipecrm::reports

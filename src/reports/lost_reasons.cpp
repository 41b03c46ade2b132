#include "reports/lost_reasons.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace pipecrm::reports {
namespace {

struct Tally {
    std::int64_t count = 0;
    std::int64_t value = 0;
};

}  // namespace

ReportTable LostReasons(ReportContext& context) {
    ReportTable table = context.StartTable(
        "lost-reasons", {"reason", "stage_id", "stage", "count", "value", "share"},
        ReportContext::Scope::kAllPipelines);
    std::map<std::pair<std::string, Id>, Tally> by_both;
    std::map<std::string, Tally> by_reason;
    std::map<Id, Tally> by_stage;
    std::int64_t total = 0;
    for (const DealHistory& history : context.histories()) {
        const domain::Deal& deal = *history.deal;
        if (deal.status != domain::DealStatus::kLost || !context.DealInPipelineScope(deal) ||
            !context.InPeriod(deal.lost_time)) {
            continue;
        }
        const std::string reason = deal.lost_reason.empty() ? "(none)" : deal.lost_reason;
        const std::int64_t value = context.Value(deal).value_or(0);
        for (Tally* t :
             {&by_both[{reason, deal.stage_id}], &by_reason[reason], &by_stage[deal.stage_id]}) {
            ++t->count;
            t->value += value;
        }
        ++total;
    }
    auto stage_name = [&](Id id) {
        const domain::Stage* stage = context.Stage(id);
        return stage ? stage->name : "stage " + std::to_string(id);
    };
    struct Row {
        std::string reason;
        std::optional<Id> stage;
        Tally tally;
    };
    auto emit = [&](std::vector<Row> rows) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row& a, const Row& b) { return a.tally.count > b.tally.count; });
        for (const Row& r : rows) {
            table.rows.push_back(
                {Cell::Text(r.reason), r.stage ? Cell::Int(*r.stage) : Cell::Null(),
                 Cell::Text(r.stage ? stage_name(*r.stage) : "(all)"), Cell::Int(r.tally.count),
                 Cell::Money(r.tally.value), Ratio(r.tally.count, total)});
        }
    };
    std::vector<Row> rows;
    for (const auto& [key, tally] : by_both) {
        rows.push_back({key.first, key.second, tally});
    }
    emit(std::move(rows));
    rows.clear();
    for (const auto& [reason, tally] : by_reason) {
        rows.push_back({reason, std::nullopt, tally});
    }
    emit(std::move(rows));
    rows.clear();
    for (const auto& [stage, tally] : by_stage) {
        rows.push_back({"(all)", stage, tally});
    }
    emit(std::move(rows));
    table.summary.emplace_back("lost", Cell::Int(total));
    context.FinishTable(table);
    return table;
}

}  // namespace pipecrm::reports

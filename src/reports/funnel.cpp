#include "reports/funnel.hpp"

namespace pipecrm::reports {
namespace {

using domain::DealStatus;

struct StageCounts {
    std::int64_t reached = 0;
    std::int64_t reached_value = 0;
    std::int64_t moved_on = 0;
    std::int64_t moved_on_value = 0;
    std::int64_t won = 0;
    std::int64_t won_value = 0;
    std::int64_t lost = 0;
    std::int64_t lost_value = 0;
    std::int64_t open = 0;
    std::int64_t open_value = 0;
};

std::vector<StageCounts> CountStages(ReportContext& context) {
    const auto& stages = context.stages();
    std::vector<StageCounts> counts(stages.size());
    for (const DealHistory& history : context.histories()) {
        const std::vector<std::optional<Instant>> reach = ReachTimes(context, history);
        const domain::Deal& deal = *history.deal;
        std::optional<std::int64_t> value;
        bool valued = false;
        for (std::size_t i = 0; i < stages.size(); ++i) {
            if (!reach[i] || !context.InPeriod(*reach[i])) {
                continue;
            }
            if (!valued) {
                value = context.Value(deal);
                valued = true;
            }
            const std::int64_t v = value.value_or(0);
            StageCounts& c = counts[i];
            ++c.reached;
            c.reached_value += v;
            if (i + 1 < stages.size() && reach[i + 1]) {
                ++c.moved_on;
                c.moved_on_value += v;
            }
            if (deal.stage_id == stages[i]->id) {
                if (deal.status == DealStatus::kWon) {
                    ++c.won;
                    c.won_value += v;
                } else if (deal.status == DealStatus::kLost) {
                    ++c.lost;
                    c.lost_value += v;
                } else if (deal.status == DealStatus::kOpen) {
                    ++c.open;
                    c.open_value += v;
                }
            }
        }
    }
    return counts;
}

}  // namespace

std::vector<std::optional<Instant>> ReachTimes(const ReportContext& context,
                                               const DealHistory& history) {
    std::vector<std::optional<Instant>> reach(context.stages().size());
    for (const StageEntry& entry : history.entries) {
        const auto index = context.StageIndex(entry.stage_id);
        if (!index) {
            continue;
        }
        for (std::size_t i = 0; i <= *index; ++i) {
            if (!reach[i]) {
                reach[i] = entry.at;
            }
        }
    }
    return reach;
}

ReportTable Funnel(ReportContext& context) {
    ReportTable table =
        context.StartTable("funnel", {"stage_id", "stage", "order", "reached", "reached_value",
                                      "moved_on", "moved_on_value", "conversion_to_next", "won",
                                      "won_value", "lost", "lost_value", "open", "open_value"});
    const std::vector<StageCounts> counts = CountStages(context);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const domain::Stage& stage = *context.stages()[i];
        const StageCounts& c = counts[i];
        const bool last = i + 1 == counts.size();
        table.rows.push_back(
            {Cell::Int(stage.id), Cell::Text(stage.name),
             Cell::Int(static_cast<std::int64_t>(i + 1)), Cell::Int(c.reached),
             Cell::Money(c.reached_value), last ? Cell::Null() : Cell::Int(c.moved_on),
             last ? Cell::Null() : Cell::Money(c.moved_on_value),
             last ? Cell::Null() : Ratio(c.moved_on, c.reached), Cell::Int(c.won),
             Cell::Money(c.won_value), Cell::Int(c.lost), Cell::Money(c.lost_value),
             Cell::Int(c.open), Cell::Money(c.open_value)});
    }
    context.FinishTable(table);
    return table;
}

ReportTable Conversion(ReportContext& context) {
    ReportTable table =
        context.StartTable("conversion", {"from_stage_id", "from_stage", "to_stage_id", "to_stage",
                                          "reached", "converted", "conversion_rate"});
    const std::vector<StageCounts> counts = CountStages(context);
    const auto& stages = context.stages();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const bool last = i + 1 == counts.size();
        const std::int64_t converted = last ? counts[i].won : counts[i].moved_on;
        table.rows.push_back({Cell::Int(stages[i]->id), Cell::Text(stages[i]->name),
                              last ? Cell::Null() : Cell::Int(stages[i + 1]->id),
                              Cell::Text(last ? "won" : stages[i + 1]->name),
                              Cell::Int(counts[i].reached), Cell::Int(converted),
                              Ratio(converted, counts[i].reached)});
    }
    std::int64_t won = 0;
    std::int64_t lost = 0;
    for (const DealHistory& history : context.histories()) {
        const domain::Deal& deal = *history.deal;
        if (context.pipeline() == nullptr || deal.pipeline_id != context.pipeline()->id ||
            !context.InPeriod(deal.close_time)) {
            continue;
        }
        won += deal.status == DealStatus::kWon ? 1 : 0;
        lost += deal.status == DealStatus::kLost ? 1 : 0;
    }
    table.summary.emplace_back("won", Cell::Int(won));
    table.summary.emplace_back("lost", Cell::Int(lost));
    table.summary.emplace_back("win_rate", Ratio(won, won + lost));
    context.FinishTable(table);
    return table;
}

}  // namespace pipecrm::reports

#include "reports/funnel.hpp"

namespace pipecrm::reports {
namespace {

using domain::DealStatus;
using domain::FunnelFigures;

std::vector<FunnelFigures> CountStages(ReportContext& context) {
    const auto& stages = context.stages();
    std::vector<FunnelFigures> counts(stages.size());
    for (const DealHistory& history : context.histories()) {
        std::optional<std::optional<std::int64_t>> value;  // converted once, when first needed
        for (const StageReach& reach : StageReaches(stages, history)) {
            if (!context.InPeriod(reach.at)) {
                continue;
            }
            if (!value) {
                value = context.Value(*history.deal);
            }
            CountReach(counts[reach.index], reach.moved_on, reach.now_here, value->value_or(0));
        }
    }
    return counts;
}

}  // namespace

std::vector<std::optional<Instant>> ReachTimes(const ReportContext& context,
                                               const DealHistory& history) {
    return ReachTimes(context.stages(), history);
}

std::vector<std::optional<Instant>> ReachTimes(const std::vector<const domain::Stage*>& stages,
                                               const DealHistory& history) {
    std::vector<std::optional<Instant>> reach(stages.size());
    for (const StageEntry& entry : history.entries) {
        std::optional<std::size_t> index;
        for (std::size_t i = 0; i < stages.size(); ++i) {
            if (stages[i]->id == entry.stage_id) {
                index = i;
                break;
            }
        }
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

std::vector<StageReach> StageReaches(const std::vector<const domain::Stage*>& stages,
                                     const DealHistory& history) {
    const std::vector<std::optional<Instant>> reach = ReachTimes(stages, history);
    const domain::Deal& deal = *history.deal;
    std::vector<StageReach> out;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (!reach[i]) {
            continue;
        }
        StageReach r;
        r.index = i;
        r.at = *reach[i];
        r.moved_on = i + 1 < stages.size() && reach[i + 1].has_value();
        if (deal.stage_id == stages[i]->id && deal.status != DealStatus::kDeleted) {
            r.now_here = deal.status;
        }
        out.push_back(r);
    }
    return out;
}

void CountReach(FunnelFigures& c,
                bool moved_on,
                const std::optional<DealStatus>& now_here,
                std::int64_t value,
                int sign) {
    c.reached += sign;
    c.reached_value += sign * value;
    if (moved_on) {
        c.moved_on += sign;
        c.moved_on_value += sign * value;
    }
    if (now_here == DealStatus::kWon) {
        c.won += sign;
        c.won_value += sign * value;
    } else if (now_here == DealStatus::kLost) {
        c.lost += sign;
        c.lost_value += sign * value;
    } else if (now_here == DealStatus::kOpen) {
        c.open += sign;
        c.open_value += sign * value;
    }
}

ReportTable FunnelTable(ReportContext& context, const std::vector<FunnelFigures>& counts) {
    ReportTable table =
        context.StartTable("funnel", {"stage_id", "stage", "order", "reached", "reached_value",
                                      "moved_on", "moved_on_value", "conversion_to_next", "won",
                                      "won_value", "lost", "lost_value", "open", "open_value"});
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const domain::Stage& stage = *context.stages()[i];
        const FunnelFigures& c = counts[i];
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

ReportTable Funnel(ReportContext& context) {
    return FunnelTable(context, CountStages(context));
}

ReportTable Conversion(ReportContext& context) {
    ReportTable table =
        context.StartTable("conversion", {"from_stage_id", "from_stage", "to_stage_id", "to_stage",
                                          "reached", "converted", "conversion_rate"});
    const std::vector<FunnelFigures> counts = CountStages(context);
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

#include "reports/funnel_facts.hpp"

#include <algorithm>
#include <set>

#include "reports/funnel.hpp"

namespace pipecrm::reports {

PipelineStages StagesByPipeline(const std::vector<domain::Stage>& stages) {
    PipelineStages out;
    for (const domain::Stage& s : stages) {
        if (!s.is_deleted) {
            out[s.pipeline_id].push_back(&s);
        }
    }
    for (auto& [pipeline, ordered] : out) {
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto* a, const auto* b) { return a->order_nr < b->order_nr; });
    }
    return out;
}

std::vector<domain::FunnelFact> FoldFunnelFacts(const DealHistory& history,
                                                const PipelineStages& pipelines,
                                                ReportContext& context) {
    const domain::Deal& deal = *history.deal;
    std::set<Id> entered;  // the pipelines of the stages the deal was put in
    for (const StageEntry& entry : history.entries) {
        if (const domain::Stage* stage = context.Stage(entry.stage_id)) {
            entered.insert(stage->pipeline_id);
        }
    }
    std::vector<domain::FunnelFact> out;
    std::optional<std::optional<std::int64_t>> value;  // converted once, when first needed
    for (Id pipeline_id : entered) {
        const auto stages = pipelines.find(pipeline_id);
        if (stages == pipelines.end()) {
            continue;
        }
        for (const StageReach& reach : StageReaches(stages->second, history)) {
            if (!value) {
                value = context.Value(deal);
            }
            domain::FunnelFact f;
            f.deal_id = deal.id;
            f.pipeline_id = pipeline_id;
            f.stage_id = stages->second[reach.index]->id;
            f.reach_day = context.LocalDay(reach.at);
            f.owner_id = deal.owner_id;
            f.visible_to = deal.visible_to;
            f.value = value->value_or(0);
            f.moved_on = reach.moved_on;
            f.now_here = reach.now_here;
            if (!*value) {
                f.unconverted_currency = deal.value.currency;
            }
            out.push_back(std::move(f));
        }
    }
    return out;
}

void AddFunnelFacts(FunnelSumMap& sums, const std::vector<domain::FunnelFact>& facts, int sign) {
    for (const domain::FunnelFact& f : facts) {
        domain::FunnelSumKey key;
        key.pipeline_id = f.pipeline_id;
        key.stage_id = f.stage_id;
        key.owner_id = f.owner_id;
        key.visible_to = f.visible_to;
        key.grain = domain::FunnelSumKey::kDay;
        key.period = f.reach_day;
        CountReach(sums[key], f.moved_on, f.now_here, f.value, sign);
        const std::chrono::year_month_day day{f.reach_day};
        key.grain = domain::FunnelSumKey::kMonth;
        key.period = Date{day.year() / day.month() / 1};
        CountReach(sums[key], f.moved_on, f.now_here, f.value, sign);
    }
}

std::vector<domain::FunnelSumDelta> FunnelSumDeltas(const FunnelSumMap& sums) {
    std::vector<domain::FunnelSumDelta> out;
    for (const auto& [key, figures] : sums) {
        const domain::FunnelFigures& f = figures;
        const bool empty = f.reached == 0 && f.reached_value == 0 && f.moved_on == 0 &&
                           f.moved_on_value == 0 && f.won == 0 && f.won_value == 0 && f.lost == 0 &&
                           f.lost_value == 0 && f.open == 0 && f.open_value == 0;
        if (!empty) {
            out.push_back({key, figures});
        }
    }
    return out;
}

}  // namespace pipecrm::reports

// The funnel and the stage-to-stage conversion of the chosen pipeline (docs/reports.md).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/report_facts.hpp"
#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// When a deal first reached each stage of the pipeline: entering a stage reaches it and
/// every earlier stage (a skipped stage counts as passed through); moving back never
/// un-reaches a stage. One entry per stage of ReportContext::stages(), empty if not reached.
std::vector<std::optional<Instant>> ReachTimes(const ReportContext& context,
                                               const DealHistory& history);
/// The same over the live stages of any one pipeline, in order.
std::vector<std::optional<Instant>> ReachTimes(const std::vector<const domain::Stage*>& stages,
                                               const DealHistory& history);

/// A stage (of `stages`, one pipeline in order) a deal reached: the first time, whether it
/// reached the next stage too (at any time), and its status when it is in this stage now.
struct StageReach {
    std::size_t index = 0;
    Instant at;
    bool moved_on = false;
    std::optional<domain::DealStatus> now_here;
};
std::vector<StageReach> StageReaches(const std::vector<const domain::Stage*>& stages,
                                     const DealHistory& history);

/// Adds one deal's reach of a stage, worth `value`, to the stage's figures (sign 1), or takes
/// it out (sign -1).
void CountReach(domain::FunnelFigures& figures,
                bool moved_on,
                const std::optional<domain::DealStatus>& now_here,
                std::int64_t value,
                int sign = 1);

/// The funnel table of the chosen pipeline from its stages' figures, in stage order (however
/// they were added up: by replaying the deals, or from derived sums).
ReportTable FunnelTable(ReportContext& context, const std::vector<domain::FunnelFigures>& figures);

/// Per stage: deals that reached it in the period; of those, how many reached the next stage,
/// and how many are now won, lost or still open in it; by count and by value.
ReportTable Funnel(ReportContext& context);

/// Per stage: the rate from it to the next stage (and from the last stage to won), and the
/// overall win rate won ÷ (won + lost) of the pipeline's deals closed in the period.
ReportTable Conversion(ReportContext& context);

}  // namespace pipecrm::reports

// The funnel and the stage-to-stage conversion of the chosen pipeline (docs/reports.md).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// When a deal first reached each stage of the pipeline: entering a stage reaches it and
/// every earlier stage (a skipped stage counts as passed through); moving back never
/// un-reaches a stage. One entry per stage of ReportContext::stages(), empty if not reached.
std::vector<std::optional<Instant>> ReachTimes(const ReportContext& context,
                                               const DealHistory& history);

/// Per stage: deals that reached it in the period; of those, how many reached the next stage,
/// and how many are now won, lost or still open in it; by count and by value.
ReportTable Funnel(ReportContext& context);

/// Per stage: the rate from it to the next stage (and from the last stage to won), and the
/// overall win rate won ÷ (won + lost) of the pipeline's deals closed in the period.
ReportTable Conversion(ReportContext& context);

}  // namespace pipecrm::reports

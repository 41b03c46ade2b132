// Time in stage: how long visits to each stage of the pipeline lasted (docs/reports.md).
#pragma once

#include <cstdint>
#include <vector>

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// Per stage: count, average, median and p90 days of the visits that ended in the period
/// ("left"), and of the visits of open deals still in the stage ("open", measured until
/// now). The bottleneck is the stage with the longest median of left visits.
ReportTable StageTime(ReportContext& context);

/// One stage's visits of one kind: how many, their total seconds, and their nearest-rank
/// median and p90 seconds (0 when there are none).
struct StageTimeStats {
    std::int64_t count = 0;
    std::int64_t total = 0;
    std::int64_t median = 0;
    std::int64_t p90 = 0;
};

/// The stage-time table from each stage's figures, in the order of context.stages(): the
/// replayed report and the one read from derived data (stage_time_refresh.hpp) both end here.
ReportTable StageTimeTable(ReportContext& context,
                           const std::vector<StageTimeStats>& left,
                           const std::vector<StageTimeStats>& open);

}  // namespace pipecrm::reports

// Time in stage: how long visits to each stage of the pipeline lasted (docs/reports.md).
#pragma once

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// Per stage: count, average, median and p90 days of the visits that ended in the period
/// ("left"), and of the visits of open deals still in the stage ("open", measured until
/// now). The bottleneck is the stage with the longest median of left visits.
ReportTable StageTime(ReportContext& context);

}  // namespace pipecrm::reports

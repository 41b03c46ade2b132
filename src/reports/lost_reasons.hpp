// Why deals were lost: count and value by reason and by the stage they were lost at.
#pragma once

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// Deals lost in the period (lost now, lost_time in it): one row per reason and stage, then
/// one total per reason (stage "(all)") and one per stage (reason "(all)"); the reason
/// "(none)" stands for an empty one. Each group is sorted by count, then name.
ReportTable LostReasons(ReportContext& context);

}  // namespace pipecrm::reports

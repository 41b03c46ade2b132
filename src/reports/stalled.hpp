// Deals going nowhere: open deals idle past their stage's rotting days, and open deals with
// no future activity, per owner.
#pragma once

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// Per owner with open deals: open deals and value; rotting ones (in a stage with rotting on
/// whose current visit began more than days_to_rotten days ago); and those with no activity
/// not done that is due today or later (in the time zone). Owners by rotting count, most first.
ReportTable Stalled(ReportContext& context);

}  // namespace pipecrm::reports

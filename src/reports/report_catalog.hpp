// The reports by name, as the API path and the CLI command spell them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// funnel, conversion, stage-time, stalled, lost-reasons, leaderboard, forecast, goals.
const std::vector<std::string>& ReportNames();

/// True for the reports whose figures move with the clock as well as with the data
/// (stage-time and stalled measure until now; goals default to the period holding today).
bool ReportDependsOnClock(std::string_view name);

/// Runs the named report. kNotFound naming "report" for an unknown name; kInvalidArgument
/// naming the option for a bad request (ReportContext::Build).
Result<ReportTable> RunReport(std::string_view name,
                              const ReportData& data,
                              const ReportRequest& request);

/// Reads the workspace's report inputs on the caller's snapshot (within the current viewer's
/// visibility) and runs the named report in the workspace's base currency: from derived data
/// when it is current (PrepareReport in report_facts.hpp makes it so), else from the deals and
/// their events.
Result<ReportTable> LoadAndRunReport(domain::Repositories& repos,
                                     Id workspace_id,
                                     std::string_view name,
                                     ReportRequest request);

}  // namespace pipecrm::reports

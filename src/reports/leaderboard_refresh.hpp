// The leaderboard served from derived data (docs/reports.md, "Performance"): its facts kept
// current (report_facts.hpp runs this for it) and the table built from their sums.
#pragma once

#include <optional>

#include "reports/report_facts.hpp"

namespace pipecrm::reports {

/// The leaderboard's part of RefreshReportFacts: deals changed since the watermark (as the
/// funnel's) and activities updated since kFactUpdateSlack before its activity time, refolded;
/// or everything again.
Status RefreshLeaderboardFacts(domain::Repositories& repos,
                               Id workspace_id,
                               const ReportRequest& fold,
                               const FactsState& state,
                               Instant now,
                               bool all,
                               const FoldProgress& progress = {});

/// The leaderboard from its derived data, current for the context's snapshot (ReportFromFacts
/// checks that and builds the context).
Result<ReportTable> LeaderboardFromFacts(domain::Repositories& repos,
                                         Id workspace_id,
                                         ReportContext& context,
                                         const ReportRequest& request);

}  // namespace pipecrm::reports

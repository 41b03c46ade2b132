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
                               bool rebuild,
                               const FoldProgress& progress = {});

/// The leaderboard from the derived sums when they are current for this snapshot; nullopt
/// when they are not (the caller goes through the deals instead).
Result<std::optional<ReportTable>> LeaderboardFromFacts(domain::Repositories& repos,
                                                        Id workspace_id,
                                                        const ReportData& data,
                                                        const ReportRequest& request);

}  // namespace pipecrm::reports

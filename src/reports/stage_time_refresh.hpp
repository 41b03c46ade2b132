// The stage-time report served from derived data (docs/reports.md, "Performance"): its visits,
// histograms and lists kept current (report_facts.hpp runs this for it) and the table built
// from the histograms and the few lists its percentiles need.
#pragma once

#include <optional>

#include "reports/report_facts.hpp"

namespace pipecrm::reports {

/// Stage-time's part of RefreshReportFacts: the deals changed since the watermark (as the
/// funnel's) refolded, or everything again.
Status RefreshStageTimeFacts(domain::Repositories& repos,
                             Id workspace_id,
                             const ReportRequest& fold,
                             const FactsState& state,
                             Instant now,
                             bool all,
                             const FoldProgress& progress = {});

/// Stage-time from its derived data, current for the context's snapshot (ReportFromFacts
/// checks that and builds the context).
Result<ReportTable> StageTimeFromFacts(domain::Repositories& repos,
                                       Id workspace_id,
                                       ReportContext& context,
                                       const ReportRequest& request);

}  // namespace pipecrm::reports

// The forecast served from derived data (docs/reports.md, "Performance"): its facts, sums and
// lists kept current (report_facts.hpp runs this for it) and the table built from them.
#pragma once

#include <optional>

#include "reports/report_facts.hpp"

namespace pipecrm::reports {

/// The forecast's part of RefreshReportFacts: the deals changed since the watermark refolded
/// (their old facts out of the sums and lists, their new ones in; only the lists they leave
/// and join are rewritten), or everything again.
Status RefreshForecastFacts(domain::Repositories& repos,
                            Id workspace_id,
                            const ReportRequest& fold,
                            const FactsState& state,
                            Instant now,
                            bool all,
                            const FoldProgress& progress = {});

/// The forecast from its derived data, current for the context's snapshot (ReportFromFacts
/// checks that and builds the context).
Result<ReportTable> ForecastFromFacts(domain::Repositories& repos,
                                      Id workspace_id,
                                      ReportContext& context,
                                      const ReportRequest& request);

}  // namespace pipecrm::reports

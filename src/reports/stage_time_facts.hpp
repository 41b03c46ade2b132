// The stage-time report's derived data (docs/reports.md, "Performance"): each deal's visits,
// folded once per change instead of replayed per report, and what they add to the histograms
// and lists the report reads; and the exact selection of a percentile from them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "domain/stage_time_facts.hpp"
#include "reports/deal_history.hpp"
#include "reports/report_context.hpp"

namespace pipecrm::reports {

/// The histogram bucket of a left visit's duration: four per doubling (from the bit length and
/// the two bits after the leading one), 0 for none; a longer duration never has a smaller one.
std::int64_t DurationBucket(std::int64_t seconds);

/// One deal's visits to live stages, as StageTime counts them: those that ended (local day and
/// seconds) and, while the deal is open, its current one (local day and instant it began).
domain::DealVisitFacts FoldVisitFacts(const DealHistory& history, const ReportContext& context);

/// Adds a deal's visits to `changes` (sign 1), or takes them out (sign -1).
void AddVisitFacts(domain::StageTimeChanges& changes,
                   const domain::DealVisitFacts& facts,
                   int sign);
/// Drops what cancels out in `changes` (a refolded deal whose visits did not change).
void Simplify(domain::StageTimeChanges& changes);

/// 1-based nearest rank of `percent` among `n` values (as Percentile counts it).
std::size_t PercentileRank(std::size_t n, int percent);

/// Where the `rank`-th smallest value (1-based) of a histogram lies: its bucket and its
/// 0-based position among the bucket's values in order.
struct RankedBucket {
    std::int64_t bucket = 0;
    std::size_t offset = 0;
};
RankedBucket FindRank(const domain::StageTimeHistogram& histogram, std::size_t rank);

}  // namespace pipecrm::reports

// The leaderboard's derived data (docs/reports.md, "Performance"): what each deal and each
// activity done contributes, folded once per change, and their sums by local day and month.
#pragma once

#include <map>
#include <vector>

#include "domain/report_facts.hpp"
#include "reports/report_context.hpp"

namespace pipecrm::reports {

/// A live deal's leaderboard fact: its add, won and lost days in the context's time zone, its
/// won value in the base currency (Value, so the context counts it when unconverted) and
/// seconds from add to won.
domain::DealFact FoldDealFact(const domain::Deal& deal, ReportContext& context);

/// An activity done (the fact without its day, and when it was marked done) with its local
/// day.
domain::ActivityFact FoldActivityFact(domain::ActivityFact fact,
                                      Instant marked_as_done_time,
                                      const ReportContext& context);

using LeaderboardSumMap = std::map<domain::LeaderboardSumKey, domain::LeaderboardFigures>;
/// Adds facts to `sums` (sign 1), or takes them out (sign -1), under their day and month.
void AddDealFacts(LeaderboardSumMap& sums, const std::vector<domain::DealFact>& facts, int sign);
void AddActivityFacts(LeaderboardSumMap& sums,
                      const std::vector<domain::ActivityFact>& facts,
                      int sign);
/// The non-empty changes of `sums`, for ReportFactStore::AddToLeaderboardSums.
std::vector<domain::LeaderboardSumDelta> LeaderboardSumDeltas(const LeaderboardSumMap& sums);

}  // namespace pipecrm::reports

// The forecast's derived data (docs/reports.md, "Performance"): what each live deal
// contributes, folded once per change, added up into won sums and stage close counts, and the
// open deals grouped into lists per pipeline, stage, owner, visibility and expected close month.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/forecast_facts.hpp"
#include "reports/deal_history.hpp"
#include "reports/forecast.hpp"
#include "reports/report_context.hpp"
#include "reports/report_data.hpp"

namespace pipecrm::reports {

/// A live deal's forecast fact: an open deal's expected close date, value in the base
/// currency (Value, the latest rate) and the percent its weighted value uses (its own, else
/// its live stage's, else 100); a won deal's local won day and value; a closed deal's stages
/// ever (from its history).
domain::ForecastFact FoldForecastFact(const DealHistory& history, ReportContext& context);

/// What besides ReportFactInputs the forecast depends on: every stage's configured
/// probability.
std::string ForecastInputs(const ReportData& data);

/// Changes to the won sums and the stage close counts, folded in memory before they are
/// written.
struct ForecastSumMap {
    std::map<domain::ForecastWonKey, std::pair<std::int64_t, std::int64_t>> won;  // deals, value
    std::map<domain::ForecastCloseKey, StageCloses> closes;
};
/// Adds facts to `sums` (sign 1), or takes them out (sign -1).
void AddForecastFacts(ForecastSumMap& sums,
                      const std::vector<domain::ForecastFact>& facts,
                      int sign);
/// The non-empty changes, for ForecastFactStore::AddToForecastSums.
std::vector<domain::ForecastWonDelta> ForecastWonDeltas(const ForecastSumMap& sums);
std::vector<domain::ForecastCloseDelta> ForecastCloseDeltas(const ForecastSumMap& sums);

/// The open deals of `facts` by the list they belong in.
using ForecastListMap = std::map<domain::ForecastListKey, std::vector<domain::ForecastOpenDeal>>;
void AddOpenDeals(ForecastListMap& lists, const std::vector<domain::ForecastFact>& facts);
/// The list an open deal's fact belongs in.
domain::ForecastListKey ListKeyOf(const domain::ForecastFact& fact);

}  // namespace pipecrm::reports

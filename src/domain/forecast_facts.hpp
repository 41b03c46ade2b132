// The storage port of the forecast's derived data (docs/reports.md, "Performance"): one fact
// per live deal, won sums by local day and month, per-stage close counts, and the open deals
// packed in lists per pipeline, stage, owner, visibility and expected close month. The
// watermark, the changed deals and their events come from ReportFactStore.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"
#include "domain/report_facts.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

/// What one live deal contributes to the forecast.
struct ForecastFact {
    Id deal_id = 0;
    Id pipeline_id = 0;
    Id stage_id = 0;
    Id owner_id = 0;  ///< the deal's current owner and visibility
    Visibility visible_to = Visibility::kEveryone;
    DealStatus status = DealStatus::kOpen;  ///< open, won or lost
    /// An open deal's expected close date; a won deal's local won day; else nothing.
    std::optional<Date> day;
    std::int64_t value = 0;   ///< in the base currency (open or won deals); 0 when unconverted
    int probability = 0;      ///< an open deal's own probability, else its stage's (percent)
    std::vector<Id> visited;  ///< a closed deal's stages ever, ascending
    std::string unconverted_currency;  ///< the deal's currency when it has no rate
};

/// The open deals of one pipeline, stage, owner and visibility expected to close in one month
/// (its first day; nothing for the deals without an expected close date).
struct ForecastListKey {
    Id pipeline_id = 0;
    Id stage_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;
    std::optional<Date> month;

    auto operator<=>(const ForecastListKey&) const = default;
};

/// One open deal of a list.
struct ForecastOpenDeal {
    Id deal_id = 0;
    std::optional<Date> day;  ///< expected close date
    std::int64_t value = 0;
    int probability = 0;
};

struct ForecastList {
    ForecastListKey key;
    std::vector<ForecastOpenDeal> deals;
};

/// Won deals of one pipeline, owner and visibility on one local day (kDay) or in one month.
struct ForecastWonKey {
    FunnelSumKey::Grain grain = FunnelSumKey::kDay;
    Date period;
    Id pipeline_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;

    auto operator<=>(const ForecastWonKey&) const = default;
};

struct ForecastWonDelta {
    ForecastWonKey key;
    std::int64_t won = 0;
    std::int64_t won_value = 0;
};

/// Closed deals of one owner and visibility that were ever in one stage, and how many of them
/// are won.
struct ForecastCloseKey {
    Id stage_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;

    auto operator<=>(const ForecastCloseKey&) const = default;
};

struct ForecastCloseDelta {
    ForecastCloseKey key;
    std::int64_t closed = 0;
    std::int64_t won = 0;
};

/// What a forecast reads: a pipeline (every one without), a period (open-ended without its
/// ends) and the owners in scope (all without), as the leaderboard does.
using ForecastScope = LeaderboardScope;

/// Summed won figures of one day or month of a scope (a period reads whole months from the
/// month sums and the days at either end from the day sums).
struct ForecastWonSum {
    Date period;  ///< a day, or a month's first day
    std::int64_t won = 0;
    std::int64_t won_value = 0;
};

/// Implementations are bound to one connection, like the other repositories. Reads are scoped
/// by the current viewer's visibility like the deals the rows come from.
class ForecastFactStore {
  public:
    virtual ~ForecastFactStore() = default;

    virtual Result<std::vector<ForecastFact>> ForecastFactsOf(Id workspace_id,
                                                              const std::string& time_zone,
                                                              const std::vector<Id>& deal_ids) = 0;
    virtual Status DeleteForecastFacts(Id workspace_id,
                                       const std::string& time_zone,
                                       const std::vector<Id>& deal_ids) = 0;
    virtual Status AddForecastFacts(Id workspace_id,
                                    const std::string& time_zone,
                                    const std::vector<ForecastFact>& facts) = 0;
    /// Adds each delta to the sums under its key (a new key starts from zero); a key left at
    /// zero deals is removed.
    virtual Status AddToForecastSums(Id workspace_id,
                                     const std::string& time_zone,
                                     const std::vector<ForecastWonDelta>& won,
                                     const std::vector<ForecastCloseDelta>& closes) = 0;
    /// The stored lists with these keys (keys with none left out), unscoped: for a fold.
    virtual Result<std::vector<ForecastList>> ForecastListsAt(
        Id workspace_id,
        const std::string& time_zone,
        const std::vector<ForecastListKey>& keys) = 0;
    /// Stores each list in place of the one with its key; an empty list removes it.
    virtual Status SetForecastLists(Id workspace_id,
                                    const std::string& time_zone,
                                    const std::vector<ForecastList>& lists) = 0;
    /// Removes every forecast fact, sum and list, and the forecast watermark, of the zone.
    virtual Status ClearForecast(Id workspace_id, const std::string& time_zone) = 0;

    /// The lists in the scope: its pipeline and owners, the months its period touches and
    /// the list without a month.
    virtual Result<std::vector<ForecastList>> ForecastLists(const ForecastScope& scope) = 0;
    /// The won sums in the scope's pipeline, owners and period.
    virtual Result<std::vector<ForecastWonSum>> ForecastWonSums(const ForecastScope& scope) = 0;
    /// Per stage (every pipeline), the closed and won counts of the scope's owners.
    virtual Result<std::vector<ForecastCloseDelta>> ForecastStageCloses(
        const ForecastScope& scope) = 0;
    /// The facts of unconverted open and won deals in the scope's pipeline and owners (few:
    /// deals whose currency has no rate); the caller checks their days against the period.
    virtual Result<std::vector<ForecastFact>> UnconvertedForecastFacts(
        const ForecastScope& scope) = 0;
};

}  // namespace pipecrm::domain

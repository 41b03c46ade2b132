// The storage port of the reports' derived data (docs/reports.md, "Performance"): facts folded
// from the deal event log and the deals' current state, their sums by local day and month, and
// the watermark saying how far they are folded. Nothing in it is a source of truth; it is
// rebuilt from the log whenever its watermark is missing or outdated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

/// How far one report's derived data in one time zone is folded.
struct ReportWatermark {
    std::int64_t last_event_id = 0;     ///< the last deal_events id folded in
    std::int64_t last_update_time = 0;  ///< the latest deals.update_time folded in (Unix seconds)
    std::int64_t last_activity_update_time = 0;  ///< the same of activities (leaderboard)
    std::string inputs;  ///< fingerprint of the other inputs (currency, rates, stages)
};

/// A funnel stage's figures (docs/reports.md, "funnel"), by count and by value in the base
/// currency: deals that reached it; of those, the ones that reached the next stage, and the
/// ones now won, lost or open in it.
struct FunnelFigures {
    std::int64_t reached = 0;
    std::int64_t reached_value = 0;
    std::int64_t moved_on = 0;
    std::int64_t moved_on_value = 0;
    std::int64_t won = 0;
    std::int64_t won_value = 0;
    std::int64_t lost = 0;
    std::int64_t lost_value = 0;
    std::int64_t open = 0;
    std::int64_t open_value = 0;
};

/// What one live deal contributes to the funnel of one pipeline at one stage it reached.
struct FunnelFact {
    Id deal_id = 0;
    Id pipeline_id = 0;
    Id stage_id = 0;
    Date reach_day;   ///< the local day it first reached the stage
    Id owner_id = 0;  ///< the deal's current owner and visibility
    Visibility visible_to = Visibility::kEveryone;
    std::int64_t value = 0;  ///< in the base currency; 0 when unconverted
    bool moved_on = false;   ///< it reached the next stage too
    /// Open, won or lost when the deal is in this stage now; nullopt when it is elsewhere.
    std::optional<DealStatus> now_here;
    std::string unconverted_currency;  ///< the deal's currency when it has no rate, else empty
};

/// The key funnel facts are added up under: one local day (kDay) or one local month (kMonth,
/// `period` its first day) of reaching a stage, with the deals' owner and visibility.
struct FunnelSumKey {
    enum Grain { kDay = 1, kMonth = 2 };
    Grain grain = kDay;
    Date period;
    Id pipeline_id = 0;
    Id stage_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;

    auto operator<=>(const FunnelSumKey&) const = default;
};

struct FunnelSumDelta {
    FunnelSumKey key;
    FunnelFigures figures;  ///< added to the stored sums; negative to take a deal's rows out
};

/// Which sums a funnel report reads: one pipeline, the reach days of a period (both ends
/// included; open-ended without them) and the owners in scope (all without).
struct FunnelScope {
    Id workspace_id = 0;
    std::string time_zone;
    Id pipeline_id = 0;
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<std::vector<Id>> owners;
};

/// What one live deal contributes to the leaderboard.
struct DealFact {
    Id deal_id = 0;
    Id pipeline_id = 0;
    Id owner_id = 0;  ///< the deal's current owner and visibility
    Visibility visible_to = Visibility::kEveryone;
    Date add_day;                      ///< local days
    std::optional<Date> won_day;       ///< while it is won
    std::optional<Date> lost_day;      ///< while it is lost
    std::int64_t won_value = 0;        ///< in the base currency, while won; 0 when unconverted
    std::int64_t won_seconds = 0;      ///< from add to won, while won
    std::string unconverted_currency;  ///< a won deal's currency when it has no rate
};

/// One live activity marked done, for the leaderboard.
struct ActivityFact {
    Id activity_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;
    std::string type;
    Date done_day;  ///< the local day of marked_as_done_time
};

/// What the leaderboard adds up: deals `added`, `won`, `lost` (per pipeline) and activities
/// `done` (per type, pipeline 0), per local day or month, owner and visibility.
struct LeaderboardSumKey {
    FunnelSumKey::Grain grain = FunnelSumKey::kDay;
    Date period;
    std::string measure;
    std::string type;
    Id pipeline_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;

    auto operator<=>(const LeaderboardSumKey&) const = default;
};

struct LeaderboardFigures {
    std::int64_t count = 0;
    std::int64_t value = 0;    ///< won value
    std::int64_t seconds = 0;  ///< add to won
};

struct LeaderboardSumDelta {
    LeaderboardSumKey key;
    LeaderboardFigures figures;
};

/// One owner's sum of one measure (and activity type) over a scope.
struct LeaderboardSum {
    Id owner_id = 0;
    std::string measure;
    std::string type;
    LeaderboardFigures figures;
};

/// Which sums a leaderboard reads: a pipeline (deals only; every one without), the days of a
/// period and the owners in scope.
struct LeaderboardScope {
    Id workspace_id = 0;
    std::string time_zone;
    std::optional<Id> pipeline_id;
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<std::vector<Id>> owners;
};

/// Implementations are bound to one connection, like the other repositories. Reads of facts
/// and sums are scoped by the current viewer's visibility like the deals they come from.
class ReportFactStore {
  public:
    virtual ~ReportFactStore() = default;

    virtual Result<std::optional<ReportWatermark>> Watermark(Id workspace_id,
                                                             const std::string& time_zone,
                                                             const std::string& report) = 0;
    virtual Status SetWatermark(Id workspace_id,
                                const std::string& time_zone,
                                const std::string& report,
                                const ReportWatermark& watermark,
                                Instant now) = 0;
    /// The time zones the report has derived data in.
    virtual Result<std::vector<std::string>> FoldedTimeZones(Id workspace_id,
                                                             const std::string& report) = 0;
    /// The last deal_events id and the latest deals.update_time of the workspace now (`inputs`
    /// empty): the watermark of a fold that reads this snapshot.
    virtual Result<ReportWatermark> ChangeMarks(Id workspace_id) = 0;
    /// Deals (deleted or not) with an event after `last_event_id` or updated at or after
    /// `updated_since`, by id.
    virtual Result<std::vector<Id>> ChangedDeals(Id workspace_id,
                                                 std::int64_t last_event_id,
                                                 Instant updated_since) = 0;
    /// Those of `deal_ids` not deleted, by id, without title and custom fields.
    virtual Result<std::vector<Deal>> LiveDealsAmong(Id workspace_id,
                                                     const std::vector<Id>& deal_ids) = 0;
    /// The events of `deal_ids`, by deal id, then time, then id.
    virtual Result<std::vector<DealEvent>> EventsOf(Id workspace_id,
                                                    const std::vector<Id>& deal_ids) = 0;

    /// The stored funnel facts of `deal_ids`.
    virtual Result<std::vector<FunnelFact>> FunnelFactsOf(Id workspace_id,
                                                          const std::string& time_zone,
                                                          const std::vector<Id>& deal_ids) = 0;
    virtual Status DeleteFunnelFacts(Id workspace_id,
                                     const std::string& time_zone,
                                     const std::vector<Id>& deal_ids) = 0;
    virtual Status AddFunnelFacts(Id workspace_id,
                                  const std::string& time_zone,
                                  const std::vector<FunnelFact>& facts) = 0;
    /// Adds each delta to the sums under its key (a new key starts from zero); a key left
    /// with no deal reaching is removed.
    virtual Status AddToFunnelSums(Id workspace_id,
                                   const std::string& time_zone,
                                   const std::vector<FunnelSumDelta>& deltas) = 0;
    /// Removes every funnel fact and sum, and the watermark, of the time zone.
    virtual Status ClearFunnel(Id workspace_id, const std::string& time_zone) = 0;

    /// Activities (deleted or not) updated at or after `updated_since`, by id.
    virtual Result<std::vector<Id>> ChangedActivities(Id workspace_id, Instant updated_since) = 0;
    /// Those of `activity_ids` not deleted and marked done, as leaderboard facts without
    /// done_day: (fact, marked_as_done_time) pairs.
    virtual Result<std::vector<std::pair<ActivityFact, Instant>>> DoneActivitiesAmong(
        Id workspace_id, const std::vector<Id>& activity_ids) = 0;
    /// Every live activity marked done, the same way (a rebuild).
    virtual Result<std::vector<std::pair<ActivityFact, Instant>>> DoneActivities(
        Id workspace_id) = 0;

    virtual Result<std::vector<DealFact>> DealFactsOf(Id workspace_id,
                                                      const std::string& time_zone,
                                                      const std::vector<Id>& deal_ids) = 0;
    virtual Status DeleteDealFacts(Id workspace_id,
                                   const std::string& time_zone,
                                   const std::vector<Id>& deal_ids) = 0;
    virtual Status AddDealFacts(Id workspace_id,
                                const std::string& time_zone,
                                const std::vector<DealFact>& facts) = 0;
    virtual Result<std::vector<ActivityFact>> ActivityFactsOf(
        Id workspace_id, const std::string& time_zone, const std::vector<Id>& activity_ids) = 0;
    virtual Status DeleteActivityFacts(Id workspace_id,
                                       const std::string& time_zone,
                                       const std::vector<Id>& activity_ids) = 0;
    virtual Status AddActivityFacts(Id workspace_id,
                                    const std::string& time_zone,
                                    const std::vector<ActivityFact>& facts) = 0;
    /// As AddToFunnelSums; a key left with count 0 is removed.
    virtual Status AddToLeaderboardSums(Id workspace_id,
                                        const std::string& time_zone,
                                        const std::vector<LeaderboardSumDelta>& deltas) = 0;
    /// Removes every leaderboard fact and sum, and the watermark, of the time zone.
    virtual Status ClearLeaderboard(Id workspace_id, const std::string& time_zone) = 0;
    /// The sums per owner, measure and type over the scope.
    virtual Result<std::vector<LeaderboardSum>> LeaderboardSums(const LeaderboardScope& scope) = 0;
    /// The owners of any live deal in the scope's pipeline (whatever the period).
    virtual Result<std::vector<Id>> LeaderboardDealOwners(const LeaderboardScope& scope) = 0;
    /// The won deals in the scope whose currency has no rate.
    virtual Result<std::vector<DealFact>> UnconvertedWonDeals(const LeaderboardScope& scope) = 0;

    /// The summed figures per stage of the scope's pipeline (stages with no fact left out).
    virtual Result<std::vector<std::pair<Id, FunnelFigures>>> FunnelSums(
        const FunnelScope& scope) = 0;
    /// The facts of unconverted deals in the scope (few: deals whose currency has no rate).
    virtual Result<std::vector<FunnelFact>> UnconvertedFunnelFacts(const FunnelScope& scope) = 0;
};

}  // namespace pipecrm::domain

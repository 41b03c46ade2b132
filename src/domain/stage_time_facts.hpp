// The storage port of the stage-time report's derived data (docs/reports.md, "Performance"):
// each live deal's visits, and the visits' durations as histograms (count and sum per bucket)
// and as the lists of values of each bucket, so that a report reads its counts and sums from
// the histograms and only the values around its median and p90 from the lists. Days are day
// numbers (days since 1970-01-01) in the time zone the data is kept in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/report_facts.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

/// Visits that ended (`kLeft`), or the current visits of open deals (`kOpen`).
enum class StageTimeKind { kLeft = 1, kOpen = 2 };

/// One visit of a deal to a live stage. Left: `day` is the local day it ended and `value` its
/// seconds; open: `day` is the local day it began and `value` that instant in Unix seconds.
struct StageVisitFact {
    Id pipeline_id = 0;
    Id stage_id = 0;
    StageTimeKind kind = StageTimeKind::kLeft;
    std::int64_t day = 0;
    std::int64_t value = 0;

    auto operator<=>(const StageVisitFact&) const = default;
};

/// One live deal's visits, with its current owner and visibility.
struct DealVisitFacts {
    Id deal_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;
    std::vector<StageVisitFact> visits;
};

/// A histogram row: left visits per local day (grain 1, `period` the day) or month (grain 2,
/// `period` its first day); open visits in one row (grain 0, period 0).
struct StageTimeHistKey {
    StageTimeKind kind = StageTimeKind::kLeft;
    int grain = 0;
    std::int64_t period = 0;
    Id pipeline_id = 0;
    Id stage_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;

    auto operator<=>(const StageTimeHistKey&) const = default;
};

/// How many values a bucket holds and their sum.
struct StageTimeBucket {
    std::int64_t count = 0;
    std::int64_t sum = 0;
};
/// Buckets by number: left visits by DurationBucket of their seconds, open ones by the local
/// day they began. A larger bucket holds larger values.
using StageTimeHistogram = std::map<std::int64_t, StageTimeBucket>;

/// A list row: the values of one bucket, per local month (left: the month's first day, as a
/// day number, of the day the visits ended; open: 0).
struct StageTimeListKey {
    StageTimeKind kind = StageTimeKind::kLeft;
    Id pipeline_id = 0;
    Id stage_id = 0;
    std::int64_t bucket = 0;
    std::int64_t month = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;

    auto operator<=>(const StageTimeListKey&) const = default;
};

/// One value of a list, with its visit's day.
struct StageTimeItem {
    std::int64_t day = 0;
    std::int64_t value = 0;

    auto operator<=>(const StageTimeItem&) const = default;
};

/// Changes to apply to the histograms (added to the stored buckets; negative to take out) and
/// to the lists (values taken out, values put in).
struct StageTimeChanges {
    struct ListChange {
        std::vector<StageTimeItem> removed;
        std::vector<StageTimeItem> added;
    };
    std::map<StageTimeHistKey, StageTimeHistogram> hists;
    std::map<StageTimeListKey, ListChange> lists;
};

/// What a stage-time report reads: one pipeline, the local days of a period (both ends
/// included; open-ended without them) and the owners in scope (all without), as the funnel
/// does.
using StageTimeScope = FunnelScope;

/// One stage's histogram row within a scope.
struct StageTimeHistRow {
    Id stage_id = 0;
    StageTimeHistogram histogram;
};

/// Implementations are bound to one connection, like the other repositories. Reads apply the
/// deals' visibility predicate to the owner and visibility the rows copy.
class StageTimeFactStore {
  public:
    virtual ~StageTimeFactStore() = default;
    virtual Result<std::vector<DealVisitFacts>> VisitFactsOf(Id workspace_id,
                                                             const std::string& time_zone,
                                                             const std::vector<Id>& deal_ids) = 0;
    virtual Status DeleteVisitFacts(Id workspace_id,
                                    const std::string& time_zone,
                                    const std::vector<Id>& deal_ids) = 0;
    virtual Status AddVisitFacts(Id workspace_id,
                                 const std::string& time_zone,
                                 const std::vector<DealVisitFacts>& facts) = 0;
    /// Adds the histogram changes to the stored rows and takes values out of and puts values
    /// into the stored lists; rows left empty are deleted. kInternal when a value to take out
    /// is not in its list (the data is then rebuilt by `pipecrm report rebuild`).
    virtual Status ApplyStageTimeChanges(Id workspace_id,
                                         const std::string& time_zone,
                                         const StageTimeChanges& changes) = 0;
    /// Deletes the zone's facts, histograms, lists and watermark.
    virtual Status ClearStageTime(Id workspace_id, const std::string& time_zone) = 0;
    /// The histogram rows of the scope: left visits that ended in the period, or every open
    /// visit.
    virtual Result<std::vector<StageTimeHistRow>> StageTimeHistograms(const StageTimeScope& scope,
                                                                      StageTimeKind kind) = 0;
    /// The values of one stage's bucket within the scope (left: ended in the period).
    virtual Result<std::vector<std::int64_t>> StageTimeValues(const StageTimeScope& scope,
                                                              StageTimeKind kind,
                                                              Id stage_id,
                                                              std::int64_t bucket) = 0;
};

}  // namespace pipecrm::domain

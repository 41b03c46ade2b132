// The storage port behind the reports (src/reports): the deals, events, activities and rates a
// report needs, read within the current viewer's visibility like every other read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/exchange_rate.hpp"
#include "domain/goal.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

/// What reports need to know of an activity.
struct ActivityFacts {
    Id id = 0;
    Id owner_id = 0;
    OptionalId deal_id;
    std::string type;
    bool done = false;
    std::optional<Instant> marked_as_done_time;
    std::optional<Date> due_date;
};

/// One row of a forecast snapshot: the open deals of one pipeline and owner, with one
/// visibility, expected to close in one month, as the forecast stood when it was taken.
struct ForecastSnapshotRow {
    Id workspace_id = 0;
    std::int64_t snapshot = 0;  ///< the rows of one snapshot share it; later ones are larger
    Instant taken_time;
    Date taken_date;    ///< in the workspace's time zone
    std::string month;  ///< "YYYY-MM"
    Id pipeline_id = 0;
    Id owner_id = 0;
    Visibility visible_to = Visibility::kEveryone;
    std::int64_t open_count = 0;
    std::int64_t open_value = 0;  ///< minor units of base_currency
    std::int64_t weighted_value = 0;
    std::string base_currency;
};

/// Implementations are bound to one connection, like the other repositories.
class ReportSource {
  public:
    virtual ~ReportSource() = default;
    /// Every deal the viewer may see that is not deleted, by id, without its title and custom
    /// fields (no report shows them; a million titles cost a million allocations).
    virtual Result<std::vector<Deal>> LiveDeals(Id workspace_id) = 0;
    /// The events of those deals, ordered by deal id, then time, then id.
    virtual Result<std::vector<DealEvent>> EventsOfLiveDeals(Id workspace_id) = 0;
    /// The activities the viewer may see that are not deleted, by id.
    virtual Result<std::vector<ActivityFacts>> Activities(Id workspace_id) = 0;
    /// Every version of every rate of the workspace, by currency, date, then entered_time.
    virtual Result<std::vector<ExchangeRate>> Rates(Id workspace_id) = 0;
    /// Adds a version of a rate (a new row: earlier versions stay).
    virtual Result<Id> AddRate(const ExchangeRate& rate) = 0;
    /// The snapshot rows the viewer may see (by their owner and visibility), by snapshot.
    virtual Result<std::vector<ForecastSnapshotRow>> ForecastSnapshots(Id workspace_id) = 0;
    /// True when a snapshot was taken on `day`.
    virtual Result<bool> HasForecastSnapshot(Id workspace_id, Date day) = 0;
    /// True when an open deal has an expected close date (a snapshot would have rows).
    virtual Result<bool> HasForecastDeals(Id workspace_id) = 0;
    /// The number the next snapshot of the workspace gets (one more than the last).
    virtual Result<std::int64_t> NextForecastSnapshot(Id workspace_id) = 0;
    virtual Status AddForecastSnapshotRow(const ForecastSnapshotRow& row) = 0;
    /// The workspace's goals not deleted, by id.
    virtual Result<std::vector<Goal>> Goals(Id workspace_id) = 0;
    virtual Result<Id> AddGoal(const Goal& goal) = 0;
    /// kNotFound for no such live goal in the workspace.
    virtual Status DeleteGoal(Id workspace_id, Id goal_id) = 0;
};

}  // namespace pipecrm::domain

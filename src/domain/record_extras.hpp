// Figures about a deal, person or organization that come from other tables (activities,
// notes, product lines, the event log, deals, persons), computed for a page of records at once.
#pragma once

#include <cstdint>
#include <optional>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// Which families of figures to compute; each is one query for the whole page.
struct ExtrasWanted {
    bool activities = false;  ///< counts and next/last activity (not deleted)
    bool notes = false;       ///< notes not deleted
    bool products = false;    ///< enabled product lines (deals)
    bool first_won = false;   ///< the first `won` event (deals)
    bool deals = false;       ///< deals not deleted, by status (persons, organizations)
    bool people = false;      ///< persons not deleted (organizations)

    bool Any() const { return activities || notes || products || first_won || deals || people; }
};

/// One record's figures; those of a family not asked for stay zero or empty.
struct RecordExtras {
    Id id = 0;
    std::int64_t activities_count = 0;
    std::int64_t done_activities_count = 0;
    std::int64_t undone_activities_count = 0;
    /// The undone activity due soonest (due_date, then due_time, undated last, then id).
    OptionalId next_activity_id;
    /// The done activity most recently due (the same order reversed, undated last).
    OptionalId last_activity_id;
    std::int64_t notes_count = 0;
    std::int64_t products_count = 0;
    std::optional<Instant> first_won_time;
    std::int64_t open_deals_count = 0;
    std::int64_t won_deals_count = 0;
    std::int64_t lost_deals_count = 0;
    std::int64_t people_count = 0;
};

}  // namespace pipecrm::domain

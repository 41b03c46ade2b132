// A deal's path through the stages, replayed from its event log (docs/reports.md, "Stage
// history"): every entry into a stage, and the visits an open deal spent in stages.
#pragma once

#include <optional>
#include <vector>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"

namespace pipecrm::reports {

/// The deal was put into a stage (created there, or moved there, open or not).
struct StageEntry {
    Id stage_id = 0;
    Instant at;
};

/// Time an open deal spent in one stage: from entering it (or being reopened in it) until it
/// moved on, was won or lost. `left` is empty while it is still there.
struct StageVisit {
    Id stage_id = 0;
    Instant entered;
    std::optional<Instant> left;
};

struct DealHistory {
    const domain::Deal* deal = nullptr;
    std::vector<StageEntry> entries;
    std::vector<StageVisit> visits;
};

/// One history per deal, in the order of `deals`. `events` must be sorted by deal id, then
/// time, then id (as ReportSource gives them). A deal with no events (history not recorded)
/// is taken as created in its current stage at its add_time.
std::vector<DealHistory> BuildHistories(const std::vector<domain::Deal>& deals,
                                        const std::vector<domain::DealEvent>& events);

}  // namespace pipecrm::reports

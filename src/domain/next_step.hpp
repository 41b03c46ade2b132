// Next-step suggestions for open deals: the stage's playbook (configurable per stage, with
// defaults for the five default stages in English and Vietnamese) and the deal's state
// (nothing done for a while, no activity planned, expected close date passed). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/activity.hpp"
#include "domain/deal.hpp"
#include "domain/workspace.hpp"

namespace pipecrm::domain {

/// The activity a stage's deals should get next.
struct Playbook {
    Id stage_id = 0;
    std::string activity_type;  ///< call, meeting, task, email, ...
    std::string subject;
    int due_in_days = 0;
    bool is_default = true;  ///< false when an admin configured it
};

/// The built-in playbook of the stage at `order_nr` (1..5: the default stages; later stages
/// get the closing one, earlier get the first).
Playbook DefaultPlaybook(Id stage_id, int order_nr, Language language);

enum class SuggestionKind { kCloseDatePassed, kStale, kNoNextActivity, kPlaybook };

std::string_view SuggestionKindName(SuggestionKind kind);

struct Suggestion {
    SuggestionKind kind = SuggestionKind::kPlaybook;
    std::string activity_type;
    std::string subject;
    Date due_date;
    std::string reason;
};

/// Deals with nothing done or changed for this many days are stale.
inline constexpr int kStaleDays = 7;

/// The suggestions for an open deal, most urgent first: expected close date passed, nothing
/// done for kStaleDays, then the playbook's activity (kNoNextActivity when nothing is planned
/// from today on, else kPlaybook — left out when an open activity already has its subject).
/// `activities` are the deal's; empty for a deal that is not open.
std::vector<Suggestion> SuggestNextSteps(const Deal& deal,
                                         const Playbook& playbook,
                                         const std::vector<Activity>& activities,
                                         Date today,
                                         Language language);

}  // namespace pipecrm::domain

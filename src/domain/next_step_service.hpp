// Next-step suggestions over the storage ports: for one deal, for a rep's open deals, and the
// stage playbooks they come from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/next_step.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// The stage's playbook: configured, or the default for its position. kNotFound for no live
/// stage.
Result<Playbook> StagePlaybook(Repositories& repos,
                               Id workspace_id,
                               Id stage_id,
                               std::optional<Language> language);

/// Sets a stage's playbook; kInvalidArgument naming activity_type, subject or due_in_days.
Result<Playbook> SetStagePlaybook(Repositories& repos,
                                  const Actor& actor,
                                  const Playbook& playbook,
                                  Instant now);

struct DealSuggestions {
    Deal deal;
    std::vector<Suggestion> suggestions;
};

/// One deal's suggestions (none unless it is open). `language` defaults to the workspace's.
Result<DealSuggestions> SuggestForDeal(
    Repositories& repos, Id workspace_id, Id deal_id, Date today, std::optional<Language> language);

/// The rep's open deals that have a suggestion, most urgent first (by the first suggestion's
/// kind, then due date). At most 500 deals are looked at.
Result<std::vector<DealSuggestions>> SuggestForRep(
    Repositories& repos, Id workspace_id, Id user_id, Date today, std::optional<Language> language);

}  // namespace pipecrm::domain

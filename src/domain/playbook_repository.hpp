// The storage port of stage playbooks configured by admins.
#pragma once

#include <optional>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/next_step.hpp"

namespace pipecrm::domain {

class PlaybookRepository {
  public:
    virtual ~PlaybookRepository() = default;
    /// The stage's configured playbook, if any.
    virtual Result<std::optional<Playbook>> Get(Id workspace_id, Id stage_id) = 0;
    /// Sets (or replaces) the stage's playbook.
    virtual Status Put(Id workspace_id, const Playbook& playbook, Instant now) = 0;
};

}  // namespace pipecrm::domain

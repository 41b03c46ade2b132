// The managed list of lost reasons: adding and removing them (admins; the API checks the role).
#pragma once

#include <string>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/lost_reason.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Adds a reason to the actor's workspace. The label is trimmed; empty, longer than 255 bytes
/// or the same as a live reason's is kInvalidArgument / kAlreadyExists naming "label".
Result<LostReason> AddLostReason(Repositories& repos,
                                 const Actor& actor,
                                 const std::string& label,
                                 Instant now);
/// Removes a live reason; kNotFound when there is none. Deals keep their lost_reason text.
Result<LostReason> DeleteLostReason(Repositories& repos, const Actor& actor, Id id, Instant now);

}  // namespace pipecrm::domain

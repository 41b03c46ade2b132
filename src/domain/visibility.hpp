// Who may see a record besides its owner: Pipedrive's visible_to values (docs/security.md).
#pragma once

#include <optional>

namespace pipecrm::domain {

/// 1 the owner (and admins, and the managers of the owner's teams); 3 and 5 also the owner's
/// team-mates; 7 everyone in the workspace.
enum class Visibility { kOwner = 1, kTeam = 3, kFollowers = 5, kEveryone = 7 };
std::optional<Visibility> VisibilityFromInt(long long value);

}  // namespace pipecrm::domain

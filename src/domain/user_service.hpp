// Administering a workspace's people: users (add, disable, role, password) and teams. Each
// change appends its audit entry in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// "admin", "manager" or "member"; kInvalidArgument("role") otherwise.
Result<Role> ParseRole(std::string_view name);

struct NewUser {
    std::string email;
    std::string name;  ///< empty: the email
    Role role = Role::kMember;
    std::string password_hash;  ///< empty: no password until an admin sets one
};

/// kInvalidArgument("email") for a bad address; kAlreadyExists("email") when the workspace
/// already has a user with it.
Result<User> AddUser(Repositories& repos, const Actor& actor, const NewUser& request, Instant now);

/// The workspace's user with this email (case-insensitive); kNotFound("email") otherwise.
Result<User> GetUserByEmail(Repositories& repos, Id workspace_id, const std::string& email);

/// kFailedPrecondition when the user already is disabled, or is the last active admin.
Result<User> DisableUser(Repositories& repos, const Actor& actor, Id user_id, Instant now);
/// kFailedPrecondition when it would leave the workspace without an active admin.
Result<User> SetUserRole(
    Repositories& repos, const Actor& actor, Id user_id, Role role, Instant now);
/// An admin's reset: stores the new argon2id hash (made by the caller).
Result<User> ResetUserPassword(Repositories& repos,
                               const Actor& actor,
                               Id user_id,
                               const std::string& password_hash,
                               Instant now);

/// kInvalidArgument("name") for an empty name; kAlreadyExists("name") for a taken one.
Result<Team> CreateTeam(Repositories& repos,
                        const Actor& actor,
                        const std::string& name,
                        OptionalId manager_user_id,
                        Instant now);
/// The live team with this name; kNotFound("team") otherwise.
Result<Team> GetTeamByName(Repositories& repos, Id workspace_id, const std::string& name);
/// Adds the user to the team (again: no change, no audit entry).
Status AddTeamMember(
    Repositories& repos, const Actor& actor, const Team& team, const User& user, Instant now);

}  // namespace pipecrm::domain

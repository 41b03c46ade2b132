#include "domain/user_service.hpp"

#include <algorithm>

#include "domain/audit.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::domain {
namespace {

Status Audit(Repositories& repos,
             const Actor& actor,
             AuditEvent event,
             const User& user,
             std::string detail,
             Instant now) {
    return AppendAudit(repos, AuditBy(actor, event, "user", user.id, std::move(detail), now));
}

// Whether another active admin than `user_id` remains in the workspace.
Result<bool> AnotherActiveAdmin(Repositories& repos, Id workspace_id, Id user_id) {
    auto users = repos.Users().List(workspace_id);
    if (!users.ok()) {
        return users.status();
    }
    return std::any_of(users->begin(), users->end(), [&](const User& u) {
        return u.id != user_id && u.active && u.role == Role::kAdmin;
    });
}

Status KeepAnAdmin(Repositories& repos, const User& user, const char* what) {
    if (user.role != Role::kAdmin || !user.active) {
        return Status::Ok();
    }
    auto another = AnotherActiveAdmin(repos, user.workspace_id, user.id);
    if (!another.ok()) {
        return another.status();
    }
    if (!*another) {
        return FailedPrecondition(std::string(what) + " " + user.email +
                                  " would leave the workspace without an active admin");
    }
    return Status::Ok();
}

}  // namespace

Result<Role> ParseRole(std::string_view name) {
    for (Role role : {Role::kAdmin, Role::kManager, Role::kMember}) {
        if (RoleName(role) == name) {
            return role;
        }
    }
    return InvalidArgument(
        "the role must be admin, manager or member, not \"" + std::string(name) + "\"", "role");
}

Result<User> AddUser(Repositories& repos, const Actor& actor, const NewUser& request, Instant now) {
    auto email = NormalizeEmail(request.email);
    if (!email.ok()) {
        return email.status();
    }
    auto existing = repos.Users().FindByEmail(actor.workspace_id, *email);
    if (!existing.ok()) {
        return existing.status();
    }
    if (existing->has_value()) {
        return AlreadyExists("the workspace already has a user with the email " + *email, "email");
    }
    auto workspace = repos.Workspaces().Get(actor.workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    User user;
    user.workspace_id = actor.workspace_id;
    user.email = *email;
    user.name = request.name.empty() ? *email : request.name;
    user.role = request.role;
    user.password_hash = request.password_hash;
    user.default_currency = workspace->default_currency;
    user.time_zone = workspace->time_zone;
    user.locale = workspace->language == Language::kVietnamese ? "vi_VN" : "en_US";
    user.add_time = now;
    user.update_time = now;
    auto id = repos.Users().Insert(user);
    if (!id.ok()) {
        return id.status();
    }
    user.id = *id;
    PIPECRM_RETURN_IF_ERROR(Audit(repos, actor, AuditEvent::kUserAdded, user,
                                  user.email + " as " + std::string(RoleName(user.role)), now));
    return user;
}

Result<User> GetUserByEmail(Repositories& repos, Id workspace_id, const std::string& email) {
    auto normalized = NormalizeEmail(email);
    if (!normalized.ok()) {
        return normalized.status();
    }
    auto user = repos.Users().FindByEmail(workspace_id, *normalized);
    if (!user.ok()) {
        return user.status();
    }
    if (!user->has_value()) {
        return NotFound("the workspace has no user with the email " + *normalized, "email");
    }
    return std::move(**user);
}

Result<User> DisableUser(Repositories& repos, const Actor& actor, Id user_id, Instant now) {
    auto user = repos.Users().Get(actor.workspace_id, user_id);
    if (!user.ok()) {
        return user.status();
    }
    if (!user->active) {
        return FailedPrecondition("the user " + user->email + " is already disabled");
    }
    PIPECRM_RETURN_IF_ERROR(KeepAnAdmin(repos, *user, "disabling"));
    user->active = false;
    user->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Users().Update(*user));
    // A disabled user is signed out everywhere at once.
    PIPECRM_RETURN_IF_ERROR(
        repos.Sessions().RevokeAllOfUser(actor.workspace_id, user->id, std::nullopt, now));
    PIPECRM_RETURN_IF_ERROR(
        Audit(repos, actor, AuditEvent::kUserDisabled, *user, user->email, now));
    return user;
}

Result<User> SetUserRole(
    Repositories& repos, const Actor& actor, Id user_id, Role role, Instant now) {
    auto user = repos.Users().Get(actor.workspace_id, user_id);
    if (!user.ok()) {
        return user.status();
    }
    if (user->role == role) {
        return user;
    }
    PIPECRM_RETURN_IF_ERROR(KeepAnAdmin(repos, *user, "changing the role of"));
    const std::string detail = user->email + ": " + std::string(RoleName(user->role)) + " -> " +
                               std::string(RoleName(role));
    user->role = role;
    user->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Users().Update(*user));
    PIPECRM_RETURN_IF_ERROR(Audit(repos, actor, AuditEvent::kRoleChanged, *user, detail, now));
    return user;
}

Result<User> ResetUserPassword(Repositories& repos,
                               const Actor& actor,
                               Id user_id,
                               const std::string& password_hash,
                               Instant now) {
    auto user = repos.Users().Get(actor.workspace_id, user_id);
    if (!user.ok()) {
        return user.status();
    }
    user->password_hash = password_hash;
    user->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Users().Update(*user));
    // Whoever held a session under the old password holds it no longer.
    PIPECRM_RETURN_IF_ERROR(
        repos.Sessions().RevokeAllOfUser(actor.workspace_id, user->id, std::nullopt, now));
    PIPECRM_RETURN_IF_ERROR(
        Audit(repos, actor, AuditEvent::kPasswordReset, *user, user->email, now));
    return user;
}

Result<Team> CreateTeam(Repositories& repos,
                        const Actor& actor,
                        const std::string& name,
                        OptionalId manager_user_id,
                        Instant now) {
    if (name.find_first_not_of(" \t") == std::string::npos) {
        return InvalidArgument("the team needs a name", "name");
    }
    auto existing = repos.Teams().FindByName(actor.workspace_id, name);
    if (!existing.ok()) {
        return existing.status();
    }
    if (existing->has_value()) {
        return AlreadyExists("the workspace already has a team named \"" + name + "\"", "name");
    }
    Team team;
    team.workspace_id = actor.workspace_id;
    team.name = name;
    team.manager_user_id = manager_user_id;
    team.add_time = now;
    team.update_time = now;
    auto id = repos.Teams().Insert(team);
    if (!id.ok()) {
        return id.status();
    }
    team.id = *id;
    PIPECRM_RETURN_IF_ERROR(
        AppendAudit(repos, AuditBy(actor, AuditEvent::kTeamCreated, "team", team.id, name, now)));
    return team;
}

Result<Team> GetTeamByName(Repositories& repos, Id workspace_id, const std::string& name) {
    auto team = repos.Teams().FindByName(workspace_id, name);
    if (!team.ok()) {
        return team.status();
    }
    if (!team->has_value()) {
        return NotFound("the workspace has no team named \"" + name + "\"", "team");
    }
    return std::move(**team);
}

Status AddTeamMember(
    Repositories& repos, const Actor& actor, const Team& team, const User& user, Instant now) {
    auto memberships = repos.Teams().ListMemberships(actor.workspace_id);
    if (!memberships.ok()) {
        return memberships.status();
    }
    for (const TeamMembership& m : *memberships) {
        if (m.team_id == team.id && m.user_id == user.id) {
            return Status::Ok();
        }
    }
    PIPECRM_RETURN_IF_ERROR(repos.Teams().AddMember(actor.workspace_id, team.id, user.id, now));
    return AppendAudit(repos, AuditBy(actor, AuditEvent::kTeamMemberAdded, "team", team.id,
                                      user.email + " joined " + team.name, now));
}

}  // namespace pipecrm::domain

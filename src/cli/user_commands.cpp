// pipecrm user add|list|disable|reset-password|set-role: a workspace's users.
#include <ostream>

#include "auth/credentials.hpp"
#include "cli/commands.hpp"
#include "domain/user_service.hpp"

namespace pipecrm::cli {
namespace {

constexpr const char* kPasswordVariable = "PIPECRM_USER_PASSWORD";

// The argon2id hash of the user password given (env or terminal); empty when none was given.
Result<std::string> UserPasswordHash(Environment& env, const std::string& email) {
    auto password = PasswordFrom(env, kPasswordVariable, "Password for " + email + ": ");
    if (!password.ok()) {
        return password.status();
    }
    if (!password->has_value()) {
        return std::string();
    }
    return auth::HashPassword(**password);
}

// Runs `change(repos, actor, user)` on the workspace's user named by --email, in one write.
template <typename Change>
Status ChangeUser(const Arguments& args, Environment& env, Change change) {
    return WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto user = domain::GetUserByEmail(repos, actor.workspace_id, args.Get("email"));
            return user.ok() ? change(repos, actor, *user) : user.status();
        });
}

}  // namespace

Status RunUserAdd(const Arguments& args, Environment& env) {
    auto role = domain::ParseRole(args.Get("role"));
    if (!role.ok()) {
        return role.status();
    }
    auto hash = UserPasswordHash(env, args.Get("email"));
    if (!hash.ok()) {
        return hash.status();
    }
    const Instant now = env.clock().Now();
    domain::User added;
    Status status = WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            std::optional<domain::Team> team;
            if (args.Has("team")) {
                auto found = domain::GetTeamByName(repos, actor.workspace_id, args.Get("team"));
                if (!found.ok()) {
                    return found.status();
                }
                team = std::move(*found);
            }
            domain::NewUser request{args.Get("email"), args.Get("name"), *role, *hash};
            auto user = domain::AddUser(repos, actor, request, now);
            if (!user.ok()) {
                return user.status();
            }
            added = *user;
            return team ? domain::AddTeamMember(repos, actor, *team, *user, now) : Status::Ok();
        });
    PIPECRM_RETURN_IF_ERROR(status);
    env.out() << "Added " << added.email << " (id " << added.id << ", "
              << domain::RoleName(added.role) << ")"
              << (args.Has("team") ? " to team " + args.Get("team") : std::string()) << ".\n";
    if (hash->empty()) {
        env.err() << "pipecrm: " << added.email
                  << " has no password and cannot sign in until an admin sets one (pipecrm user "
                     "reset-password, with "
                  << kPasswordVariable << " or on a terminal).\n";
    }
    return Status::Ok();
}

Status RunUserList(const Arguments& args, Environment& env) {
    std::vector<std::vector<std::string>> rows;
    PIPECRM_RETURN_IF_ERROR(ReadPeople(args, env, [&](const WorkspacePeople& people) {
        for (const domain::User& user : people.users) {
            rows.push_back({std::to_string(user.id), user.email, user.name,
                            std::string(domain::RoleName(user.role)), user.active ? "yes" : "no",
                            people.TeamsOf(user.id)});
        }
    }));
    PrintTable(env.out(), {"id", "email", "name", "role", "active", "teams"}, rows);
    return Status::Ok();
}

Status RunUserDisable(const Arguments& args, Environment& env) {
    const Instant now = env.clock().Now();
    PIPECRM_RETURN_IF_ERROR(ChangeUser(
        args, env,
        [&](domain::Repositories& repos, const domain::Actor& actor, const domain::User& user) {
            auto disabled = domain::DisableUser(repos, actor, user.id, now);
            return disabled.ok() ? Status::Ok() : disabled.status();
        }));
    env.out() << "Disabled " << args.Get("email") << "; their API tokens stop working at once.\n";
    return Status::Ok();
}

Status RunUserResetPassword(const Arguments& args, Environment& env) {
    auto hash = UserPasswordHash(env, args.Get("email"));
    if (!hash.ok()) {
        return hash.status();
    }
    if (hash->empty()) {
        return InvalidArgument(std::string("no new password: set ") + kPasswordVariable +
                               " or run in a terminal to be asked");
    }
    const Instant now = env.clock().Now();
    PIPECRM_RETURN_IF_ERROR(ChangeUser(
        args, env,
        [&](domain::Repositories& repos, const domain::Actor& actor, const domain::User& user) {
            auto reset = domain::ResetUserPassword(repos, actor, user.id, *hash, now);
            return reset.ok() ? Status::Ok() : reset.status();
        }));
    env.out() << "Set a new password for " << args.Get("email") << ".\n";
    return Status::Ok();
}

Status RunUserSetRole(const Arguments& args, Environment& env) {
    auto role = domain::ParseRole(args.Get("role"));
    if (!role.ok()) {
        return role.status();
    }
    const Instant now = env.clock().Now();
    PIPECRM_RETURN_IF_ERROR(ChangeUser(
        args, env,
        [&](domain::Repositories& repos, const domain::Actor& actor, const domain::User& user) {
            auto changed = domain::SetUserRole(repos, actor, user.id, *role, now);
            return changed.ok() ? Status::Ok() : changed.status();
        }));
    env.out() << args.Get("email") << " is now " << domain::RoleName(*role) << ".\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

// pipecrm user add|list|disable|reset-password|set-role: a workspace's users.
#include <map>
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
    auto store = OpenExistingStore(args, env);
    if (!store.ok()) {
        return store.status();
    }
    auto actor = OperatorIn(**store, args);
    if (!actor.ok()) {
        return actor.status();
    }
    return (*store)->WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto user = domain::GetUserByEmail(repos, actor->workspace_id, args.Get("email"));
        if (!user.ok()) {
            return user.status();
        }
        return change(repos, *actor, *user);
    });
}

}  // namespace

Status RunUserAdd(const Arguments& args, Environment& env) {
    auto role = domain::ParseRole(args.Get("role"));
    if (!role.ok()) {
        return role.status();
    }
    auto store = OpenExistingStore(args, env);
    if (!store.ok()) {
        return store.status();
    }
    auto actor = OperatorIn(**store, args);
    if (!actor.ok()) {
        return actor.status();
    }
    auto hash = UserPasswordHash(env, args.Get("email"));
    if (!hash.ok()) {
        return hash.status();
    }
    const Instant now = env.clock().Now();
    domain::User added;
    Status status = (*store)->WriteAndWait([&](domain::Repositories& repos) -> Status {
        std::optional<domain::Team> team;
        if (args.Has("team")) {
            auto found = domain::GetTeamByName(repos, actor->workspace_id, args.Get("team"));
            if (!found.ok()) {
                return found.status();
            }
            team = std::move(*found);
        }
        domain::NewUser request{args.Get("email"), args.Get("name"), *role, *hash};
        auto user = domain::AddUser(repos, *actor, request, now);
        if (!user.ok()) {
            return user.status();
        }
        added = *user;
        return team ? domain::AddTeamMember(repos, *actor, *team, *user, now) : Status::Ok();
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
    auto store = OpenExistingStore(args, env);
    if (!store.ok()) {
        return store.status();
    }
    auto actor = OperatorIn(**store, args);
    if (!actor.ok()) {
        return actor.status();
    }
    std::vector<std::vector<std::string>> rows;
    Status status = (*store)->Read([&](domain::Repositories& repos) -> Status {
        auto users = repos.Users().List(actor->workspace_id);
        auto teams = repos.Teams().List(actor->workspace_id);
        auto memberships = repos.Teams().ListMemberships(actor->workspace_id);
        if (!users.ok() || !teams.ok() || !memberships.ok()) {
            return !users.ok() ? users.status()
                               : (!teams.ok() ? teams.status() : memberships.status());
        }
        std::map<Id, std::string> team_names;
        for (const domain::Team& team : *teams) {
            team_names[team.id] = team.name;
        }
        std::map<Id, std::string> teams_of;
        for (const domain::TeamMembership& m : *memberships) {
            std::string& list = teams_of[m.user_id];
            list += (list.empty() ? "" : ",") + team_names[m.team_id];
        }
        for (const domain::User& user : *users) {
            rows.push_back({std::to_string(user.id), user.email, user.name,
                            std::string(domain::RoleName(user.role)), user.active ? "yes" : "no",
                            teams_of.count(user.id) ? teams_of[user.id] : "-"});
        }
        return Status::Ok();
    });
    PIPECRM_RETURN_IF_ERROR(status);
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

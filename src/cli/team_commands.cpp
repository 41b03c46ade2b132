// pipecrm team add|list|add-member: a workspace's teams.
#include <map>
#include <ostream>

#include "cli/commands.hpp"
#include "domain/user_service.hpp"

namespace pipecrm::cli {
namespace {

// Runs `job(repos, actor)` as one write in the chosen workspace.
template <typename Job>
Status WriteInWorkspace(const Arguments& args, Environment& env, Job job) {
    auto store = OpenExistingStore(args, env);
    if (!store.ok()) {
        return store.status();
    }
    auto actor = OperatorIn(**store, args);
    if (!actor.ok()) {
        return actor.status();
    }
    return (*store)->WriteAndWait(
        [&](domain::Repositories& repos) -> Status { return job(repos, *actor); });
}

}  // namespace

Status RunTeamAdd(const Arguments& args, Environment& env) {
    const Instant now = env.clock().Now();
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            OptionalId manager;
            if (args.Has("manager")) {
                auto user = domain::GetUserByEmail(repos, actor.workspace_id, args.Get("manager"));
                if (!user.ok()) {
                    return user.status();
                }
                manager = user->id;
            }
            auto team = domain::CreateTeam(repos, actor, args.Get("name"), manager, now);
            return team.ok() ? Status::Ok() : team.status();
        }));
    env.out() << "Added team " << args.Get("name") << ".\n";
    return Status::Ok();
}

Status RunTeamList(const Arguments& args, Environment& env) {
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
        std::map<Id, std::string> emails;
        for (const domain::User& user : *users) {
            emails[user.id] = user.email;
        }
        std::map<Id, std::string> members;
        for (const domain::TeamMembership& m : *memberships) {
            std::string& list = members[m.team_id];
            list += (list.empty() ? "" : ",") + emails[m.user_id];
        }
        for (const domain::Team& team : *teams) {
            rows.push_back({std::to_string(team.id), team.name,
                            team.manager_user_id ? emails[*team.manager_user_id] : "-",
                            members.count(team.id) ? members[team.id] : "-"});
        }
        return Status::Ok();
    });
    PIPECRM_RETURN_IF_ERROR(status);
    PrintTable(env.out(), {"id", "name", "manager", "members"}, rows);
    return Status::Ok();
}

Status RunTeamAddMember(const Arguments& args, Environment& env) {
    const Instant now = env.clock().Now();
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto team = domain::GetTeamByName(repos, actor.workspace_id, args.Get("team"));
            if (!team.ok()) {
                return team.status();
            }
            auto user = domain::GetUserByEmail(repos, actor.workspace_id, args.Get("email"));
            if (!user.ok()) {
                return user.status();
            }
            return domain::AddTeamMember(repos, actor, *team, *user, now);
        }));
    env.out() << "Added " << args.Get("email") << " to team " << args.Get("team") << ".\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

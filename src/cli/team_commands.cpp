// pipecrm team add|list|add-member: a workspace's teams.
#include <ostream>

#include "cli/commands.hpp"
#include "domain/user_service.hpp"

namespace pipecrm::cli {

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
    std::vector<std::vector<std::string>> rows;
    PIPECRM_RETURN_IF_ERROR(ReadPeople(args, env, [&](const WorkspacePeople& people) {
        for (const domain::Team& team : people.teams) {
            rows.push_back({std::to_string(team.id), team.name,
                            people.EmailOf(team.manager_user_id), people.MembersOf(team.id)});
        }
    }));
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

// pipecrm audit list: the workspace's audit log, newest first.
#include <map>
#include <ostream>

#include "cli/commands.hpp"
#include "domain/audit.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::cli {

Status RunAuditList(const Arguments& args, Environment& env) {
    auto limit = PositiveIntOption(args, "limit", 100000);
    if (!limit.ok()) {
        return limit.status();
    }
    std::vector<std::vector<std::string>> rows;
    PIPECRM_RETURN_IF_ERROR(ReadInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto users = repos.Users().List(actor.workspace_id);
            if (!users.ok()) {
                return users.status();
            }
            std::map<Id, std::string> emails;
            for (const domain::User& user : *users) {
                emails[user.id] = user.email;
            }
            domain::AuditQuery query;
            query.workspace_id = actor.workspace_id;
            query.limit = static_cast<int>(*limit);
            auto entries = repos.AuditLog().List(query);
            if (!entries.ok()) {
                return entries.status();
            }
            entries->resize(std::min(entries->size(), static_cast<std::size_t>(query.limit)));
            for (const domain::AuditEntry& e : *entries) {
                rows.push_back(
                    {std::to_string(e.id), FormatSqlTime(e.at),
                     e.actor_user_id ? emails[*e.actor_user_id] : "-",
                     std::string(domain::AuditEventName(e.event)),
                     e.subject_type + (e.subject_id ? " " + std::to_string(*e.subject_id) : ""),
                     e.detail.empty() ? "-" : e.detail,
                     e.remote_address.empty() ? "-" : e.remote_address});
            }
            return Status::Ok();
        }));
    PrintTable(env.out(), {"id", "at", "actor", "event", "subject", "detail", "address"}, rows);
    return Status::Ok();
}

}  // namespace pipecrm::cli

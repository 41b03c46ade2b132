// What the administration commands (user, team, token, workspace, audit) share: opening an
// existing database, choosing the workspace, printing a table.
#include <algorithm>
#include <ostream>

#include "cli/commands.hpp"

namespace pipecrm::cli {

Result<std::unique_ptr<domain::Store>> OpenExistingStore(const Arguments& args, Environment& env) {
    const std::string& db = args.Get("db");
    if (!env.DatabaseExists(db)) {
        return NotFound("no database at " + db + "; create one with pipecrm init");
    }
    return env.OpenStore(db, /*create=*/false);
}

Result<domain::Actor> OperatorIn(domain::Store& store, const Arguments& args) {
    const std::string& name = args.Get("workspace");
    domain::Actor actor;
    Status status = store.Read([&](domain::Repositories& repos) -> Status {
        auto workspaces = repos.Workspaces().List();
        if (!workspaces.ok()) {
            return workspaces.status();
        }
        for (const domain::Workspace& workspace : *workspaces) {
            if (name.empty() || workspace.name == name) {
                actor.workspace_id = workspace.id;
                actor.default_currency = workspace.default_currency;
                return Status::Ok();
            }
        }
        if (name.empty()) {
            return NotFound("the database has no workspace; run pipecrm init", "workspace");
        }
        std::string known;
        for (const domain::Workspace& workspace : *workspaces) {
            known += (known.empty() ? "\"" : ", \"") + workspace.name + "\"";
        }
        return NotFound("no workspace is named \"" + name + "\" (there are: " + known + ")",
                        "workspace");
    });
    if (!status.ok()) {
        return status;
    }
    return actor;
}

Result<WorkspaceSession> OpenWorkspace(const Arguments& args, Environment& env) {
    auto store = OpenExistingStore(args, env);
    if (!store.ok()) {
        return store.status();
    }
    auto actor = OperatorIn(**store, args);
    if (!actor.ok()) {
        return actor.status();
    }
    return WorkspaceSession{std::move(*store), std::move(*actor)};
}

Status ReadInWorkspace(const Arguments& args, Environment& env, const WorkspaceJob& job) {
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    return session->store->Read(
        [&](domain::Repositories& repos) { return job(repos, session->actor); });
}

Status WriteInWorkspace(const Arguments& args, Environment& env, const WorkspaceJob& job) {
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    return session->store->WriteAndWait(
        [&](domain::Repositories& repos) { return job(repos, session->actor); });
}

static Result<WorkspacePeople> LoadPeople(domain::Repositories& repos, Id workspace_id) {
    WorkspacePeople people;
    auto users = repos.Users().List(workspace_id);
    auto teams = repos.Teams().List(workspace_id);
    auto memberships = repos.Teams().ListMemberships(workspace_id);
    if (!users.ok() || !teams.ok() || !memberships.ok()) {
        return !users.ok() ? users.status() : !teams.ok() ? teams.status() : memberships.status();
    }
    return WorkspacePeople{std::move(*users), std::move(*teams), std::move(*memberships)};
}

Status ReadPeople(const Arguments& args,
                  Environment& env,
                  const std::function<void(const WorkspacePeople&)>& use) {
    return ReadInWorkspace(args, env,
                           [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
                               auto people = LoadPeople(repos, actor.workspace_id);
                               if (!people.ok()) {
                                   return people.status();
                               }
                               use(*people);
                               return Status::Ok();
                           });
}

std::string WorkspacePeople::EmailOf(const OptionalId& user_id) const {
    for (const domain::User& user : users) {
        if (user_id == user.id) {
            return user.email;
        }
    }
    return "-";
}

namespace {

// Columns of UTF-8 text on a terminal: one per code point (Vietnamese letters are precomposed
// NFC, so this is right for them; wide CJK characters would need two).
std::size_t DisplayWidth(std::string_view text) {
    std::size_t width = 0;
    for (char ch : text) {
        width += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    }
    return width;
}

// `name_of(other side)` of every membership whose `side` is `id`, comma-separated.
template <typename NameOf>
std::string JoinMemberships(const std::vector<domain::TeamMembership>& memberships,
                            Id id,
                            bool by_user,
                            NameOf&& name_of) {
    std::string list;
    for (const domain::TeamMembership& m : memberships) {
        if ((by_user ? m.user_id : m.team_id) == id) {
            list += (list.empty() ? "" : ",") + name_of(by_user ? m.team_id : m.user_id);
        }
    }
    return list.empty() ? "-" : list;
}

}  // namespace

std::string WorkspacePeople::TeamsOf(Id user_id) const {
    return JoinMemberships(memberships, user_id, true, [&](Id team_id) {
        for (const domain::Team& team : teams) {
            if (team.id == team_id) {
                return team.name;
            }
        }
        return std::string("-");
    });
}

std::string WorkspacePeople::MembersOf(Id team_id) const {
    return JoinMemberships(memberships, team_id, false,
                           [&](Id user_id) { return EmailOf(user_id); });
}

void PrintTable(std::ostream& out,
                const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths(header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], DisplayWidth(row[i]));
        }
    };
    measure(header);
    std::for_each(rows.begin(), rows.end(), measure);
    auto print = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line += std::string(widths[i] - DisplayWidth(row[i]) + 2, ' ');
            }
        }
        out << line << "\n";
    };
    print(header);
    std::for_each(rows.begin(), rows.end(), print);
}

}  // namespace pipecrm::cli

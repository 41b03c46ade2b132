// What the administration commands (user, team, token, workspace, audit) share: opening an
// existing database, choosing the workspace, printing a table.
#include <algorithm>
#include <ostream>

#include "cli/commands.hpp"

namespace pipecrm::cli {

Result<std::unique_ptr<domain::Store>> OpenExistingStore(const Arguments& args, Environment& env) {
    const std::string& db = args.Get("db");
    if (!env.FileExists(db)) {
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
                actor = {workspace.id, 0, workspace.default_currency, ""};
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

void PrintTable(std::ostream& out,
                const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths(header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    };
    measure(header);
    std::for_each(rows.begin(), rows.end(), measure);
    auto print = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line += std::string(widths[i] - row[i].size() + 2, ' ');
            }
        }
        out << line << "\n";
    };
    print(header);
    std::for_each(rows.begin(), rows.end(), print);
}

}  // namespace pipecrm::cli

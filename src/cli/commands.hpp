// The commands of the table, one file each.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_table.hpp"
#include "domain/actor.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::cli {

Status RunInit(const Arguments& args, Environment& env);
Status RunServe(const Arguments& args, Environment& env);
Status RunDemo(const Arguments& args, Environment& env);
Status RunTokenCreate(const Arguments& args, Environment& env);
Status RunTokenList(const Arguments& args, Environment& env);
Status RunTokenRevoke(const Arguments& args, Environment& env);
Status RunBackup(const Arguments& args, Environment& env);
Status RunMigrate(const Arguments& args, Environment& env);
Status RunUserAdd(const Arguments& args, Environment& env);
Status RunUserList(const Arguments& args, Environment& env);
Status RunUserDisable(const Arguments& args, Environment& env);
Status RunUserResetPassword(const Arguments& args, Environment& env);
Status RunUserSetRole(const Arguments& args, Environment& env);
Status RunTeamAdd(const Arguments& args, Environment& env);
Status RunTeamList(const Arguments& args, Environment& env);
Status RunTeamAddMember(const Arguments& args, Environment& env);
Status RunWorkspaceCreate(const Arguments& args, Environment& env);
Status RunWorkspaceSet(const Arguments& args, Environment& env);
Status RunAuditList(const Arguments& args, Environment& env);
Status RunImport(const Arguments& args, Environment& env);
Status RunExport(const Arguments& args, Environment& env);
Status RunMerge(const Arguments& args, Environment& env);
/// `pipecrm report NAME`: one of reports::ReportNames().
Status RunReport(const std::string& name, const Arguments& args, Environment& env);
template <const char* kName>
Status RunNamedReport(const Arguments& args, Environment& env) {
    return RunReport(kName, args, env);
}
/// `pipecrm report rebuild`: the reports' derived data, again from the deal event log.
Status RunReportRebuild(const Arguments& args, Environment& env);
/// `pipecrm report portfolio` (reports/portfolio.hpp).
Status RunPortfolioReport(const Arguments& args, Environment& env);
Status RunRateSet(const Arguments& args, Environment& env);
Status RunRateList(const Arguments& args, Environment& env);
Status RunForecastSnapshot(const Arguments& args, Environment& env);
Status RunGoalAdd(const Arguments& args, Environment& env);
Status RunGoalList(const Arguments& args, Environment& env);
Status RunGoalDelete(const Arguments& args, Environment& env);

/// Parses a positive integer option; kInvalidArgument naming it.
Result<long long> PositiveIntOption(const Arguments& args, const std::string& name, long long max);

/// The admin password from PIPECRM_ADMIN_PASSWORD, or asked twice on a terminal.
Result<std::string> AdminPassword(Environment& env);

/// A password from the environment variable, or asked twice on a terminal; nullopt when the
/// variable is unset and there is no terminal. kInvalidArgument when the two answers differ.
Result<std::optional<std::string>> PasswordFrom(Environment& env,
                                                const char* variable,
                                                const std::string& prompt);

/// The store of the existing database named by --db; kNotFound naming the path otherwise.
Result<std::unique_ptr<domain::Store>> OpenExistingStore(const Arguments& args, Environment& env);

/// The operator at the command line acting in the workspace named by --workspace, or in the
/// first workspace (by id) without it. kNotFound("workspace") when there is none such.
Result<domain::Actor> OperatorIn(domain::Store& store, const Arguments& args);

/// The database of --db, open, and the operator acting in the chosen workspace (OperatorIn).
struct WorkspaceSession {
    std::unique_ptr<domain::Store> store;
    domain::Actor actor;
};
Result<WorkspaceSession> OpenWorkspace(const Arguments& args, Environment& env);

using WorkspaceJob = std::function<Status(domain::Repositories&, const domain::Actor&)>;
/// Runs `job` on a read snapshot, or as one write, in the chosen workspace.
Status ReadInWorkspace(const Arguments& args, Environment& env, const WorkspaceJob& job);
Status WriteInWorkspace(const Arguments& args, Environment& env, const WorkspaceJob& job);

/// A workspace's users, live teams and their memberships, read together.
struct WorkspacePeople {
    std::vector<domain::User> users;
    std::vector<domain::Team> teams;
    std::vector<domain::TeamMembership> memberships;

    /// The user's email, or "-" for none.
    std::string EmailOf(const OptionalId& user_id) const;
    /// The names of the user's teams, or of the team's members' emails, comma-separated; "-"
    /// for none.
    std::string TeamsOf(Id user_id) const;
    std::string MembersOf(Id team_id) const;
};
/// Reads the chosen workspace's people and calls `use` with them.
Status ReadPeople(const Arguments& args,
                  Environment& env,
                  const std::function<void(const WorkspacePeople&)>& use);

/// Prints a plain table: the header, then one line per row, columns padded to line up.
void PrintTable(std::ostream& out,
                const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows);

/// Creates a workspace with its admin in a new database (shared by init and demo).
struct InitRequest {
    std::string db;
    std::string admin_email;
    std::string admin_name;
    std::string workspace;
    std::string lang;
};
Status InitDatabase(const InitRequest& request, const std::string& password, Environment& env);

}  // namespace pipecrm::cli

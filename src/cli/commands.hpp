// The commands of the table, one file each.
#pragma once

#include "cli/command_table.hpp"

namespace pipecrm::cli {

Status RunInit(const Arguments& args, Environment& env);
Status RunServe(const Arguments& args, Environment& env);
Status RunDemo(const Arguments& args, Environment& env);
Status RunTokenCreate(const Arguments& args, Environment& env);
Status RunBackup(const Arguments& args, Environment& env);

/// Parses a positive integer option; kInvalidArgument naming it.
Result<long long> PositiveIntOption(const Arguments& args, const std::string& name, long long max);

/// The admin password from PIPECRM_ADMIN_PASSWORD, or asked twice on a terminal.
Result<std::string> AdminPassword(Environment& env);

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

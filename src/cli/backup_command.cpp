// pipecrm backup: a consistent copy of a live database.
#include <ostream>

#include "cli/commands.hpp"

namespace pipecrm::cli {

Status RunBackup(const Arguments& args, Environment& env) {
    const std::string& db = args.Get("db");
    const std::string& to = args.Get("to");
    if (!env.DatabaseExists(db)) {
        return NotFound("no database at " + db);
    }
    if (env.FileExists(to)) {
        return AlreadyExists(to + " already exists; choose a new file so nothing is overwritten");
    }
    PIPECRM_RETURN_IF_ERROR(env.Backup(db, to));
    env.out() << "Backed up " << db << " to " << to << "\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

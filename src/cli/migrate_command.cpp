// pipecrm migrate: a SQLite database into an empty PostgreSQL database, then both compared.
#include <unistd.h>

#include <ostream>

#include "cli/commands.hpp"

namespace pipecrm::cli {

Status RunMigrate(const Arguments& args, Environment& env) {
    const std::string& from = args.Get("from");
    const std::string& to = args.Get("to");
    if (!env.FileExists(from)) {
        return NotFound("no database at " + from);
    }
    if (to.rfind("postgresql://", 0) != 0 && to.rfind("postgres://", 0) != 0) {
        return InvalidArgument("--to must be a PostgreSQL URL, postgresql://USER@HOST:PORT/DBNAME",
                               "to");
    }
    // A bar redrawn in place on a terminal; a plain line per table otherwise.
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    auto progress = [&env, terminal](const std::string& table, std::int64_t done,
                                     std::int64_t total) {
        if (!terminal) {
            if (done == total) {
                env.err() << "copied " << table << ": " << total << " rows\n";
            }
            return;
        }
        const std::int64_t width = 30;
        const std::int64_t filled = total ? done * width / total : width;
        env.err() << "\r" << table << " [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << done
                  << "/" << total << (done == total ? "\n" : "") << std::flush;
    };
    auto checks = env.Migrate(from, to, progress);
    if (!checks.ok()) {
        return checks.status();
    }
    int mismatches = 0;
    env.out() << "Checked on both sides (SQLite | PostgreSQL):\n";
    for (const MigrationCheck& check : *checks) {
        const bool same = check.source == check.target;
        mismatches += same ? 0 : 1;
        env.out() << (same ? "  ok        " : "  MISMATCH  ") << check.what << ": " << check.source;
        if (!same) {
            env.out() << " | " << check.target;
        }
        env.out() << "\n";
    }
    if (mismatches > 0) {
        return Internal(std::to_string(mismatches) +
                        " checks differ between the copy and the original; see above");
    }
    env.out() << "Migrated " << from << " to PostgreSQL: " << checks->size()
              << " checks, all equal.\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

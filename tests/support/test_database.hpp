// The database a test runs on: a SQLite file by default, or a new database on a throwaway
// PostgreSQL cluster when PIPECRM_TEST_BACKEND=postgresql (ctest registers the functional suite
// a second time that way). One cluster per test process, started on first use; one database per
// call. Plus plain SQL against either, for tests that check what was stored.
#pragma once

#include <string>
#include <vector>

#include "support/postgres_cluster.hpp"
#include "support/process.hpp"

namespace pipecrm::testing {

/// True when PIPECRM_TEST_BACKEND is "postgresql".
bool TestOnPostgres();

/// The process's cluster, started on first use and stopped when the process exits.
PostgresCluster& SharedTestCluster();

/// A new database for --db: `dir`/`file` on SQLite; on PostgreSQL a new database's URL. Empty
/// (and a test failure) when the cluster cannot give one.
std::string NewTestDatabase(const TempDir& dir, const std::string& file = "crm.db");

/// A new database on the run's cluster or SharedTestCluster(), whatever the backend under
/// test; empty and a test failure when there is none.
std::string NewPostgresDatabase();

/// The first column of every row of `sql` as text ("NULL" for NULL), run on `db` (a SQLite file
/// or a postgresql:// URL, whose tables are in the schema main).
std::vector<std::string> QueryColumn(const std::string& db, const std::string& sql);

/// Every row of `sql` on `db` (either backend), its columns joined by '|' (NULL as an empty
/// text), each row ending in a newline: an easy value to compare with EXPECT_EQ.
std::string QueryRows(const std::string& db, const std::string& sql);

/// Runs statements without results on `db`; false (and a test failure) when they fail.
bool ExecSql(const std::string& db, const std::string& sql);

}  // namespace pipecrm::testing

/// Skips a test of SQLite files themselves (backup, crash recovery, file paths) in the
/// PostgreSQL run of a suite; the SQLite run covers it.
#define PIPECRM_SQLITE_FILE_TEST()                                                            \
    do {                                                                                      \
        if (::pipecrm::testing::TestOnPostgres()) {                                           \
            GTEST_SKIP() << "a test of SQLite files; the SQLite run of this suite covers it"; \
        }                                                                                     \
    } while (false)

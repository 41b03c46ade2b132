// For the storage contract suite: every test runs once on a new SQLite file and once on a new
// database of a throwaway PostgreSQL cluster shared by the test process (one cluster per
// process, started on first use; one database per test).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/actor.hpp"
#include "domain/store.hpp"
#include "domain/workspace_setup.hpp"
#include "support/postgres_cluster.hpp"
#include "support/process.hpp"

namespace pipecrm::storage {

enum class BackendKind { kSqlite, kPostgres };

/// "SQLite" or "PostgreSQL", for test names.
std::string BackendName(const ::testing::TestParamInfo<BackendKind>& info);

/// A new empty database of `kind`: a file in `dir`, or a new database on the process's shared
/// cluster (support/test_database.hpp). The
/// text is what --db takes; empty (and a test failure) when it cannot be made.
std::string NewDatabase(BackendKind kind, const pipecrm::testing::TempDir& dir);

/// Opens the store of either kind on `db` (a path or a postgresql:// URL).
Result<std::unique_ptr<domain::Store>> OpenStore(const std::string& db);

/// A store on a new database of `kind`; a test failure and null when it cannot be opened.
std::unique_ptr<domain::Store> OpenTestStore(BackendKind kind,
                                             const pipecrm::testing::TempDir& dir);

/// Sets up a workspace (SetUpWorkspace) whose admin has `email`; a test failure when it cannot.
domain::CreatedWorkspace AddTestWorkspace(domain::Store& store,
                                          const std::string& email,
                                          Instant now);

/// A test on a new, migrated, empty database of each backend.
class ContractTest : public ::testing::TestWithParam<BackendKind> {
  protected:
    void SetUp() override;
    void TearDown() override { store_.reset(); }

    domain::Store& store() { return *store_; }
    /// Reopens the store on the same database (another "process" on it).
    std::unique_ptr<domain::Store> OpenAnother();
    /// Sets up a workspace (SetUpWorkspace) whose admin has `email`.
    domain::CreatedWorkspace AddWorkspace(const std::string& email, Instant now);
    /// Runs `fn(repos)` as one write and fails the test on error.
    template <typename Fn>
    void Write(Fn&& fn) {
        Status status =
            store_->WriteAndWait([&](domain::Repositories& repos) -> Status { return fn(repos); });
        ASSERT_TRUE(status.ok()) << status.ToString();
    }

    pipecrm::testing::TempDir dir_;
    std::string db_;
    std::unique_ptr<domain::Store> store_;
};

/// A ContractTest with one workspace, set up at kSetUpTime, whose admin is owner@example.com.
class OneWorkspaceTest : public ContractTest {
  protected:
    static inline const Instant kSetUpTime = FromUnixSeconds(1767262800);

    void SetUp() override {
        ContractTest::SetUp();
        ASSERT_NE(store_, nullptr);
        ws_ = AddWorkspace("owner@example.com", kSetUpTime);
    }
    /// The workspace's admin, with VND as the default currency.
    domain::Actor Actor() const { return {ws_.workspace_id, ws_.admin_user_id, "VND"}; }

    domain::CreatedWorkspace ws_;
};

#define PIPECRM_CONTRACT_BACKENDS(suite)                                                    \
    INSTANTIATE_TEST_SUITE_P(Backends, suite,                                               \
                             ::testing::Values(::pipecrm::storage::BackendKind::kSqlite,    \
                                               ::pipecrm::storage::BackendKind::kPostgres), \
                             ::pipecrm::storage::BackendName)

}  // namespace pipecrm::storage

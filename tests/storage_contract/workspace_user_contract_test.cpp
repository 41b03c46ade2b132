// The storage contract for workspaces and users: the same assertions against SQLite and a
// throwaway PostgreSQL cluster.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/repositories.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/user_repository.hpp"
#include "storage/postgres/workspace_repository.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_repositories.hpp"
#include "support/postgres_cluster.hpp"
#include "support/process.hpp"

namespace pipecrm::storage {
namespace {

using domain::Role;
using domain::User;
using domain::Workspace;

/// One backend with a migrated, empty database.
class Backend {
  public:
    virtual ~Backend() = default;
    /// Empty when the backend is ready, else why not.
    virtual std::string Error() const = 0;
    virtual domain::WorkspaceRepository& Workspaces() = 0;
    virtual domain::UserRepository& Users() = 0;
};

class SqliteBackend final : public Backend {
  public:
    SqliteBackend() {
        auto opened =
            sqlite::Connection::Open(dir_.File("crm.db"), sqlite::Connection::Mode::kReadWrite);
        if (!opened.ok()) {
            error_ = opened.status().ToString();
            return;
        }
        db_ = std::move(*opened);
        Status migrated = sqlite::ApplyMigrations(*db_);
        if (!migrated.ok()) {
            error_ = migrated.ToString();
            return;
        }
        repos_ = std::make_unique<sqlite::SqliteRepositories>(*db_);
    }
    std::string Error() const override { return error_; }
    domain::WorkspaceRepository& Workspaces() override { return repos_->Workspaces(); }
    domain::UserRepository& Users() override { return repos_->Users(); }

  private:
    pipecrm::testing::TempDir dir_;
    std::unique_ptr<sqlite::Connection> db_;
    std::unique_ptr<sqlite::SqliteRepositories> repos_;
    std::string error_;
};

class PostgresBackend final : public Backend {
  public:
    PostgresBackend() {
        if (!cluster_.started()) {
            error_ = cluster_.error();
            return;
        }
        auto opened = postgres::Connection::Open(cluster_.Url());
        if (!opened.ok()) {
            error_ = opened.status().ToString();
            return;
        }
        db_ = std::move(*opened);
        auto migrated = postgres::ApplyMigrations(*db_);
        if (!migrated.ok()) {
            error_ = migrated.status().ToString();
            return;
        }
        workspaces_ = std::make_unique<postgres::WorkspaceRepository>(*db_);
        users_ = std::make_unique<postgres::UserRepository>(*db_);
    }
    std::string Error() const override { return error_; }
    domain::WorkspaceRepository& Workspaces() override { return *workspaces_; }
    domain::UserRepository& Users() override { return *users_; }

  private:
    pipecrm::testing::PostgresCluster cluster_;
    std::unique_ptr<postgres::Connection> db_;
    std::unique_ptr<postgres::WorkspaceRepository> workspaces_;
    std::unique_ptr<postgres::UserRepository> users_;
    std::string error_;
};

class WorkspaceUserContract : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        if (GetParam() == "sqlite") {
            backend_ = std::make_unique<SqliteBackend>();
        } else {
            backend_ = std::make_unique<PostgresBackend>();
        }
        ASSERT_EQ(backend_->Error(), "");
    }

    Id AddWorkspace(const std::string& name) {
        Workspace w;
        w.name = name;
        w.language = domain::Language::kVietnamese;
        w.default_currency = "EUR";
        w.phone_region = "DE";
        w.time_zone = "Europe/Berlin";
        w.default_visibility = domain::Visibility::kTeam;
        w.add_time = FromUnixSeconds(1'700'000'000);
        auto id = backend_->Workspaces().Insert(w);
        EXPECT_TRUE(id.ok()) << id.status().ToString();
        return id.ok() ? *id : 0;
    }

    static User NewUser(Id workspace_id, const std::string& email) {
        User u;
        u.workspace_id = workspace_id;
        u.name = "Ann";
        u.email = email;
        u.role = Role::kManager;
        u.password_hash = "$argon2id$x";
        u.default_currency = "EUR";
        u.locale = "de_DE";
        u.time_zone = "Europe/Berlin";
        u.add_time = FromUnixSeconds(1'700'000'100);
        u.update_time = FromUnixSeconds(1'700'000'200);
        return u;
    }

    std::unique_ptr<Backend> backend_;
};

TEST_P(WorkspaceUserContract, InsertsReadsAndListsWorkspaces) {
    const Id first = AddWorkspace("Acme");
    const Id second = AddWorkspace("Globex");
    EXPECT_NE(first, second);

    auto got = backend_->Workspaces().Get(first);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->id, first);
    EXPECT_EQ(got->name, "Acme");
    EXPECT_EQ(got->language, domain::Language::kVietnamese);
    EXPECT_EQ(got->default_currency, "EUR");
    EXPECT_EQ(got->phone_region, "DE");
    EXPECT_EQ(got->time_zone, "Europe/Berlin");
    EXPECT_EQ(got->default_visibility, domain::Visibility::kTeam);
    EXPECT_EQ(got->add_time, FromUnixSeconds(1'700'000'000));

    ASSERT_TRUE(
        backend_->Workspaces().SetDefaultVisibility(second, domain::Visibility::kOwner).ok());
    auto all = backend_->Workspaces().List();
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].name, "Acme");
    EXPECT_EQ((*all)[1].name, "Globex");
    EXPECT_EQ((*all)[1].default_visibility, domain::Visibility::kOwner);

    EXPECT_EQ(backend_->Workspaces().Get(second + 100).status().code(), ErrorCode::kNotFound);
}

TEST_P(WorkspaceUserContract, InsertsFindsAndUpdatesUsers) {
    const Id acme = AddWorkspace("Acme");
    const Id globex = AddWorkspace("Globex");
    auto ann = backend_->Users().Insert(NewUser(acme, "ann@example.com"));
    ASSERT_TRUE(ann.ok()) << ann.status().ToString();

    auto got = backend_->Users().Get(acme, *ann);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->workspace_id, acme);
    EXPECT_EQ(got->name, "Ann");
    EXPECT_EQ(got->email, "ann@example.com");
    EXPECT_EQ(got->role, Role::kManager);
    EXPECT_EQ(got->password_hash, "$argon2id$x");
    EXPECT_EQ(got->locale, "de_DE");
    EXPECT_TRUE(got->active);
    EXPECT_EQ(got->add_time, FromUnixSeconds(1'700'000'100));
    EXPECT_EQ(got->update_time, FromUnixSeconds(1'700'000'200));
    // Users belong to their workspace.
    EXPECT_EQ(backend_->Users().Get(globex, *ann).status().code(), ErrorCode::kNotFound);

    // An email is unique within a workspace, not across them.
    EXPECT_EQ(backend_->Users().Insert(NewUser(acme, "ann@example.com")).status().code(),
              ErrorCode::kAlreadyExists);
    ASSERT_TRUE(backend_->Users().Insert(NewUser(globex, "ann@example.com")).ok());
    auto everywhere = backend_->Users().FindByEmailEverywhere("ann@example.com");
    ASSERT_TRUE(everywhere.ok()) << everywhere.status().ToString();
    ASSERT_EQ(everywhere->size(), 2u);
    EXPECT_EQ((*everywhere)[0].workspace_id, acme);
    EXPECT_EQ((*everywhere)[1].workspace_id, globex);

    auto found = backend_->Users().FindByEmail(acme, "ann@example.com");
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->id, *ann);
    auto missing = backend_->Users().FindByEmail(acme, "bob@example.com");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());

    User changed = *got;
    changed.name = "Ann B";
    changed.role = Role::kAdmin;
    changed.active = false;
    changed.update_time = FromUnixSeconds(1'700'000'300);
    ASSERT_TRUE(backend_->Users().Update(changed).ok());
    ASSERT_TRUE(backend_->Users()
                    .SetPasswordHash(acme, *ann, "$argon2id$y", FromUnixSeconds(1'700'000'400))
                    .ok());
    auto listed = backend_->Users().List(acme);
    ASSERT_TRUE(listed.ok()) << listed.status().ToString();
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].name, "Ann B");
    EXPECT_EQ((*listed)[0].role, Role::kAdmin);
    EXPECT_FALSE((*listed)[0].active);
    EXPECT_EQ((*listed)[0].password_hash, "$argon2id$y");
    EXPECT_EQ((*listed)[0].update_time, FromUnixSeconds(1'700'000'400));
}

TEST_P(WorkspaceUserContract, RefusesAUserOfAnUnknownWorkspace) {
    EXPECT_EQ(backend_->Users().Insert(NewUser(12345, "ann@example.com")).status().code(),
              ErrorCode::kFailedPrecondition);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WorkspaceUserContract,
                         ::testing::Values("sqlite", "postgres"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace pipecrm::storage

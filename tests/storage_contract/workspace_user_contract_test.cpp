// The storage contract for workspaces and users: the same assertions against SQLite and a
// throwaway PostgreSQL cluster.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "contract_store.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::storage {
namespace {

using domain::Role;
using domain::User;
using domain::Workspace;

class WorkspaceUserContract : public ContractTest {
  protected:
    void SetUp() override {
        ContractTest::SetUp();
        ASSERT_NE(store_, nullptr);
        Write([&](domain::Repositories& repos) -> Status {
            repos_ = &repos;
            return Status::Ok();
        });
    }

    domain::WorkspaceRepository& Workspaces() { return repos_->Workspaces(); }
    domain::UserRepository& Users() { return repos_->Users(); }

    Id AddWorkspace(const std::string& name) {
        Workspace w;
        w.name = name;
        w.language = domain::Language::kVietnamese;
        w.default_currency = "EUR";
        w.phone_region = "DE";
        w.time_zone = "Europe/Berlin";
        w.default_visibility = domain::Visibility::kTeam;
        w.add_time = FromUnixSeconds(1'700'000'000);
        auto id = Workspaces().Insert(w);
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

    // The store's writer repositories, used directly from the test while nothing else writes:
    // each statement commits on its own, as on a bare connection.
    domain::Repositories* repos_ = nullptr;
};

TEST_P(WorkspaceUserContract, InsertsReadsAndListsWorkspaces) {
    const Id first = AddWorkspace("Acme");
    const Id second = AddWorkspace("Globex");
    EXPECT_NE(first, second);

    auto got = Workspaces().Get(first);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->id, first);
    EXPECT_EQ(got->name, "Acme");
    EXPECT_EQ(got->language, domain::Language::kVietnamese);
    EXPECT_EQ(got->default_currency, "EUR");
    EXPECT_EQ(got->phone_region, "DE");
    EXPECT_EQ(got->time_zone, "Europe/Berlin");
    EXPECT_EQ(got->default_visibility, domain::Visibility::kTeam);
    EXPECT_EQ(got->add_time, FromUnixSeconds(1'700'000'000));

    ASSERT_TRUE(Workspaces().SetDefaultVisibility(second, domain::Visibility::kOwner).ok());
    auto all = Workspaces().List();
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].name, "Acme");
    EXPECT_EQ((*all)[1].name, "Globex");
    EXPECT_EQ((*all)[1].default_visibility, domain::Visibility::kOwner);

    EXPECT_EQ(Workspaces().Get(second + 100).status().code(), ErrorCode::kNotFound);
}

TEST_P(WorkspaceUserContract, InsertsFindsAndUpdatesUsers) {
    const Id acme = AddWorkspace("Acme");
    const Id globex = AddWorkspace("Globex");
    auto ann = Users().Insert(NewUser(acme, "ann@example.com"));
    ASSERT_TRUE(ann.ok()) << ann.status().ToString();

    auto got = Users().Get(acme, *ann);
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
    EXPECT_EQ(Users().Get(globex, *ann).status().code(), ErrorCode::kNotFound);

    // An email is unique within a workspace, not across them.
    EXPECT_EQ(Users().Insert(NewUser(acme, "ann@example.com")).status().code(),
              ErrorCode::kAlreadyExists);
    ASSERT_TRUE(Users().Insert(NewUser(globex, "ann@example.com")).ok());
    auto everywhere = Users().FindByEmailEverywhere("ann@example.com");
    ASSERT_TRUE(everywhere.ok()) << everywhere.status().ToString();
    ASSERT_EQ(everywhere->size(), 2u);
    EXPECT_EQ((*everywhere)[0].workspace_id, acme);
    EXPECT_EQ((*everywhere)[1].workspace_id, globex);

    auto found = Users().FindByEmail(acme, "ann@example.com");
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->id, *ann);
    auto missing = Users().FindByEmail(acme, "bob@example.com");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());

    User changed = *got;
    changed.name = "Ann B";
    changed.role = Role::kAdmin;
    changed.active = false;
    changed.update_time = FromUnixSeconds(1'700'000'300);
    ASSERT_TRUE(Users().Update(changed).ok());
    ASSERT_TRUE(
        Users().SetPasswordHash(acme, *ann, "$argon2id$y", FromUnixSeconds(1'700'000'400)).ok());
    auto listed = Users().List(acme);
    ASSERT_TRUE(listed.ok()) << listed.status().ToString();
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].name, "Ann B");
    EXPECT_EQ((*listed)[0].role, Role::kAdmin);
    EXPECT_FALSE((*listed)[0].active);
    EXPECT_EQ((*listed)[0].password_hash, "$argon2id$y");
    EXPECT_EQ((*listed)[0].update_time, FromUnixSeconds(1'700'000'400));
}

TEST_P(WorkspaceUserContract, RefusesAUserOfAnUnknownWorkspace) {
    EXPECT_EQ(Users().Insert(NewUser(12345, "ann@example.com")).status().code(),
              ErrorCode::kFailedPrecondition);
}

PIPECRM_CONTRACT_BACKENDS(WorkspaceUserContract);

}  // namespace
}  // namespace pipecrm::storage

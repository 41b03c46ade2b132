// Per-record visibility on both backends (the storage contract): who sees which deal, through
// every kind of read (list, get, totals, search) and through writes, for each role, and never
// across workspaces.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "contract_store.hpp"
#include "domain/deal_service.hpp"
#include "domain/viewer.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::storage {
namespace {

using domain::Repositories;
using domain::Role;
using domain::Viewer;
using domain::Visibility;

const Instant kNow = FromUnixSeconds(1767262800);

using Titles = std::set<std::string>;

class VisibilityTest : public ::testing::TestWithParam<BackendKind> {
  protected:
    void SetUp() override {
        path_ = NewDatabase(GetParam(), dir_);
        ASSERT_FALSE(path_.empty());
        auto opened = OpenStore(path_);
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(*opened);
        ws_ = AddWorkspace("admin@a.example");
        other_ws_ = AddWorkspace("admin@b.example");
        users_["admin"] = {ws_.workspace_id, ws_.admin_user_id, Role::kAdmin};
        for (auto [name, role] : {std::pair{"manager", Role::kManager},
                                  {"rep1", Role::kMember},
                                  {"rep2", Role::kMember},
                                  {"loner", Role::kMember}}) {
            users_[name] = {ws_.workspace_id, AddUser(ws_.workspace_id, name, role), role};
        }
        users_["other admin"] = {other_ws_.workspace_id, other_ws_.admin_user_id, Role::kAdmin};
        // One team: managed by "manager", with rep1 and rep2. The loner is in no team.
        Status teamed = store_->WriteAndWait([&](Repositories& repos) -> Status {
            domain::Team team;
            team.workspace_id = ws_.workspace_id;
            team.name = "North";
            team.manager_user_id = users_["manager"].user_id;
            team.add_time = team.update_time = kNow;
            auto id = repos.Teams().Insert(team);
            PIPECRM_RETURN_IF_ERROR(id.status());
            for (const char* rep : {"rep1", "rep2"}) {
                PIPECRM_RETURN_IF_ERROR(
                    repos.Teams().AddMember(ws_.workspace_id, *id, users_[rep].user_id, kNow));
            }
            return Status::Ok();
        });
        ASSERT_TRUE(teamed.ok()) << teamed.ToString();
        AddDeal("rep1 private", "rep1", Visibility::kOwner);
        AddDeal("rep1 team", "rep1", Visibility::kTeam);
        AddDeal("rep1 everyone", "rep1", Visibility::kEveryone);
        AddDeal("rep2 private", "rep2", Visibility::kOwner);
        AddDeal("loner team", "loner", Visibility::kTeam);
        AddDeal("loner private", "loner", Visibility::kOwner);
        AddDeal("other workspace", "other admin", Visibility::kEveryone);
    }

    domain::CreatedWorkspace AddWorkspace(const std::string& email) {
        domain::CreatedWorkspace created;
        Status status = store_->WriteAndWait([&](Repositories& repos) -> Status {
            auto result = domain::SetUpWorkspace(
                repos, {"W", domain::Language::kEnglish, email, "", ""}, kNow);
            if (result.ok()) {
                created = *result;
            }
            return result.status();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return created;
    }

    Id AddUser(Id workspace_id, const std::string& name, Role role) {
        Id id = 0;
        Status status = store_->WriteAndWait([&](Repositories& repos) -> Status {
            domain::User user;
            user.workspace_id = workspace_id;
            user.name = name;
            user.email = name + "@a.example";
            user.role = role;
            user.add_time = user.update_time = kNow;
            auto inserted = repos.Users().Insert(user);
            if (inserted.ok()) {
                id = *inserted;
            }
            return inserted.status();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return id;
    }

    void AddDeal(const std::string& title, const std::string& owner, Visibility visible_to) {
        const Viewer& v = users_[owner];
        Status status = store_->WriteAndWait([&](Repositories& repos) -> Status {
            domain::DealChange change;
            change.title = title;
            change.value = "1000";
            change.visible_to = visible_to;
            auto deal = domain::CreateDeal(repos, {v.workspace_id, v.user_id, "VND"}, change, kNow);
            if (deal.ok()) {
                ids_[title] = deal->id;
            }
            return deal.status();
        });
        ASSERT_TRUE(status.ok()) << status.ToString();
    }

    // Runs `job` as `who` (or as the system when empty).
    Status ReadAs(const std::string& who, const domain::StoreJob& job) {
        domain::ViewerScope scope(who.empty() ? std::nullopt : std::optional(users_[who]));
        return store_->Read(job);
    }

    Titles ListedFor(const std::string& who) {
        Titles titles;
        Status status = ReadAs(who, [&](Repositories& repos) -> Status {
            domain::DealQuery query;
            query.workspace_id = who.empty() ? ws_.workspace_id : users_[who].workspace_id;
            auto deals = repos.Deals().List(query);
            if (!deals.ok()) {
                return deals.status();
            }
            for (const domain::Deal& d : *deals) {
                titles.insert(d.title);
            }
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return titles;
    }

    testing::TempDir dir_;
    std::string path_;  ///< the database: a file or a postgresql:// URL
    std::unique_ptr<domain::Store> store_;
    domain::CreatedWorkspace ws_;
    domain::CreatedWorkspace other_ws_;
    std::map<std::string, Viewer> users_;
    std::map<std::string, Id> ids_;
};

TEST_P(VisibilityTest, EachRoleListsExactlyWhatItMaySee) {
    const Titles all = {"rep1 private", "rep1 team",  "rep1 everyone",
                        "rep2 private", "loner team", "loner private"};
    EXPECT_EQ(ListedFor(""), all) << "system work sees everything";
    EXPECT_EQ(ListedFor("admin"), all);
    EXPECT_EQ(ListedFor("manager"),
              (Titles{"rep1 private", "rep1 team", "rep1 everyone", "rep2 private"}))
        << "a manager sees every record of the team's members";
    EXPECT_EQ(ListedFor("rep1"), (Titles{"rep1 private", "rep1 team", "rep1 everyone"}));
    EXPECT_EQ(ListedFor("rep2"), (Titles{"rep1 team", "rep1 everyone", "rep2 private"}))
        << "team-mates see team records, not private ones";
    EXPECT_EQ(ListedFor("loner"), (Titles{"rep1 everyone", "loner team", "loner private"}));
    EXPECT_EQ(ListedFor("other admin"), (Titles{"other workspace"}));
}

TEST_P(VisibilityTest, GetsTotalsAndSearchFollowTheSameScope) {
    Status status = ReadAs("rep2", [&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Deals().Get(ws_.workspace_id, ids_["rep1 private"]).status().code(),
                  ErrorCode::kNotFound);
        EXPECT_TRUE(repos.Deals().Get(ws_.workspace_id, ids_["rep1 team"]).ok());
        domain::DealQuery query;
        query.workspace_id = ws_.workspace_id;
        auto totals = repos.Deals().Totals(query);
        EXPECT_TRUE(totals.ok());
        EXPECT_EQ(totals->size(), 1u);
        EXPECT_EQ(totals->front().count, 3);
        domain::SearchTerm term;
        term.workspace_id = ws_.workspace_id;
        term.folded = "private";
        auto found = repos.Deals().Search(term);
        EXPECT_TRUE(found.ok());
        EXPECT_EQ(found->size(), 1u) << "only rep2's own private deal";
        auto count = repos.Deals().CountLive(ws_.workspace_id, std::nullopt, std::nullopt);
        EXPECT_EQ(*count, 3);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();

    // Another workspace's admin cannot reach this workspace's rows even by naming it.
    status = ReadAs("other admin", [&](Repositories& repos) -> Status {
        EXPECT_FALSE(repos.Deals().Get(ws_.workspace_id, ids_["rep1 everyone"]).ok());
        domain::DealQuery query;
        query.workspace_id = ws_.workspace_id;
        EXPECT_TRUE(repos.Deals().List(query)->empty());
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST_P(VisibilityTest, WritesCannotReachWhatReadsHide) {
    const Viewer rep2 = users_["rep2"];
    domain::ViewerScope scope(rep2);
    domain::DealChange rename;
    rename.title = "taken over";
    Status hidden = store_->WriteAndWait([&](Repositories& repos) -> Status {
        return domain::UpdateDeal(repos, {rep2.workspace_id, rep2.user_id, "VND"},
                                  ids_["rep1 private"], rename, kNow)
            .status();
    });
    EXPECT_EQ(hidden.code(), ErrorCode::kNotFound);
    Status shared = store_->WriteAndWait([&](Repositories& repos) -> Status {
        return domain::UpdateDeal(repos, {rep2.workspace_id, rep2.user_id, "VND"},
                                  ids_["rep1 team"], rename, kNow)
            .status();
    });
    EXPECT_TRUE(shared.ok()) << shared.ToString();
}

PIPECRM_CONTRACT_BACKENDS(VisibilityTest);

}  // namespace
}  // namespace pipecrm::storage

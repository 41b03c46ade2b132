// The reports' storage port on a real SQLite file: events come in time order per deal even
// when history was written later with earlier times (an import), deleted deals and their
// events are left out, and a member reads only the deals (and events, and snapshot rows) of
// what their lists show.
#include "storage/sql/report_source.hpp"

#include <gtest/gtest.h>

#include "domain/deal_service.hpp"
#include "domain/user_service.hpp"
#include "domain/viewer.hpp"
#include "storage/sqlite/test_store.hpp"
#include "support/process.hpp"

namespace pipecrm::storage::sqlite {
namespace {

const Instant kNow = FromUnixSeconds(1767262800);

class ReportSourceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = OpenTestStore(dir_.File("crm.db"));
        ASSERT_NE(store_, nullptr);
        ws_ = AddTestWorkspace(*store_, "admin@example.com", kNow);
        admin_ = {ws_.workspace_id, ws_.admin_user_id, "VND", domain::Visibility::kEveryone};
        ASSERT_TRUE(store_
                        ->WriteAndWait([&](domain::Repositories& repos) -> Status {
                            domain::NewUser user{"rep@example.com", "", domain::Role::kMember, ""};
                            auto added = domain::AddUser(repos, admin_, user, kNow);
                            if (!added.ok()) {
                                return added.status();
                            }
                            rep_ = added->id;
                            return Status::Ok();
                        })
                        .ok());
    }

    Id AddDeal(const std::string& title, domain::Visibility visible_to, Instant at) {
        Id id = 0;
        Status status = store_->WriteAndWait([&](domain::Repositories& repos) -> Status {
            domain::DealChange change;
            change.title = title;
            change.visible_to = visible_to;
            auto deal = domain::CreateDeal(repos, admin_, change, at);
            if (!deal.ok()) {
                return deal.status();
            }
            id = deal->id;
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return id;
    }

    // The deal ids and event times the viewer reads through the port.
    std::vector<std::pair<Id, std::int64_t>> Events(std::optional<domain::Viewer> viewer) {
        domain::ViewerScope scope(viewer);
        std::vector<std::pair<Id, std::int64_t>> out;
        Status status = store_->Read([&](domain::Repositories& repos) -> Status {
            auto events = repos.Reports().EventsOfLiveDeals(ws_.workspace_id);
            if (!events.ok()) {
                return events.status();
            }
            for (const domain::DealEvent& e : *events) {
                out.emplace_back(e.deal_id, ToUnixSeconds(e.at));
            }
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return out;
    }

    testing::TempDir dir_;
    std::unique_ptr<SqliteStore> store_;
    domain::CreatedWorkspace ws_;
    domain::Actor admin_;
    Id rep_ = 0;
};

TEST_F(ReportSourceTest, EventsComeInTimeOrderPerDealEvenWhenWrittenOutOfOrder) {
    const Id deal = AddDeal("imported", domain::Visibility::kEveryone, kNow);
    // History written afterwards with an earlier time, as an import would.
    ASSERT_TRUE(store_
                    ->WriteAndWait([&](domain::Repositories& repos) -> Status {
                        domain::DealEvent moved;
                        moved.workspace_id = ws_.workspace_id;
                        moved.deal_id = deal;
                        moved.kind = domain::DealEventKind::kStageMoved;
                        moved.at = kNow - std::chrono::hours(5);
                        return repos.DealEvents().Append(moved).status();
                    })
                    .ok());
    const auto events = Events(std::nullopt);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].second, ToUnixSeconds(kNow) - 5 * 3600);
    EXPECT_EQ(events[1].second, ToUnixSeconds(kNow));
}

TEST_F(ReportSourceTest, DeletedDealsAndInvisibleDealsAreLeftOut) {
    const Id shown = AddDeal("everyone", domain::Visibility::kEveryone, kNow);
    const Id hidden = AddDeal("admin only", domain::Visibility::kOwner, kNow);
    const Id deleted = AddDeal("deleted", domain::Visibility::kEveryone, kNow);
    ASSERT_TRUE(store_
                    ->WriteAndWait([&](domain::Repositories& repos) -> Status {
                        return domain::DeleteDeal(repos, admin_, deleted, kNow).status();
                    })
                    .ok());
    auto ids = [&](std::optional<domain::Viewer> viewer) {
        std::set<Id> out;
        for (const auto& [id, at] : Events(viewer)) {
            out.insert(id);
        }
        return out;
    };
    EXPECT_EQ(ids(std::nullopt), (std::set<Id>{shown, hidden}));
    EXPECT_EQ(ids(domain::Viewer{ws_.workspace_id, rep_, domain::Role::kMember}),
              std::set<Id>{shown});
    domain::ViewerScope scope(domain::Viewer{ws_.workspace_id, rep_, domain::Role::kMember});
    Status status = store_->Read([&](domain::Repositories& repos) -> Status {
        auto deals = repos.Reports().LiveDeals(ws_.workspace_id);
        if (!deals.ok()) {
            return deals.status();
        }
        EXPECT_EQ(deals->size(), 1u);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
}

}  // namespace
}  // namespace pipecrm::storage::sqlite

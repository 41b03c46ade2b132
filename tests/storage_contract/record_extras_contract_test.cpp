// The include_fields figures (RecordExtras) on both backends (the storage contract): activity
// counts and the next and last activity, notes, enabled product lines, the first win, deals by
// status and people, each family one query for a page of ids, deleted rows left out, scoped by
// workspace.
#include <gtest/gtest.h>

#include "contract_store.hpp"
#include "domain/deal_service.hpp"
#include "domain/included_fields.hpp"
#include "support/process.hpp"

namespace pipecrm::storage {
namespace {

using domain::ExtrasWanted;
using domain::RecordExtras;
using domain::Repositories;

const Instant kNow = FromUnixSeconds(1767262800);

// Runs `fn(repos)` in a write job and fails the test on error.
template <typename Fn>
void Write(domain::Store& store, Fn&& fn) {
    Status status = store.WriteAndWait([&](Repositories& repos) -> Status { return fn(repos); });
    ASSERT_TRUE(status.ok()) << status.ToString();
}

// A new product, organization or person of `w`, owned by its admin.
template <typename T>
T Named(const domain::CreatedWorkspace& w, std::string name) {
    T row;
    row.workspace_id = w.workspace_id;
    row.name = std::move(name);
    row.owner_id = w.admin_user_id;
    row.add_time = row.update_time = kNow;
    return row;
}

class RecordExtrasContract : public ::testing::TestWithParam<BackendKind> {};

struct Fixture {
    testing::TempDir dir;
    std::unique_ptr<domain::Store> store;
    domain::CreatedWorkspace ws;
    domain::CreatedWorkspace other;

    explicit Fixture(BackendKind kind)
        : store(OpenTestStore(kind, dir)),
          ws(AddTestWorkspace(*store, "a@example.com", kNow)),
          other(AddTestWorkspace(*store, "b@example.com", kNow)) {}

    domain::Actor Actor(const domain::CreatedWorkspace& w) const {
        return {w.workspace_id, w.admin_user_id, "VND"};
    }

    // A deal of `w`, moved through `statuses` one change at a time, a minute apart.
    Id Deal(const domain::CreatedWorkspace& w,
            std::vector<domain::DealStatus> statuses = {},
            OptionalId person_id = std::nullopt,
            OptionalId org_id = std::nullopt) {
        Id id = 0;
        Write(*store, [&](Repositories& repos) -> Status {
            domain::DealChange change;
            change.title = "Deal";
            change.person_id = person_id;
            change.org_id = org_id;
            auto deal = domain::CreateDeal(repos, Actor(w), change, kNow);
            if (!deal.ok()) {
                return deal.status();
            }
            id = deal->id;
            for (std::size_t i = 0; i < statuses.size(); ++i) {
                domain::DealChange next;
                next.status = statuses[i];
                const Instant at = kNow + std::chrono::minutes(static_cast<int>(i) + 1);
                auto updated = statuses[i] == domain::DealStatus::kDeleted
                                   ? domain::DeleteDeal(repos, Actor(w), id, at)
                                   : domain::UpdateDeal(repos, Actor(w), id, next, at);
                PIPECRM_RETURN_IF_ERROR(updated.status());
            }
            return Status::Ok();
        });
        return id;
    }

    Id Activity(const domain::CreatedWorkspace& w,
                Id deal_id,
                bool done,
                std::optional<int> due_day,
                std::optional<int> due_minutes = std::nullopt,
                bool deleted = false) {
        domain::Activity a;
        a.workspace_id = w.workspace_id;
        a.subject = "Call";
        a.owner_id = w.admin_user_id;
        a.creator_user_id = w.admin_user_id;
        a.deal_id = deal_id;
        if (due_day) {
            a.due_date = FromDayNumber(20000 + *due_day);
        }
        a.due_time_minutes = due_minutes;
        a.done = done;
        a.is_deleted = deleted;
        a.add_time = kNow;
        a.update_time = kNow;
        Id id = 0;
        Write(*store, [&](Repositories& repos) -> Status {
            auto inserted = repos.Activities().Insert(a);
            PIPECRM_RETURN_IF_ERROR(inserted.status());
            id = *inserted;
            return Status::Ok();
        });
        return id;
    }

    std::vector<RecordExtras> DealExtras(Id workspace_id, std::vector<Id> ids) {
        std::vector<RecordExtras> out;
        ExtrasWanted all;
        all.activities = all.notes = all.products = all.first_won = true;
        Status status = store->Read([&](Repositories& repos) -> Status {
            auto extras = repos.Deals().Extras(workspace_id, ids, all);
            PIPECRM_RETURN_IF_ERROR(extras.status());
            out = *extras;
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return out;
    }
};

TEST_P(RecordExtrasContract, NextAndLastActivityFollowDueDateThenTimeUndatedLast) {
    Fixture f(GetParam());
    const Id deal = f.Deal(f.ws);
    f.Activity(f.ws, deal, false, std::nullopt);                  // undated: last in line
    const Id soonest = f.Activity(f.ws, deal, false, 3, 9 * 60);  // day 3 at 09:00
    f.Activity(f.ws, deal, false, 3);                             // day 3, no time
    f.Activity(f.ws, deal, false, 5, 8 * 60);
    f.Activity(f.ws, deal, false, 1, 8 * 60, /*deleted=*/true);
    f.Activity(f.ws, deal, true, 9, 10 * 60);
    const Id latest_done = f.Activity(f.ws, deal, true, 9, 11 * 60);
    f.Activity(f.ws, deal, true, std::nullopt);

    auto extras = f.DealExtras(f.ws.workspace_id, {deal});
    ASSERT_EQ(extras.size(), 1u);
    EXPECT_EQ(extras[0].id, deal);
    EXPECT_EQ(extras[0].activities_count, 7);
    EXPECT_EQ(extras[0].done_activities_count, 3);
    EXPECT_EQ(extras[0].undone_activities_count, 4);
    EXPECT_EQ(extras[0].next_activity_id, soonest);
    EXPECT_EQ(extras[0].last_activity_id, latest_done);
}

TEST_P(RecordExtrasContract, OneEntryPerIdInOrderWithZerosForRecordsWithoutFigures) {
    Fixture f(GetParam());
    const Id won_twice = f.Deal(
        f.ws, {domain::DealStatus::kWon, domain::DealStatus::kOpen, domain::DealStatus::kWon});
    const Id bare = f.Deal(f.ws);
    Write(*f.store, [&](Repositories& repos) -> Status {
        domain::Note note;
        note.workspace_id = f.ws.workspace_id;
        note.user_id = f.ws.admin_user_id;
        note.content = "n";
        note.deal_id = won_twice;
        note.add_time = note.update_time = kNow;
        PIPECRM_RETURN_IF_ERROR(repos.Notes().Insert(note).status());
        note.is_deleted = true;
        PIPECRM_RETURN_IF_ERROR(repos.Notes().Insert(note).status());
        auto product_id = repos.Products().Insert(Named<domain::Product>(f.ws, "Seat"));
        PIPECRM_RETURN_IF_ERROR(product_id.status());
        domain::DealProduct line;
        line.workspace_id = f.ws.workspace_id;
        line.deal_id = won_twice;
        line.product_id = *product_id;
        line.add_time = line.update_time = kNow;
        PIPECRM_RETURN_IF_ERROR(repos.Products().InsertDealProduct(line).status());
        PIPECRM_RETURN_IF_ERROR(repos.Products().InsertDealProduct(line).status());
        line.is_enabled = false;
        return repos.Products().InsertDealProduct(line).status();
    });

    auto extras = f.DealExtras(f.ws.workspace_id, {bare, won_twice, 424242});
    ASSERT_EQ(extras.size(), 3u);
    EXPECT_EQ(extras[0].id, bare);
    EXPECT_EQ(extras[0].notes_count, 0);
    EXPECT_FALSE(extras[0].first_won_time.has_value());
    EXPECT_FALSE(extras[0].next_activity_id.has_value());
    EXPECT_EQ(extras[1].id, won_twice);
    EXPECT_EQ(extras[1].notes_count, 1);
    EXPECT_EQ(extras[1].products_count, 2);
    EXPECT_EQ(extras[1].first_won_time, kNow + std::chrono::minutes(1));
    EXPECT_EQ(extras[2].id, 424242);
    EXPECT_EQ(extras[2].products_count, 0);
}

TEST_P(RecordExtrasContract, AnotherWorkspaceSeesNothing) {
    Fixture f(GetParam());
    const Id deal = f.Deal(f.ws, {domain::DealStatus::kWon});
    f.Activity(f.ws, deal, false, 1);
    auto extras = f.DealExtras(f.other.workspace_id, {deal});
    ASSERT_EQ(extras.size(), 1u);
    EXPECT_EQ(extras[0].activities_count, 0);
    EXPECT_FALSE(extras[0].next_activity_id.has_value());
    EXPECT_FALSE(extras[0].first_won_time.has_value());
}

TEST_P(RecordExtrasContract, OrganizationsCountDealsByStatusAndLivePeople) {
    Fixture f(GetParam());
    Id org = 0;
    Write(*f.store, [&](Repositories& repos) -> Status {
        auto id = repos.Organizations().Insert(Named<domain::Organization>(f.ws, "Acme"));
        PIPECRM_RETURN_IF_ERROR(id.status());
        org = *id;
        auto p = Named<domain::Person>(f.ws, "An");
        p.org_id = org;
        PIPECRM_RETURN_IF_ERROR(repos.Persons().Insert(p).status());
        p.is_deleted = true;
        return repos.Persons().Insert(p).status();
    });
    f.Deal(f.ws, {}, std::nullopt, org);
    f.Deal(f.ws, {domain::DealStatus::kWon}, std::nullopt, org);
    f.Deal(f.ws, {domain::DealStatus::kLost}, std::nullopt, org);
    f.Deal(f.ws, {domain::DealStatus::kLost}, std::nullopt, org);
    f.Deal(f.ws, {domain::DealStatus::kDeleted}, std::nullopt, org);

    ExtrasWanted which;
    which.deals = which.people = true;
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        auto extras = repos.Organizations().Extras(f.ws.workspace_id, {org}, which);
        PIPECRM_RETURN_IF_ERROR(extras.status());
        EXPECT_EQ((*extras)[0].open_deals_count, 1);
        EXPECT_EQ((*extras)[0].won_deals_count, 1);
        EXPECT_EQ((*extras)[0].lost_deals_count, 2);
        EXPECT_EQ((*extras)[0].people_count, 1);

        // Through the domain: only the names asked for, in that order, with their values.
        domain::ContactQuery query;
        query.workspace_id = f.ws.workspace_id;
        auto orgs = repos.Organizations().List(query);
        PIPECRM_RETURN_IF_ERROR(orgs.status());
        auto names = domain::ParseIncludeFields(
            domain::FieldEntity::kOrganization,
            {"closed_deals_count", "people_count", "files_count", "smart_bcc_email"});
        PIPECRM_RETURN_IF_ERROR(names.status());
        PIPECRM_RETURN_IF_ERROR(
            domain::LoadIncludedFields(repos, f.ws.workspace_id, *names, *orgs));
        const auto& fields = orgs->front().included_fields;
        EXPECT_EQ(fields.size(), 4u);
        EXPECT_EQ(fields[0].name, "closed_deals_count");
        EXPECT_EQ(std::get<std::int64_t>(fields[0].value), 3);
        EXPECT_EQ(std::get<std::int64_t>(fields[1].value), 1);
        EXPECT_EQ(std::get<std::int64_t>(fields[2].value), 0);
        EXPECT_TRUE(std::holds_alternative<std::monostate>(fields[3].value));
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
}

PIPECRM_CONTRACT_BACKENDS(RecordExtrasContract);

}  // namespace
}  // namespace pipecrm::storage

// Filters compiled to SQL, and applied to deal lists on a real SQLite file.
#include "storage/sql/filter_sql.hpp"

#include <gtest/gtest.h>

#include "domain/deal_service.hpp"
#include "domain/filter_service.hpp"
#include "domain/workspace_setup.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/process.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::FilterOperator;
using domain::FilterType;

domain::FilterCondition Condition(std::string field, FilterOperator op, std::string value) {
    domain::FilterCondition c;
    c.field = std::move(field);
    c.op = op;
    c.value = std::move(value);
    return c;
}

TEST(CompileFilter, BindsEveryValueAndGluesTheGroups) {
    domain::FilterConditions conditions;
    conditions.all.push_back(Condition("stage_id", FilterOperator::kEqual, "2"));
    conditions.all.push_back(Condition("title", FilterOperator::kNotEqual, "x' OR 1=1 --"));
    conditions.any.push_back(Condition("title", FilterOperator::kContains, "50%_off"));
    conditions.any.push_back(Condition("user_id", FilterOperator::kEqual, "3"));
    auto compiled = CompileFilter(FilterType::kDeals, conditions);
    ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
    EXPECT_EQ(compiled->sql,
              "(stage_id = ? AND (title IS NULL OR title <> ?)) AND "
              "(LOWER(title) LIKE LOWER(?) ESCAPE '\\' OR owner_id = ?)");
    ASSERT_EQ(compiled->values.size(), 4u);
    EXPECT_EQ(std::get<std::int64_t>(compiled->values[0]), 2);
    EXPECT_EQ(std::get<std::string>(compiled->values[1]), "x' OR 1=1 --");
    EXPECT_EQ(std::get<std::string>(compiled->values[2]), "%50\\%\\_off%");
    EXPECT_EQ(std::get<std::int64_t>(compiled->values[3]), 3);
}

TEST(CompileFilter, TimesCompareByUtcDay) {
    domain::FilterConditions conditions;
    conditions.all.push_back(Condition("add_time", FilterOperator::kEqual, "1970-01-02"));
    conditions.all.push_back(Condition("won_time", FilterOperator::kGreater, "1970-01-02"));
    auto compiled = CompileFilter(FilterType::kDeals, conditions);
    ASSERT_TRUE(compiled.ok());
    EXPECT_EQ(compiled->sql, "((add_time >= ? AND add_time < ?) AND won_time >= ?)");
    EXPECT_EQ(std::get<std::int64_t>(compiled->values[0]), 86400);
    EXPECT_EQ(std::get<std::int64_t>(compiled->values[1]), 2 * 86400);
    EXPECT_EQ(std::get<std::int64_t>(compiled->values[2]), 2 * 86400);
}

TEST(CompileFilter, EmptyMatchesEverythingAndUnknownFieldsFail) {
    auto empty = CompileFilter(FilterType::kPeople, {});
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->sql.empty());

    domain::FilterConditions conditions;
    conditions.all.push_back(Condition("title", FilterOperator::kEqual, "x"));
    auto wrong_table = CompileFilter(FilterType::kPeople, conditions);
    EXPECT_EQ(wrong_table.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(wrong_table.status().field(), "filter_id");
}

const Instant kNow = FromUnixSeconds(1767262800);  // 2026-01-01T10:20:00Z

TEST(SqliteFilters, SavedFilterNarrowsADealListInItsWorkspaceOnly) {
    testing::TempDir dir;
    auto store = sqlite::SqliteStore::Open(dir.File("crm.db"));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<domain::Actor> actors;
    for (const char* email : {"a@example.com", "b@example.com"}) {
        ASSERT_TRUE(
            (*store)
                ->WriteAndWait([&](domain::Repositories& repos) -> Status {
                    domain::NewWorkspace request{"Acme", domain::Language::kEnglish, email, "", ""};
                    auto created = domain::SetUpWorkspace(repos, request, kNow);
                    if (!created.ok()) {
                        return created.status();
                    }
                    actors.push_back({created->workspace_id, created->admin_user_id, "USD"});
                    for (const char* title : {"Big deal", "Small deal", "Other"}) {
                        domain::DealChange change;
                        change.title = title;
                        change.value = title[0] == 'B' ? "1500.50" : "20";
                        auto deal = domain::CreateDeal(repos, actors.back(), change, kNow);
                        if (!deal.ok()) {
                            return deal.status();
                        }
                    }
                    return Status::Ok();
                })
                .ok());
    }
    domain::FilterChange change;
    change.name = "Big ones";
    change.type = FilterType::kDeals;
    change.conditions.emplace();
    change.conditions->all.push_back(Condition("title", FilterOperator::kEndsWith, "deal"));
    change.conditions->any.push_back(Condition("value", FilterOperator::kGreaterOrEqual, "1500.5"));
    change.conditions->any.push_back(Condition("add_time", FilterOperator::kLess, "2000-01-01"));
    Id filter_id = 0;
    ASSERT_TRUE((*store)
                    ->WriteAndWait([&](domain::Repositories& repos) -> Status {
                        auto filter = domain::CreateFilter(repos, actors[0], change, kNow);
                        if (!filter.ok()) {
                            return filter.status();
                        }
                        filter_id = filter->id;
                        return Status::Ok();
                    })
                    .ok());

    auto titles = [&](const domain::Actor& actor) {
        std::vector<std::string> out;
        Status status = (*store)->Read([&](domain::Repositories& repos) -> Status {
            domain::DealQuery query;
            query.workspace_id = actor.workspace_id;
            PIPECRM_RETURN_IF_ERROR(domain::ApplyFilter(repos, filter_id, query));
            auto deals = repos.Deals().List(query);
            if (!deals.ok()) {
                return deals.status();
            }
            for (const domain::Deal& deal : *deals) {
                out.push_back(deal.title);
            }
            return Status::Ok();
        });
        return std::make_pair(status, out);
    };
    auto [status, found] = titles(actors[0]);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(found, std::vector<std::string>{"Big deal"});
    EXPECT_EQ(titles(actors[1]).first.code(), ErrorCode::kNotFound)
        << "another workspace's filter is unknown";

    Status reread = (*store)->Read([&](domain::Repositories& repos) -> Status {
        auto filter = domain::GetLiveFilter(repos, actors[0].workspace_id, filter_id);
        EXPECT_TRUE(filter.ok());
        EXPECT_EQ(filter->conditions.all.size(), 1u);
        EXPECT_EQ(filter->conditions.any.size(), 2u);
        EXPECT_EQ(filter->conditions.any[0].op, FilterOperator::kGreaterOrEqual);
        domain::ContactQuery persons;
        persons.workspace_id = actors[0].workspace_id;
        EXPECT_EQ(domain::ApplyFilter(repos, FilterType::kPeople, filter_id, persons).field(),
                  "filter_id");
        return Status::Ok();
    });
    EXPECT_TRUE(reread.ok());
}

}  // namespace
}  // namespace pipecrm::storage::sql

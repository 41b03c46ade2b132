// The sample data that bench/ generates reports from, on a real SQLite file: every deal's event
// log replays to its stored state (the invariant every report relies on), and the data has the
// variety the report fixtures name (skipped and backward moves, won, lost and reopened deals,
// several currencies, each with exchange rates).
#include "sample/sample_data.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/test_store.hpp"
#include "support/process.hpp"

namespace pipecrm::storage::sqlite {
namespace {

using domain::DealEventKind;
using domain::DealStatus;

const Instant kNow = FromUnixSeconds(1767262800);

struct Generated {
    std::vector<domain::Deal> deals;
    std::vector<domain::DealEvent> events;
    std::vector<domain::ExchangeRate> rates;
    std::vector<domain::Stage> stages;
};

Generated Generate(int deals, int batch) {
    testing::TempDir dir;
    auto store = OpenTestStore(dir.File("sample.db"));
    const domain::CreatedWorkspace workspace = AddTestWorkspace(*store, "owner@example.com", kNow);
    sample::SampleOptions options;
    options.workspace_id = workspace.workspace_id;
    options.admin_user_id = workspace.admin_user_id;
    options.deals = deals;
    options.seed = 11;
    options.now = kNow;
    options.batch = batch;
    EXPECT_TRUE(sample::GenerateSampleData(*store, options).ok());
    Generated out;
    EXPECT_TRUE(store
                    ->Read([&](domain::Repositories& repos) -> Status {
                        out.deals = repos.Reports().LiveDeals(workspace.workspace_id).value();
                        out.events =
                            repos.Reports().EventsOfLiveDeals(workspace.workspace_id).value();
                        out.rates = repos.Reports().Rates(workspace.workspace_id).value();
                        domain::ListOptions all;
                        all.limit = 1000;
                        out.stages =
                            repos.Stages().List(workspace.workspace_id, std::nullopt, all).value();
                        return Status::Ok();
                    })
                    .ok());
    return out;
}

TEST(SampleData, EveryEventLogReplaysToItsDeal) {
    const Generated g = Generate(400, 500);
    ASSERT_EQ(g.deals.size(), 400u);
    std::map<Id, int> stage_order;
    for (const domain::Stage& stage : g.stages) {
        stage_order[stage.id] = stage.order_nr;
    }
    std::map<Id, std::vector<const domain::DealEvent*>> by_deal;
    for (const domain::DealEvent& event : g.events) {
        by_deal[event.deal_id].push_back(&event);
    }
    int skipped = 0;
    int backward = 0;
    int reopened = 0;
    int requoted = 0;
    int handed_over = 0;
    for (const domain::Deal& deal : g.deals) {
        const auto& events = by_deal[deal.id];
        ASSERT_FALSE(events.empty()) << deal.id;
        ASSERT_EQ(events.front()->kind, DealEventKind::kCreated) << deal.id;
        Id stage = events.front()->to_stage_id.value_or(0);
        DealStatus status = DealStatus::kOpen;
        std::optional<Instant> closed_at;
        Instant previous = events.front()->at;
        for (const domain::DealEvent* event : events) {
            EXPECT_GE(event->at, previous) << deal.id;
            EXPECT_LT(event->at, kNow) << deal.id;
            previous = event->at;
            switch (event->kind) {
                case DealEventKind::kStageMoved: {
                    ASSERT_EQ(event->from_stage_id.value_or(0), stage) << deal.id;
                    EXPECT_EQ(status, DealStatus::kOpen) << deal.id;
                    const int step =
                        stage_order[event->to_stage_id.value_or(0)] - stage_order[stage];
                    skipped += step > 1 ? 1 : 0;
                    backward += step < 0 ? 1 : 0;
                    stage = event->to_stage_id.value_or(0);
                    break;
                }
                case DealEventKind::kWon:
                case DealEventKind::kLost:
                    status =
                        event->kind == DealEventKind::kWon ? DealStatus::kWon : DealStatus::kLost;
                    closed_at = event->at;
                    break;
                case DealEventKind::kReopened:
                    EXPECT_NE(status, DealStatus::kOpen) << deal.id;
                    status = DealStatus::kOpen;
                    ++reopened;
                    break;
                case DealEventKind::kValueChanged:
                    ++requoted;
                    break;
                case DealEventKind::kOwnerChanged:
                    ++handed_over;
                    break;
                default:
                    break;
            }
        }
        EXPECT_EQ(stage, deal.stage_id) << deal.id;
        EXPECT_EQ(status, deal.status) << deal.id;
        if (status != DealStatus::kOpen) {
            EXPECT_EQ(closed_at, deal.close_time) << deal.id;
        }
    }
    EXPECT_GT(skipped, 0);
    EXPECT_GT(backward, 0);
    EXPECT_GT(reopened, 0);
    EXPECT_GT(requoted, 0);
    EXPECT_GT(handed_over, 0);
    // Issue 7's benchmark asks for about five events per deal (1M deals, ~5M events).
    const double per_deal =
        static_cast<double>(g.events.size()) / static_cast<double>(g.deals.size());
    EXPECT_GT(per_deal, 4.5);
    EXPECT_LT(per_deal, 5.5);
}

TEST(SampleData, EveryCurrencyHasRates) {
    const Generated g = Generate(300, 500);
    std::set<std::string> currencies;
    for (const domain::Deal& deal : g.deals) {
        currencies.insert(deal.value.currency);
    }
    EXPECT_EQ(currencies, (std::set<std::string>{"EUR", "SGD", "USD", "VND"}));
    std::set<std::string> rated;
    for (const domain::ExchangeRate& rate : g.rates) {
        rated.insert(rate.currency);
    }
    EXPECT_EQ(rated, (std::set<std::string>{"EUR", "SGD", "USD"}));
}

TEST(SampleData, BatchSizeDoesNotChangeTheData) {
    const Generated small = Generate(120, 7);
    const Generated large = Generate(120, 500);
    ASSERT_EQ(small.deals.size(), large.deals.size());
    for (std::size_t i = 0; i < small.deals.size(); ++i) {
        EXPECT_EQ(small.deals[i].stage_id, large.deals[i].stage_id);
        EXPECT_EQ(small.deals[i].status, large.deals[i].status);
        EXPECT_EQ(small.deals[i].value.minor_units, large.deals[i].value.minor_units);
        EXPECT_EQ(small.deals[i].value.currency, large.deals[i].value.currency);
    }
    ASSERT_EQ(small.events.size(), large.events.size());
    for (std::size_t i = 0; i < small.events.size(); ++i) {
        EXPECT_EQ(small.events[i].kind, large.events[i].kind);
        EXPECT_EQ(small.events[i].at, large.events[i].at);
        EXPECT_EQ(small.events[i].to_stage_id, large.events[i].to_stage_id);
    }
}

}  // namespace
}  // namespace pipecrm::storage::sqlite

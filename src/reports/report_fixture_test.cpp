// Every report on one small, hand-computed history (docs/reports.md explains the rules the
// expected figures follow). The workspace's time zone is Asia/Ho_Chi_Minh (UTC+7) and the
// period is March 2026 there: [2026-02-28T17:00Z, 2026-03-31T17:00Z).
//
// Pipeline 1: A(11, 10%) → B(12, 30%, rots after 30 days) → C(13, 60%, rots after 10 days) →
// D(14, 80%). Pipeline 2: P(21). Users Ann(1) and Bob(2), team North(7) of both.
// Base currency VND; USD 25000 dated 2026-01-01, corrected to 30000 on 2026-03-09; no EUR rate.
//   D1 Ann 1,000,000 VND: created in A 03-02 10:00Z, moved to C 03-05 (skips B), won 03-10.
//   D2 Bob 100 USD: created in A 03-03, to B 03-04, back to A 03-06, lost ("price") 03-08.
//   D3 Ann 500,000 VND: created in B 2026-02-28T16:59:59Z (still Feb 28 locally), moved to C
//      one second later (Mar 1 locally); open, expected to close 2026-03-31.
//   D4 Ann: deleted; counts nowhere.
//   D5 Bob 200,000 VND: created in A 03-01 03:00Z, lost 03-02, reopened 03-03, to B 03-04;
//      open, expected 2026-04-15, with a task due 03-25.
//   D6 Bob 50 EUR, pipeline 2: created 03-01, lost with no reason 03-15.
// Now is 2026-03-20T03:00Z (10:00 on Mar 20 locally).
#include <gtest/gtest.h>

#include "reports/report_catalog.hpp"
#include "reports/report_context.hpp"

namespace pipecrm::reports {
namespace {

using domain::DealEvent;
using domain::DealEventKind;
using domain::DealStatus;

Instant At(const char* text) {
    return *ParseInstant(text);
}

class ReportFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        data_.pipelines = {Pipeline(1, "Sales", 1), Pipeline(2, "Renewals", 2)};
        data_.stages = {Stage(11, 1, "A", 1, 10, std::nullopt), Stage(12, 1, "B", 2, 30, 30),
                        Stage(13, 1, "C", 3, 60, 10), Stage(14, 1, "D", 4, 80, std::nullopt),
                        Stage(21, 2, "P", 1, 50, std::nullopt)};
        data_.users = {User(1, "Ann"), User(2, "Bob")};
        domain::Team north;
        north.id = 7;
        north.name = "North";
        data_.teams = {north};
        data_.memberships = {{7, 1}, {7, 2}};
        data_.rates = {Rate(1, "USD", "2026-01-01", "25000", "2026-01-01T00:00:00Z"),
                       Rate(2, "USD", "2026-01-01", "30000", "2026-03-09T00:00:00Z")};

        auto& d1 = AddDeal(1, 1, 1000000, "VND", 13, DealStatus::kWon, "2026-03-02T10:00:00Z");
        d1.won_time = d1.close_time = At("2026-03-10T10:00:00Z");
        Created(1, 11, "2026-03-02T10:00:00Z");
        Moved(1, 11, 13, "2026-03-05T10:00:00Z");
        Status(1, DealEventKind::kWon, "2026-03-10T10:00:00Z");

        auto& d2 = AddDeal(2, 2, 10000, "USD", 11, DealStatus::kLost, "2026-03-03T00:00:00Z");
        d2.lost_time = d2.close_time = At("2026-03-08T00:00:00Z");
        d2.lost_reason = "price";
        Created(2, 11, "2026-03-03T00:00:00Z");
        Moved(2, 11, 12, "2026-03-04T00:00:00Z");
        Moved(2, 12, 11, "2026-03-06T00:00:00Z");
        Status(2, DealEventKind::kLost, "2026-03-08T00:00:00Z");

        auto& d3 = AddDeal(3, 1, 500000, "VND", 13, DealStatus::kOpen, "2026-02-28T16:59:59Z");
        d3.expected_close_date = *ParseDate("2026-03-31");
        Created(3, 12, "2026-02-28T16:59:59Z");
        Moved(3, 12, 13, "2026-02-28T17:00:00Z");

        AddDeal(4, 1, 900000, "VND", 11, DealStatus::kDeleted, "2026-03-02T00:00:00Z");
        Created(4, 11, "2026-03-02T00:00:00Z");
        Status(4, DealEventKind::kDeleted, "2026-03-03T00:00:00Z");

        auto& d5 = AddDeal(5, 2, 200000, "VND", 12, DealStatus::kOpen, "2026-03-01T03:00:00Z");
        d5.expected_close_date = *ParseDate("2026-04-15");
        Created(5, 11, "2026-03-01T03:00:00Z");
        Status(5, DealEventKind::kLost, "2026-03-02T03:00:00Z");
        Status(5, DealEventKind::kReopened, "2026-03-03T03:00:00Z");
        Moved(5, 11, 12, "2026-03-04T03:00:00Z");

        auto& d6 = AddDeal(6, 2, 5000, "EUR", 21, DealStatus::kLost, "2026-03-01T00:00:00Z");
        d6.pipeline_id = 2;
        d6.lost_time = d6.close_time = At("2026-03-15T00:00:00Z");
        Created(6, 21, "2026-03-01T00:00:00Z");
        Status(6, DealEventKind::kLost, "2026-03-15T00:00:00Z");

        data_.activities = {Activity(1, 1, std::nullopt, "call", "2026-03-05T00:00:00Z"),
                            Activity(2, 1, std::nullopt, "call", "2026-02-27T00:00:00Z"),
                            Activity(3, 2, 2, "meeting", "2026-03-10T00:00:00Z")};
        domain::ActivityFacts task;
        task.id = 4;
        task.owner_id = 2;
        task.deal_id = 5;
        task.type = "task";
        task.due_date = *ParseDate("2026-03-25");
        data_.activities.push_back(task);

        request_.from = *ParseDate("2026-03-01");
        request_.to = *ParseDate("2026-03-31");
        request_.now = At("2026-03-20T03:00:00Z");
        request_.time_zone = "Asia/Ho_Chi_Minh";
        request_.base_currency = "VND";
    }

    ReportTable Run(const char* name) {
        auto table = RunReport(name, data_, request_);
        EXPECT_TRUE(table.ok()) << table.status().message();
        if (!table.ok()) {
            return {};
        }
        for (const auto& row : table->rows) {
            EXPECT_EQ(row.size(), table->columns.size()) << name;
        }
        return *table;
    }

    static domain::Pipeline Pipeline(Id id, const char* name, int order) {
        domain::Pipeline p;
        p.id = id;
        p.name = name;
        p.order_nr = order;
        return p;
    }
    static domain::Stage Stage(
        Id id, Id pipeline, const char* name, int order, int probability, std::optional<int> rot) {
        domain::Stage s;
        s.id = id;
        s.pipeline_id = pipeline;
        s.name = name;
        s.order_nr = order;
        s.deal_probability = probability;
        s.is_deal_rot_enabled = rot.has_value();
        s.days_to_rotten = rot;
        return s;
    }
    static domain::User User(Id id, const char* name) {
        domain::User u;
        u.id = id;
        u.name = name;
        return u;
    }
    static domain::ExchangeRate Rate(
        Id id, const char* currency, const char* day, const char* rate, const char* entered) {
        domain::ExchangeRate r;
        r.id = id;
        r.currency = currency;
        r.rate_date = *ParseDate(day);
        r.rate = rate;
        r.entered_time = At(entered);
        return r;
    }
    static domain::ActivityFacts Activity(
        Id id, Id owner, OptionalId deal, const char* type, const char* done_at) {
        domain::ActivityFacts a;
        a.id = id;
        a.owner_id = owner;
        a.deal_id = deal;
        a.type = type;
        a.done = true;
        a.marked_as_done_time = At(done_at);
        return a;
    }
    domain::Deal& AddDeal(Id id,
                          Id owner,
                          std::int64_t minor_units,
                          const char* currency,
                          Id stage,
                          DealStatus status,
                          const char* added) {
        domain::Deal d;
        d.id = id;
        d.workspace_id = 1;
        d.title = "deal " + std::to_string(id);
        d.value = {minor_units, currency};
        d.pipeline_id = 1;
        d.stage_id = stage;
        d.owner_id = owner;
        d.status = status;
        d.add_time = At(added);
        data_.deals.push_back(d);
        return data_.deals.back();
    }
    DealEvent& Event(Id deal, DealEventKind kind, const char* at) {
        DealEvent e;
        e.id = static_cast<Id>(data_.events.size() + 1);
        e.deal_id = deal;
        e.kind = kind;
        e.at = At(at);
        data_.events.push_back(e);
        return data_.events.back();
    }
    void Created(Id deal, Id stage, const char* at) {
        Event(deal, DealEventKind::kCreated, at).to_stage_id = stage;
    }
    void Moved(Id deal, Id from, Id to, const char* at) {
        DealEvent& e = Event(deal, DealEventKind::kStageMoved, at);
        e.from_stage_id = from;
        e.to_stage_id = to;
    }
    void Status(Id deal, DealEventKind kind, const char* at) { Event(deal, kind, at); }

    ReportData data_;
    ReportRequest request_;
};

// A table's cell as plain values, for compact expectations.
std::int64_t IntAt(const ReportTable& t, std::size_t row, const char* column) {
    const Cell& c = t.At(row, column);
    EXPECT_TRUE(c.kind == CellKind::kInt || c.kind == CellKind::kMoney) << column;
    return c.integer;
}
double NumberAt(const ReportTable& t, std::size_t row, const char* column) {
    const Cell& c = t.At(row, column);
    EXPECT_EQ(c.kind, CellKind::kNumber) << column;
    return c.number;
}

TEST_F(ReportFixture, FunnelCountsSkippedStagesAsPassedAndBackwardMovesOnce) {
    const ReportTable t = Run("funnel");
    ASSERT_EQ(t.rows.size(), 4u);
    // A: D1, D2, D5 reached it in March (D3 reached it, by creation in B, on Feb 28).
    EXPECT_EQ(IntAt(t, 0, "reached"), 3);
    EXPECT_EQ(IntAt(t, 0, "reached_value"), 1000000 + 2500000 + 200000);
    EXPECT_EQ(IntAt(t, 0, "moved_on"), 3);
    EXPECT_EQ(IntAt(t, 0, "lost"), 1);
    EXPECT_EQ(IntAt(t, 0, "lost_value"), 2500000);  // D2 at the rate current when it closed
    EXPECT_EQ(IntAt(t, 0, "open"), 0);
    // B: D1 (skipped through), D2 (once, though it came back), D5.
    EXPECT_EQ(IntAt(t, 1, "reached"), 3);
    EXPECT_EQ(IntAt(t, 1, "moved_on"), 1);
    EXPECT_NEAR(NumberAt(t, 1, "conversion_to_next"), 1.0 / 3, 1e-9);
    EXPECT_EQ(IntAt(t, 1, "open"), 1);
    EXPECT_EQ(IntAt(t, 1, "open_value"), 200000);
    // C: D1 and D3 (at local midnight of Mar 1).
    EXPECT_EQ(IntAt(t, 2, "reached"), 2);
    EXPECT_EQ(IntAt(t, 2, "reached_value"), 1500000);
    EXPECT_EQ(IntAt(t, 2, "moved_on"), 0);
    EXPECT_EQ(IntAt(t, 2, "won"), 1);
    EXPECT_EQ(IntAt(t, 2, "won_value"), 1000000);
    EXPECT_EQ(IntAt(t, 2, "open"), 1);
    EXPECT_EQ(IntAt(t, 3, "reached"), 0);
    EXPECT_EQ(t.At(3, "moved_on").kind, CellKind::kNull);
    EXPECT_EQ(t.Summary("unconverted_deals"), Cell::Int(0));
}

TEST_F(ReportFixture, ConversionGivesStageRatesAndTheWinRateOfDealsClosedInThePeriod) {
    const ReportTable t = Run("conversion");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_NEAR(NumberAt(t, 0, "conversion_rate"), 1.0, 1e-9);
    EXPECT_NEAR(NumberAt(t, 1, "conversion_rate"), 1.0 / 3, 1e-9);
    EXPECT_NEAR(NumberAt(t, 2, "conversion_rate"), 0.0, 1e-9);
    EXPECT_EQ(t.At(3, "to_stage"), Cell::Text("won"));
    EXPECT_EQ(t.At(3, "conversion_rate").kind, CellKind::kNull);
    // D1 won, D2 lost; D5's loss was undone by reopening it.
    EXPECT_EQ(t.Summary("won"), Cell::Int(1));
    EXPECT_EQ(t.Summary("lost"), Cell::Int(1));
    EXPECT_EQ(t.Summary("win_rate"), Cell::Number(0.5));
}

TEST_F(ReportFixture, StageTimeMeasuresEachVisitAndNamesTheBottleneck) {
    const ReportTable t = Run("stage-time");
    ASSERT_EQ(t.rows.size(), 4u);
    // A: 3 days (D1), 1 and 2 days (D2's two visits), 1 and 1 day (D5 before and after reopening).
    EXPECT_EQ(IntAt(t, 0, "left_count"), 5);
    EXPECT_NEAR(NumberAt(t, 0, "left_avg_days"), 1.6, 1e-9);
    EXPECT_NEAR(NumberAt(t, 0, "left_median_days"), 1.0, 1e-9);
    EXPECT_NEAR(NumberAt(t, 0, "left_p90_days"), 3.0, 1e-9);
    EXPECT_EQ(IntAt(t, 0, "open_count"), 0);
    // B: D2's 2 days and D3's one second; D5 still there for 16 days.
    EXPECT_EQ(IntAt(t, 1, "left_count"), 2);
    EXPECT_NEAR(NumberAt(t, 1, "left_median_days"), 1.0 / 86400, 1e-12);
    EXPECT_NEAR(NumberAt(t, 1, "left_p90_days"), 2.0, 1e-9);
    EXPECT_EQ(IntAt(t, 1, "open_count"), 1);
    EXPECT_NEAR(NumberAt(t, 1, "open_avg_days"), 16.0, 1e-9);
    // C: D1's 5 days; D3 there since Feb 28 17:00Z.
    EXPECT_NEAR(NumberAt(t, 2, "left_median_days"), 5.0, 1e-9);
    EXPECT_NEAR(NumberAt(t, 2, "open_median_days"), 19.0 + 10.0 / 24, 1e-9);
    EXPECT_EQ(IntAt(t, 3, "left_count"), 0);
    EXPECT_EQ(t.Summary("bottleneck_stage"), Cell::Text("C"));
}

TEST_F(ReportFixture, LostReasonsGroupsByReasonAndStageAcrossPipelines) {
    const ReportTable t = Run("lost-reasons");
    ASSERT_EQ(t.rows.size(), 6u);
    EXPECT_EQ(t.At(0, "reason"), Cell::Text("(none)"));
    EXPECT_EQ(t.At(0, "stage"), Cell::Text("P"));
    EXPECT_EQ(IntAt(t, 0, "value"), 0);  // EUR has no rate
    EXPECT_EQ(t.At(1, "reason"), Cell::Text("price"));
    EXPECT_EQ(t.At(1, "stage"), Cell::Text("A"));
    EXPECT_EQ(IntAt(t, 1, "value"), 2500000);
    EXPECT_NEAR(NumberAt(t, 1, "share"), 0.5, 1e-9);
    EXPECT_EQ(t.At(3, "stage"), Cell::Text("(all)"));
    EXPECT_EQ(t.At(4, "reason"), Cell::Text("(all)"));
    EXPECT_EQ(t.Summary("lost"), Cell::Int(2));
    EXPECT_EQ(t.Summary("unconverted_deals"), Cell::Int(1));
    EXPECT_EQ(t.Summary("missing_rates"), Cell::Text("EUR"));
}

TEST_F(ReportFixture, LeaderboardPerOwnerAndTeam) {
    const ReportTable t = Run("leaderboard");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.At(0, "name"), Cell::Text("Ann"));
    EXPECT_EQ(IntAt(t, 0, "activities_call"), 1);  // the Feb 27 call is outside
    EXPECT_EQ(IntAt(t, 0, "deals_added"), 1);      // D3 was added on Feb 28 locally
    EXPECT_EQ(IntAt(t, 0, "won"), 1);
    EXPECT_EQ(IntAt(t, 0, "won_value"), 1000000);
    EXPECT_NEAR(NumberAt(t, 0, "avg_days_to_win"), 8.0, 1e-9);
    EXPECT_EQ(t.At(1, "name"), Cell::Text("Bob"));
    EXPECT_EQ(IntAt(t, 1, "activities_meeting"), 1);
    EXPECT_EQ(IntAt(t, 1, "deals_added"), 3);
    EXPECT_EQ(IntAt(t, 1, "lost"), 2);
    EXPECT_NEAR(NumberAt(t, 1, "win_rate"), 0.0, 1e-9);
    EXPECT_EQ(t.At(1, "avg_won_value").kind, CellKind::kNull);
    EXPECT_EQ(t.At(2, "kind"), Cell::Text("team"));
    EXPECT_EQ(IntAt(t, 2, "activities_done"), 2);
    EXPECT_EQ(IntAt(t, 2, "deals_added"), 4);
    EXPECT_NEAR(NumberAt(t, 2, "win_rate"), 1.0 / 3, 1e-9);
}

TEST_F(ReportFixture, StalledFindsRottingDealsAndDealsWithoutANextActivity) {
    const ReportTable t = Run("stalled");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.At(0, "owner"), Cell::Text("Ann"));
    EXPECT_EQ(IntAt(t, 0, "rotting"), 1);  // D3: 19 days in C, which rots after 10
    EXPECT_EQ(IntAt(t, 0, "no_next_activity"), 1);
    EXPECT_EQ(t.At(1, "owner"), Cell::Text("Bob"));
    EXPECT_EQ(IntAt(t, 1, "rotting"), 0);  // D5: 16 days in B, which rots after 30
    EXPECT_EQ(IntAt(t, 1, "no_next_activity"), 0);
}

TEST_F(ReportFixture, ForecastWeighsOpenDealsAndShowsWonValuePerMonth) {
    const ReportTable t = Run("forecast");
    ASSERT_EQ(t.rows.size(), 1u);  // D5 is expected in April, outside the period
    EXPECT_EQ(t.At(0, "month"), Cell::Text("2026-03"));
    EXPECT_EQ(IntAt(t, 0, "open_value"), 500000);
    EXPECT_EQ(IntAt(t, 0, "weighted_value"), 300000);
    EXPECT_EQ(IntAt(t, 0, "empirical_weighted_value"), 500000);  // every closed deal in C won
    EXPECT_EQ(IntAt(t, 0, "won_value"), 1000000);
    EXPECT_EQ(t.Summary("stage_11_empirical_probability"), Cell::Number(0.5));
    EXPECT_EQ(t.Summary("stage_12_empirical_probability"), Cell::Number(0.0));
    EXPECT_EQ(t.Summary("stage_14_empirical_probability"), Cell::Number(0.8));
}

TEST_F(ReportFixture, ForecastShowsTheSnapshotTakenBeforeTheMonthBeside) {
    auto row = [](const char* taken, const char* month, Id owner, std::int64_t value,
                  std::int64_t weighted) {
        domain::ForecastSnapshotRow r;
        r.snapshot = ToDayNumber(*ParseDate(taken));  // one snapshot a day, in order
        r.taken_time = At((std::string(taken) + "T05:00:00Z").c_str());
        r.taken_date = *ParseDate(taken);
        r.month = month;
        r.pipeline_id = 1;
        r.owner_id = owner;
        r.open_value = value;
        r.weighted_value = weighted;
        r.base_currency = "VND";
        return r;
    };
    data_.snapshots = {row("2026-02-10", "2026-03", 1, 1, 1),  // superseded by Feb 20
                       row("2026-02-20", "2026-03", 1, 700000, 200000),
                       row("2026-02-20", "2026-03", 2, 100000, 50000),
                       row("2026-03-05", "2026-03", 1, 999, 999),  // taken during March
                       row("2026-03-05", "2026-04", 2, 300000, 90000)};
    ReportTable t = Run("forecast");
    ASSERT_EQ(t.rows.size(), 1u);  // April is outside the period
    EXPECT_EQ(t.At(0, "forecast_taken"), Cell::Text("2026-02-20"));
    EXPECT_EQ(IntAt(t, 0, "forecast_open_value"), 800000);
    EXPECT_EQ(IntAt(t, 0, "forecast_weighted_value"), 250000);
    EXPECT_EQ(IntAt(t, 0, "won_value"), 1000000);  // the actual beside it
    request_.owner_id = 1;
    EXPECT_EQ(IntAt(Run("forecast"), 0, "forecast_open_value"), 700000);
    // April has no snapshot from before it began: the first one taken during it is used.
    request_.owner_id.reset();
    request_.to = *ParseDate("2026-04-30");
    t = Run("forecast");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.At(1, "month"), Cell::Text("2026-04"));
    EXPECT_EQ(t.At(1, "forecast_taken"), Cell::Text("2026-03-05"));
    EXPECT_EQ(IntAt(t, 1, "forecast_weighted_value"), 90000);
}

TEST_F(ReportFixture, GoalsShowProgressPerPeriod) {
    auto goal = [](Id id, domain::GoalAssignee who, OptionalId whom, domain::GoalMetric metric,
                   std::int64_t target, domain::GoalPeriod period, const char* start) {
        domain::Goal g;
        g.id = id;
        g.assignee = who;
        g.assignee_id = whom;
        g.metric = metric;
        g.target = target;
        g.period = period;
        g.start_date = *ParseDate(start);
        return g;
    };
    using domain::GoalAssignee;
    using domain::GoalMetric;
    using domain::GoalPeriod;
    data_.goals = {goal(1, GoalAssignee::kUser, 1, GoalMetric::kWonValue, 4000000,
                        GoalPeriod::kMonth, "2026-01-15"),
                   goal(2, GoalAssignee::kTeam, 7, GoalMetric::kActivitiesDone, 4,
                        GoalPeriod::kQuarter, "2026-01-01"),
                   goal(3, GoalAssignee::kWorkspace, std::nullopt, GoalMetric::kDealsWon, 2,
                        GoalPeriod::kYear, "2026-01-01")};
    ReportTable t = Run("goals");
    // Goal 1's months run from the 15th: Feb 15 - Mar 14 and Mar 15 - Apr 14 overlap March.
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.At(0, "period_start"), Cell::Text("2026-02-15"));
    EXPECT_EQ(t.At(0, "period_end"), Cell::Text("2026-03-14"));
    EXPECT_EQ(IntAt(t, 0, "actual"), 1000000);  // D1, won Mar 10
    EXPECT_NEAR(NumberAt(t, 0, "progress"), 0.25, 1e-9);
    EXPECT_EQ(IntAt(t, 1, "actual"), 0);
    // Goal 2: the first quarter; Ann's two calls (one in February) and Bob's meeting.
    EXPECT_EQ(t.At(2, "assignee"), Cell::Text("North"));
    EXPECT_EQ(t.At(2, "period_end"), Cell::Text("2026-03-31"));
    EXPECT_EQ(IntAt(t, 2, "actual"), 3);
    EXPECT_NEAR(NumberAt(t, 2, "progress"), 0.75, 1e-9);
    // Goal 3: 2026, one deal won.
    EXPECT_EQ(t.At(3, "period_end"), Cell::Text("2026-12-31"));
    EXPECT_EQ(IntAt(t, 3, "actual"), 1);
    // Without a period: the period holding today (Mar 20).
    request_.from.reset();
    request_.to.reset();
    t = Run("goals");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.At(0, "period_start"), Cell::Text("2026-03-15"));
}

TEST_F(ReportFixture, OwnerAndTeamNarrowTheDeals) {
    request_.owner_id = 1;
    const ReportTable t = Run("funnel");
    EXPECT_EQ(IntAt(t, 0, "reached"), 1);  // D1 only
    request_.owner_id.reset();
    request_.team_id = 7;
    EXPECT_EQ(IntAt(Run("funnel"), 0, "reached"), 3);
}

TEST_F(ReportFixture, BadOptionsNameTheirField) {
    request_.pipeline_id = 99;
    auto t = RunReport("funnel", data_, request_);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(t.status().field(), "pipeline_id");
    request_.pipeline_id.reset();
    request_.to = *ParseDate("2026-02-01");
    EXPECT_EQ(RunReport("funnel", data_, request_).status().field(), "to");
    EXPECT_EQ(RunReport("nope", data_, request_).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace pipecrm::reports

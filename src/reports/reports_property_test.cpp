// Every report on generated data, against a deliberately simple recomputation written here.
// The data is made through the real deal use cases (CreateDeal, UpdateDeal, DeleteDeal) on a
// real SQLite file, with a clock the test moves; the reports read it back through the storage
// port (events and all). Beside each action the test keeps its own plain record of the deal
// (where it was when, its visits, its status), and the expected figures come from that record
// alone, never from the event log.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "domain/deal_service.hpp"
#include "domain/user_service.hpp"
#include "reports/exchange_rate_service.hpp"
#include "reports/goal_service.hpp"
#include "reports/report_catalog.hpp"
#include "storage/sqlite/test_store.hpp"
#include "support/process.hpp"

namespace pipecrm::reports {
namespace {

using domain::DealStatus;

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kUsdRate = 25000;  // VND per USD, the only rate

struct Visit {
    Id stage = 0;
    std::int64_t start = 0;
    std::optional<std::int64_t> end;
};

// The test's own record of one deal.
struct ModelDeal {
    Id id = 0;
    Id owner = 0;
    std::string currency;
    std::int64_t value = 0;
    DealStatus status = DealStatus::kOpen;
    bool deleted = false;
    Id stage = 0;
    std::vector<std::pair<Id, std::int64_t>> positions;  // every stage it was put in, when
    std::vector<Visit> visits;
    std::int64_t added = 0;
    std::int64_t closed = 0;
    std::string lost_reason;
    std::optional<Date> expected_close;

    std::int64_t BaseValue() const { return currency == "USD" ? value * kUsdRate / 100 : value; }
};

class ReportsProperty : public ::testing::TestWithParam<unsigned> {
  protected:
    void SetUp() override {
        store_ = storage::sqlite::OpenTestStore(dir_.File("crm.db"));
        ASSERT_NE(store_, nullptr);
        const Instant start = FromUnixSeconds(clock_);
        created_ = storage::sqlite::AddTestWorkspace(*store_, "admin@example.com", start);
        admin_ = {created_.workspace_id, created_.admin_user_id, "VND",
                  domain::Visibility::kEveryone};
        owners_ = {created_.admin_user_id};
        ASSERT_TRUE(Write([&](domain::Repositories& repos) -> Status {
                        for (const char* email : {"a@example.com", "b@example.com"}) {
                            domain::NewUser user{email, "", domain::Role::kMember, ""};
                            auto added = domain::AddUser(repos, admin_, user, start);
                            if (!added.ok()) {
                                return added.status();
                            }
                            owners_.push_back(added->id);
                        }
                        auto rate = AddExchangeRate(
                            repos, admin_, {"USD", *ParseDate("2000-01-01"), "25000"}, start);
                        if (!rate.ok()) {
                            return rate.status();
                        }
                        for (const GoalInput& goal :
                             {GoalInput{"workspace", std::nullopt, "won_value", "50000000", "month",
                                        *ParseDate("2026-01-01"), std::nullopt},
                              GoalInput{"user", owners_[1], "deals_won", "4", "quarter",
                                        *ParseDate("2026-01-15"), std::nullopt}}) {
                            auto added = AddGoal(repos, admin_, goal, start);
                            if (!added.ok()) {
                                return added.status();
                            }
                        }
                        domain::ListOptions all;
                        auto stages =
                            repos.Stages().List(created_.workspace_id, created_.pipeline_id, all);
                        if (!stages.ok()) {
                            return stages.status();
                        }
                        stages_ = *stages;
                        return Status::Ok();
                    }).ok());
        std::sort(stages_.begin(), stages_.end(),
                  [](const auto& a, const auto& b) { return a.order_nr < b.order_nr; });
    }

    Status Write(const domain::StoreJob& job) { return store_->WriteAndWait(job); }

    std::size_t StageIndex(Id stage) const {
        for (std::size_t i = 0; i < stages_.size(); ++i) {
            if (stages_[i].id == stage) {
                return i;
            }
        }
        ADD_FAILURE() << "unknown stage " << stage;
        return 0;
    }

    // Runs `actions` random actions through the deal use cases, recording each in the model.
    void Generate(unsigned seed, int actions) {
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        for (int i = 0; i < actions; ++i) {
            clock_ += (1 + pick(40)) * kHour + pick(3600);
            const Instant now = FromUnixSeconds(clock_);
            std::vector<ModelDeal*> live;
            for (ModelDeal& d : deals_) {
                if (!d.deleted) {
                    live.push_back(&d);
                }
            }
            const int what = live.empty() ? 0 : pick(100);
            if (what < 30) {
                ModelDeal d;
                d.owner = owners_[static_cast<std::size_t>(pick(3))];
                d.currency = pick(3) == 0 ? "USD" : "VND";
                d.value = d.currency == "USD" ? 100 * (1 + pick(500)) : 100000 * (1 + pick(90));
                d.stage = stages_[static_cast<std::size_t>(pick(3))].id;
                if (pick(4) != 0) {
                    d.expected_close = *ParseDate("2026-01-01") + std::chrono::days{pick(180)};
                }
                domain::DealChange change;
                change.title = "deal " + std::to_string(i);
                change.value = std::to_string(d.value / (d.currency == "USD" ? 100 : 1));
                change.currency = d.currency;
                change.stage_id = d.stage;
                change.owner_id = d.owner;
                change.expected_close_date = d.expected_close;
                Status status = Write([&](domain::Repositories& repos) -> Status {
                    auto deal = domain::CreateDeal(repos, admin_, change, now);
                    if (!deal.ok()) {
                        return deal.status();
                    }
                    d.id = deal->id;
                    return Status::Ok();
                });
                ASSERT_TRUE(status.ok()) << status.ToString();
                d.added = clock_;
                d.positions.push_back({d.stage, clock_});
                d.visits.push_back({d.stage, clock_, std::nullopt});
                deals_.push_back(d);
                continue;
            }
            ModelDeal& d = *live[static_cast<std::size_t>(pick(static_cast<int>(live.size())))];
            domain::DealChange change;
            if (what < 60) {  // a move, forwards, backwards or skipping
                Id to = d.stage;
                while (to == d.stage) {
                    to = stages_[static_cast<std::size_t>(pick(static_cast<int>(stages_.size())))]
                             .id;
                }
                change.stage_id = to;
                d.positions.push_back({to, clock_});
                if (d.status == DealStatus::kOpen) {
                    d.visits.back().end = clock_;
                    d.visits.push_back({to, clock_, std::nullopt});
                }
                d.stage = to;
            } else if (what < 80 && d.status == DealStatus::kOpen) {
                const bool won = pick(2) == 0;
                change.status = won ? DealStatus::kWon : DealStatus::kLost;
                d.status = *change.status;
                d.visits.back().end = clock_;
                d.closed = clock_;
                if (!won) {
                    const char* reasons[] = {"price", "timing", ""};
                    d.lost_reason = reasons[pick(3)];
                    change.lost_reason = d.lost_reason;
                }
            } else if (what < 88 && d.status != DealStatus::kOpen) {
                change.status = DealStatus::kOpen;
                d.status = DealStatus::kOpen;
                d.lost_reason.clear();
                d.visits.push_back({d.stage, clock_, std::nullopt});
            } else if (what < 95) {
                d.value += d.currency == "USD" ? 100 : 100000;
                change.value = std::to_string(d.value / (d.currency == "USD" ? 100 : 1));
            } else {
                d.deleted = true;
                ASSERT_TRUE(Write([&](domain::Repositories& repos) -> Status {
                                return domain::DeleteDeal(repos, admin_, d.id, now).status();
                            }).ok());
                continue;
            }
            Status status = Write([&](domain::Repositories& repos) -> Status {
                return domain::UpdateDeal(repos, admin_, d.id, change, now).status();
            });
            ASSERT_TRUE(status.ok()) << status.ToString();
        }
    }

    ReportTable Run(const char* name) {
        ReportTable out;
        Status status = store_->Read([&](domain::Repositories& repos) -> Status {
            auto table = LoadAndRunReport(repos, created_.workspace_id, name, request_);
            if (!table.ok()) {
                return table.status();
            }
            out = std::move(*table);
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return out;
    }

    // The period, computed plainly: Vietnam is UTC+7 all year.
    bool InPeriod(std::int64_t t) const {
        const std::int64_t offset = 7 * kHour;
        if (request_.from && t < ToDayNumber(*request_.from) * 86400 - offset) {
            return false;
        }
        if (request_.to && t >= (ToDayNumber(*request_.to) + 1) * 86400 - offset) {
            return false;
        }
        return true;
    }
    bool OwnerInScope(Id owner) const { return !request_.owner_id || *request_.owner_id == owner; }
    std::vector<const ModelDeal*> Counted() const {
        std::vector<const ModelDeal*> out;
        for (const ModelDeal& d : deals_) {
            if (!d.deleted && OwnerInScope(d.owner)) {
                out.push_back(&d);
            }
        }
        return out;
    }

    static std::int64_t Int(const ReportTable& t, std::size_t row, const char* column) {
        return t.At(row, column).integer;
    }

    void CheckFunnelAndConversion() {
        const ReportTable funnel = Run("funnel");
        const ReportTable conversion = Run("conversion");
        ASSERT_EQ(funnel.rows.size(), stages_.size());
        for (std::size_t j = 0; j < stages_.size(); ++j) {
            SCOPED_TRACE("stage " + stages_[j].name);
            std::int64_t reached = 0, reached_value = 0, moved_on = 0, won = 0, lost = 0, open = 0;
            for (const ModelDeal* d : Counted()) {
                // First time the deal was put in stage j or any later one.
                std::optional<std::int64_t> reach, reach_next;
                for (const auto& [stage, t] : d->positions) {
                    if (StageIndex(stage) >= j && !reach) {
                        reach = t;
                    }
                    if (StageIndex(stage) >= j + 1 && !reach_next) {
                        reach_next = t;
                    }
                }
                if (!reach || !InPeriod(*reach)) {
                    continue;
                }
                ++reached;
                reached_value += d->BaseValue();
                moved_on += reach_next ? 1 : 0;
                if (d->stage == stages_[j].id) {
                    won += d->status == DealStatus::kWon ? 1 : 0;
                    lost += d->status == DealStatus::kLost ? 1 : 0;
                    open += d->status == DealStatus::kOpen ? 1 : 0;
                }
            }
            EXPECT_EQ(Int(funnel, j, "reached"), reached);
            EXPECT_EQ(Int(funnel, j, "reached_value"), reached_value);
            if (j + 1 < stages_.size()) {
                EXPECT_EQ(Int(funnel, j, "moved_on"), moved_on);
                EXPECT_EQ(Int(conversion, j, "converted"), moved_on);
            } else {
                EXPECT_EQ(Int(conversion, j, "converted"), won);
            }
            EXPECT_EQ(Int(funnel, j, "won"), won);
            EXPECT_EQ(Int(funnel, j, "lost"), lost);
            EXPECT_EQ(Int(funnel, j, "open"), open);
        }
        std::int64_t won = 0, lost = 0;
        for (const ModelDeal* d : Counted()) {
            if (d->status != DealStatus::kOpen && InPeriod(d->closed)) {
                (d->status == DealStatus::kWon ? won : lost) += 1;
            }
        }
        EXPECT_EQ(conversion.Summary("won"), Cell::Int(won));
        EXPECT_EQ(conversion.Summary("lost"), Cell::Int(lost));
    }

    void CheckStageTime() {
        const ReportTable t = Run("stage-time");
        for (std::size_t j = 0; j < stages_.size(); ++j) {
            SCOPED_TRACE("stage " + stages_[j].name);
            std::vector<std::int64_t> left, open;
            for (const ModelDeal* d : Counted()) {
                for (const Visit& v : d->visits) {
                    if (v.stage != stages_[j].id) {
                        continue;
                    }
                    if (v.end && InPeriod(*v.end)) {
                        left.push_back(*v.end - v.start);
                    } else if (!v.end) {
                        open.push_back(clock_ - v.start);
                    }
                }
            }
            EXPECT_EQ(Int(t, j, "left_count"), static_cast<std::int64_t>(left.size()));
            EXPECT_EQ(Int(t, j, "open_count"), static_cast<std::int64_t>(open.size()));
            std::sort(left.begin(), left.end());
            if (!left.empty()) {
                // The median by nearest rank: the value at position ceil(n / 2).
                const double median = static_cast<double>(left[(left.size() + 1) / 2 - 1]) / 86400;
                EXPECT_NEAR(t.At(j, "left_median_days").number, median, 1e-9);
                double sum = 0;
                for (std::int64_t s : left) {
                    sum += static_cast<double>(s);
                }
                EXPECT_NEAR(t.At(j, "left_avg_days").number,
                            sum / static_cast<double>(left.size()) / 86400, 1e-6);
            }
        }
    }

    void CheckLostReasons() {
        const ReportTable t = Run("lost-reasons");
        std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>>
            expected, actual;
        for (const ModelDeal* d : Counted()) {
            if (d->status == DealStatus::kLost && InPeriod(d->closed)) {
                auto& e = expected[{d->lost_reason.empty() ? "(none)" : d->lost_reason,
                                    stages_[StageIndex(d->stage)].name}];
                e.first += 1;
                e.second += d->BaseValue();
            }
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            if (t.At(r, "reason").text != "(all)" && t.At(r, "stage").text != "(all)") {
                actual[{t.At(r, "reason").text, t.At(r, "stage").text}] = {Int(t, r, "count"),
                                                                           Int(t, r, "value")};
            }
        }
        EXPECT_EQ(actual, expected);
    }

    void CheckLeaderboard() {
        const ReportTable t = Run("leaderboard");
        for (Id owner : owners_) {
            if (!OwnerInScope(owner)) {
                continue;
            }
            std::int64_t added = 0, won = 0, lost = 0, won_value = 0;
            for (const ModelDeal* d : Counted()) {
                if (d->owner != owner) {
                    continue;
                }
                added += InPeriod(d->added) ? 1 : 0;
                if (d->status == DealStatus::kWon && InPeriod(d->closed)) {
                    ++won;
                    won_value += d->BaseValue();
                }
                lost += d->status == DealStatus::kLost && InPeriod(d->closed) ? 1 : 0;
            }
            bool found = false;
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                if (t.At(r, "kind").text == "user" && Int(t, r, "id") == owner) {
                    found = true;
                    EXPECT_EQ(Int(t, r, "deals_added"), added);
                    EXPECT_EQ(Int(t, r, "won"), won);
                    EXPECT_EQ(Int(t, r, "lost"), lost);
                    EXPECT_EQ(Int(t, r, "won_value"), won_value);
                }
            }
            EXPECT_TRUE(found) << "owner " << owner;
        }
    }

    void CheckStalled() {
        const ReportTable t = Run("stalled");
        std::map<Id, std::pair<std::int64_t, std::int64_t>> expected, actual;  // open, rotting
        for (const ModelDeal* d : Counted()) {
            if (d->status != DealStatus::kOpen) {
                continue;
            }
            const domain::Stage& stage = stages_[StageIndex(d->stage)];
            auto& e = expected[d->owner];
            e.first += 1;
            e.second += clock_ - d->visits.back().start > *stage.days_to_rotten * 86400 ? 1 : 0;
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            actual[Int(t, r, "owner_id")] = {Int(t, r, "open"), Int(t, r, "rotting")};
        }
        EXPECT_EQ(actual, expected);
    }

    void CheckForecast() {
        const ReportTable t = Run("forecast");
        struct Month {
            std::int64_t open = 0, value = 0, weighted = 0, won = 0, won_value = 0;
            bool operator==(const Month&) const = default;
        };
        auto in_dates = [&](Date day) {
            return (!request_.from || day >= *request_.from) &&
                   (!request_.to || day <= *request_.to);
        };
        std::map<std::string, Month> expected, actual;
        for (const ModelDeal* d : Counted()) {
            if (d->status == DealStatus::kOpen) {
                if (d->expected_close && !in_dates(*d->expected_close)) {
                    continue;
                }
                Month& m = expected[d->expected_close ? FormatDate(*d->expected_close).substr(0, 7)
                                                      : "none"];
                m.open += 1;
                m.value += d->BaseValue();
                m.weighted += d->BaseValue() * stages_[StageIndex(d->stage)].deal_probability / 100;
            } else if (d->status == DealStatus::kWon) {
                const Date local =
                    std::chrono::floor<std::chrono::days>(FromUnixSeconds(d->closed + 7 * kHour));
                if (!in_dates(local)) {
                    continue;
                }
                Month& m = expected[FormatDate(local).substr(0, 7)];
                m.won += 1;
                m.won_value += d->BaseValue();
            }
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            actual[t.At(r, "month").text] = {Int(t, r, "open"), Int(t, r, "open_value"),
                                             Int(t, r, "weighted_value"), Int(t, r, "won"),
                                             Int(t, r, "won_value")};
        }
        EXPECT_EQ(actual.size(), expected.size());
        for (const auto& [month, m] : expected) {
            EXPECT_TRUE(actual[month] == m) << month;
        }
    }

    void CheckGoals() {
        const ReportTable t = Run("goals");
        EXPECT_FALSE(t.rows.empty());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            SCOPED_TRACE("goal row " + std::to_string(r));
            // The period's bounds, from its first and last day in Vietnam (UTC+7).
            const std::int64_t begin =
                ToDayNumber(*ParseDate(t.At(r, "period_start").text)) * 86400 - 7 * kHour;
            const std::int64_t end =
                (ToDayNumber(*ParseDate(t.At(r, "period_end").text)) + 1) * 86400 - 7 * kHour;
            const bool value = t.At(r, "metric").text == "won_value";
            const std::optional<Id> whom = t.At(r, "assignee_type").text == "user"
                                               ? std::optional<Id>(Int(t, r, "assignee_id"))
                                               : std::nullopt;
            std::int64_t expected = 0;
            for (const ModelDeal* d : Counted()) {
                if (d->status == DealStatus::kWon && d->closed >= begin && d->closed < end &&
                    (!whom || d->owner == *whom)) {
                    expected += value ? d->BaseValue() : 1;
                }
            }
            EXPECT_EQ(Int(t, r, "actual"), expected);
        }
    }

    void CheckAll() {
        CheckGoals();
        CheckFunnelAndConversion();
        CheckStageTime();
        CheckLostReasons();
        CheckLeaderboard();
        CheckStalled();
        CheckForecast();
    }

    testing::TempDir dir_;
    std::unique_ptr<storage::sqlite::SqliteStore> store_;
    domain::CreatedWorkspace created_;
    domain::Actor admin_;
    std::vector<Id> owners_;
    std::vector<domain::Stage> stages_;
    std::vector<ModelDeal> deals_;
    std::int64_t clock_ = 1767225600;  // 2026-01-01T00:00:00Z
    ReportRequest request_;
};

TEST_P(ReportsProperty, EveryReportMatchesASimpleRecomputation) {
    Generate(GetParam(), 700);
    request_.now = FromUnixSeconds(clock_);
    request_.time_zone = "Asia/Ho_Chi_Minh";
    {
        SCOPED_TRACE("all time");
        CheckAll();
    }
    {
        SCOPED_TRACE("a period");
        request_.from = *ParseDate("2026-02-01");
        request_.to = *ParseDate("2026-03-15");
        CheckAll();
    }
    {
        SCOPED_TRACE("one owner in a period");
        request_.owner_id = owners_[1];
        CheckAll();
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReportsProperty, ::testing::Values(1u, 2u, 3u, 4u));

}  // namespace
}  // namespace pipecrm::reports

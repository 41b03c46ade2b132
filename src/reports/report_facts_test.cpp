// The funnel, the leaderboard, stage-time and the forecast served from derived data
// (report_facts.*) against the same reports computed from the deals, their events and the
// activities, on data made through the real use cases on a real SQLite file: after a full build,
// after each batch of random changes (folded in incrementally), after a new exchange rate, a new
// stage and a changed stage probability (rebuilt), for every option (period, pipeline, owner,
// team, time zone) and every kind of viewer. The computed reports are the ones the fixtures and
// the property test check; here both ways must print the same JSON, byte for byte.
#include "reports/report_facts.hpp"

#include <gtest/gtest.h>

#include <random>

#include "domain/activity_service.hpp"
#include "domain/deal_service.hpp"
#include "domain/pipeline_service.hpp"
#include "domain/user_service.hpp"
#include "domain/viewer.hpp"
#include "reports/exchange_rate_service.hpp"
#include "reports/forecast_refresh.hpp"
#include "reports/leaderboard_refresh.hpp"
#include "reports/report_catalog.hpp"
#include "reports/report_render.hpp"
#include "reports/stage_time_refresh.hpp"
#include "storage/sqlite/test_store.hpp"
#include "support/process.hpp"

namespace pipecrm::reports {
namespace {

using domain::DealStatus;
using domain::Visibility;

constexpr std::int64_t kHour = 3600;
constexpr const char* kReports[] = {"funnel", "leaderboard", "stage-time", "forecast"};

class ReportFacts : public ::testing::TestWithParam<unsigned> {
  protected:
    void SetUp() override {
        store_ = storage::sqlite::OpenTestStore(dir_.File("crm.db"));
        ASSERT_NE(store_, nullptr);
        created_ = storage::sqlite::AddTestWorkspace(*store_, "admin@example.com", Now());
        admin_ = {created_.workspace_id, created_.admin_user_id, "VND", Visibility::kEveryone};
        viewers_.push_back(std::nullopt);  // the system
        viewers_.push_back(
            domain::Viewer{created_.workspace_id, created_.admin_user_id, domain::Role::kAdmin});
        owners_ = {created_.admin_user_id};
        ASSERT_TRUE(
            Write([&](domain::Repositories& repos) -> Status {
                // a and b share a team managed by m; c is alone.
                std::vector<domain::User> users;
                for (const auto& [email, role] :
                     {std::pair{"a@example.com", domain::Role::kMember},
                      std::pair{"b@example.com", domain::Role::kMember},
                      std::pair{"c@example.com", domain::Role::kMember},
                      std::pair{"m@example.com", domain::Role::kManager}}) {
                    auto added = domain::AddUser(repos, admin_, {email, "", role, ""}, Now());
                    if (!added.ok()) {
                        return added.status();
                    }
                    users.push_back(*added);
                    viewers_.push_back(domain::Viewer{created_.workspace_id, added->id, role});
                }
                owners_.insert(owners_.end(), {users[0].id, users[1].id, users[2].id});
                auto team = domain::CreateTeam(repos, admin_, "North", users[3].id, Now());
                if (!team.ok()) {
                    return team.status();
                }
                team_id_ = team->id;
                for (std::size_t i : {0u, 1u}) {
                    PIPECRM_RETURN_IF_ERROR(
                        domain::AddTeamMember(repos, admin_, *team, users[i], Now()));
                }
                auto rate = AddExchangeRate(repos, admin_,
                                            {"USD", *ParseDate("2026-01-01"), "25000"}, Now());
                if (!rate.ok()) {
                    return rate.status();
                }
                domain::PipelineChange second;
                second.name = "Renewals";
                auto pipeline = domain::CreatePipeline(repos, admin_, second, Now());
                if (!pipeline.ok()) {
                    return pipeline.status();
                }
                second_pipeline_ = pipeline->id;
                for (const char* name : {"Ask", "Agree"}) {
                    domain::StageChange stage;
                    stage.name = name;
                    stage.pipeline_id = second_pipeline_;
                    PIPECRM_RETURN_IF_ERROR(
                        domain::CreateStage(repos, admin_, stage, Now()).status());
                }
                return LoadStages(repos);
            }).ok());
    }

    Instant Now() const { return FromUnixSeconds(clock_); }
    Status Write(const domain::StoreJob& job) { return store_->WriteAndWait(job); }

    Status LoadStages(domain::Repositories& repos) {
        domain::ListOptions all;
        auto stages = repos.Stages().List(created_.workspace_id, std::nullopt, all);
        if (!stages.ok()) {
            return stages.status();
        }
        stages_.clear();
        for (const domain::Stage& s : *stages) {
            if (!s.is_deleted) {
                stages_.push_back(s.id);
            }
        }
        return Status::Ok();
    }

    // `actions` random changes through the deal use cases, an hour or two apart.
    void Change(std::mt19937& rng, int actions) {
        auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
        const Visibility visibilities[] = {Visibility::kOwner, Visibility::kTeam,
                                           Visibility::kEveryone};
        for (int i = 0; i < actions; ++i) {
            clock_ += static_cast<std::int64_t>(1 + pick(30)) * kHour +
                      static_cast<std::int64_t>(pick(3600));
            domain::DealChange change;
            // Forecast inputs: an expected close date around the data's days (or none), and
            // sometimes a probability of the deal's own (or none again).
            if (pick(3) == 0) {
                change.expected_close_date =
                    pick(5) == 0
                        ? std::optional<Date>()
                        : std::optional<Date>(Date{std::chrono::floor<std::chrono::days>(start_)} +
                                              std::chrono::days{pick(260)} - std::chrono::days{30});
            }
            if (pick(5) == 0) {
                change.probability = pick(4) == 0 ? std::optional<int>()
                                                  : std::optional<int>(static_cast<int>(pick(101)));
            }
            const std::size_t what = deals_.empty() ? 0 : pick(100);
            if (what < 30) {
                change.title = "deal";
                change.value = std::to_string(1000 * (1 + pick(90)));
                change.currency = pick(4) == 0 ? "USD" : "VND";
                change.stage_id = stages_[pick(stages_.size())];
                change.owner_id = owners_[pick(owners_.size())];
                change.visible_to = visibilities[pick(3)];
                Status status = Write([&](domain::Repositories& repos) -> Status {
                    auto deal = domain::CreateDeal(repos, admin_, change, Now());
                    if (deal.ok()) {
                        deals_.push_back(deal->id);
                    }
                    return deal.status();
                });
                ASSERT_TRUE(status.ok()) << status.ToString();
                continue;
            }
            if (what % 4 == 0) {  // an activity: added, done, undone, moved, hidden or deleted
                ChangeActivity(rng);
                continue;
            }
            const Id deal = deals_[pick(deals_.size())];
            if (what < 55) {
                change.stage_id = stages_[pick(stages_.size())];  // any pipeline, any way
            } else if (what < 70) {
                change.status = pick(2) == 0 ? DealStatus::kWon : DealStatus::kLost;
            } else if (what < 77) {
                change.status = DealStatus::kOpen;
            } else if (what < 83) {
                change.value = std::to_string(1000 * (1 + pick(90)));
                if (pick(3) == 0) {
                    change.currency = pick(2) == 0 ? "EUR" : "VND";  // EUR has no rate
                }
            } else if (what < 90) {
                change.owner_id = owners_[pick(owners_.size())];
            } else if (what < 96) {
                change.visible_to = visibilities[pick(3)];
            } else {
                Status status = Write([&](domain::Repositories& repos) -> Status {
                    return domain::DeleteDeal(repos, admin_, deal, Now()).status();
                });
                ASSERT_TRUE(status.ok()) << status.ToString();
                deals_.erase(std::find(deals_.begin(), deals_.end(), deal));
                continue;
            }
            Status status = Write([&](domain::Repositories& repos) -> Status {
                return domain::UpdateDeal(repos, admin_, deal, change, Now()).status();
            });
            if (status.code() == ErrorCode::kInvalidArgument) {
                continue;  // e.g. reopening an open deal
            }
            ASSERT_TRUE(status.ok()) << status.ToString();
        }
    }

    void ChangeActivity(std::mt19937& rng) {
        auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
        const char* types[] = {"call", "meeting", "task", "email"};
        const Visibility visibilities[] = {Visibility::kOwner, Visibility::kTeam,
                                           Visibility::kEveryone};
        domain::ActivityChange change;
        const std::size_t what = activities_.empty() ? 0 : pick(10);
        Status status = Write([&](domain::Repositories& repos) -> Status {
            if (what < 4) {
                change.type = types[pick(4)];
                change.owner_id = owners_[pick(owners_.size())];
                change.done = pick(2) == 0;
                change.visible_to = visibilities[pick(3)];
                auto added = domain::CreateActivity(repos, admin_, change, Now());
                if (added.ok()) {
                    activities_.push_back(added->id);
                }
                return added.status();
            }
            const Id activity = activities_[pick(activities_.size())];
            if (what == 9) {
                activities_.erase(std::find(activities_.begin(), activities_.end(), activity));
                return domain::DeleteActivity(repos, admin_, activity, Now()).status();
            }
            if (what < 7) {
                change.done = pick(3) != 0;
            } else if (what == 7) {
                change.owner_id = owners_[pick(owners_.size())];
            } else {
                change.visible_to = visibilities[pick(3)];
            }
            return domain::UpdateActivity(repos, admin_, activity, change, Now()).status();
        });
        ASSERT_TRUE(status.ok()) << status.ToString();
    }

    // The report for `request`, as `viewer` sees it: from the derived sums (which must be
    // current) and replayed from the deals, as JSON.
    std::pair<std::string, std::string> BothWays(const char* report,
                                                 const std::optional<domain::Viewer>& viewer,
                                                 const ReportRequest& request) {
        std::string derived;
        std::string replayed;
        domain::ViewerScope scope(viewer);
        Status status = store_->Read([&](domain::Repositories& repos) -> Status {
            ReportNeeds needs;
            needs.deals = false;
            auto small = LoadReportData(repos, created_.workspace_id, needs);
            auto all = LoadReportData(repos, created_.workspace_id);
            if (!small.ok() || !all.ok()) {
                return !small.ok() ? small.status() : all.status();
            }
            const std::string name = report;
            auto table = ReportFromFacts(repos, created_.workspace_id, name, *small, request);
            if (!table.ok()) {
                return table.status();
            }
            if (!*table) {
                return FailedPrecondition("the derived data is not current");
            }
            derived = RenderJson(**table);
            auto replay = RunReport(report, *all, request);
            if (!replay.ok()) {
                return replay.status();
            }
            replayed = RenderJson(*replay);
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return {derived, replayed};
    }

    // Brings the derived data of every zone up to date, then compares both ways for a spread
    // of requests and every viewer.
    void ExpectSameFunnels(std::mt19937& rng) {
        auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
        for (const char* zone : {"Asia/Ho_Chi_Minh", "America/New_York"}) {
            for (const char* report : kReports) {
                Status prepared =
                    PrepareReport(*store_, created_.workspace_id, zone, report, Now());
                ASSERT_TRUE(prepared.ok()) << prepared.ToString();
            }
        }
        const Date first = Date{std::chrono::floor<std::chrono::days>(start_)};
        const Date last = Date{std::chrono::floor<std::chrono::days>(Now())};
        const auto span = static_cast<std::size_t>((last - first).count()) + 1;
        for (int i = 0; i < 24; ++i) {
            ReportRequest request;
            request.now = Now();
            request.time_zone = pick(2) == 0 ? "Asia/Ho_Chi_Minh" : "America/New_York";
            if (pick(3) != 0) {
                request.from = first + std::chrono::days{pick(span)};
                const std::chrono::year_month_day ymd{*request.from};
                if (pick(3) == 0) {  // from the first of a month
                    request.from = Date{ymd.year() / ymd.month() / 1};
                }
            }
            if (pick(3) != 0) {
                request.to = (request.from ? *request.from : first) + std::chrono::days{pick(span)};
                if (pick(3) == 0) {  // to the last of a month
                    const std::chrono::year_month_day ymd{*request.to};
                    request.to = Date{ymd.year() / ymd.month() / std::chrono::last};
                }
            }
            const std::size_t scope = pick(4);
            if (scope == 1) {
                request.owner_id = owners_[pick(owners_.size())];
            } else if (scope == 2) {
                request.team_id = team_id_;
            }
            if (pick(3) == 0) {
                request.pipeline_id = second_pipeline_;
            }
            // Stage-time measures open visits until now: sometimes a now a few hours back, so
            // that visits begun after it count 0.
            ReportRequest stage_time = request;
            if (pick(3) == 0) {
                stage_time.now = Now() - std::chrono::seconds{pick(48) * kHour};
            }
            for (const auto& viewer : viewers_) {
                for (const char* report : kReports) {
                    SCOPED_TRACE(std::string(report) + ", request " + std::to_string(i) +
                                 ", viewer " + std::to_string(viewer ? viewer->user_id : 0));
                    const auto [derived, replayed] = BothWays(
                        report, viewer, std::string(report) == "stage-time" ? stage_time : request);
                    ASSERT_EQ(derived, replayed);
                }
            }
        }
    }

    testing::TempDir dir_;
    std::unique_ptr<storage::sqlite::SqliteStore> store_;
    Instant start_ = FromUnixSeconds(1767200000);  // 2025-12-31
    std::int64_t clock_ = 1767200000;
    domain::CreatedWorkspace created_;
    domain::Actor admin_;
    std::vector<std::optional<domain::Viewer>> viewers_;
    std::vector<Id> owners_;
    std::vector<Id> stages_;
    std::vector<Id> deals_;
    std::vector<Id> activities_;
    Id team_id_ = 0;
    Id second_pipeline_ = 0;
};

TEST_P(ReportFacts, DerivedReportsEqualTheComputedOnesThroughChanges) {
    std::mt19937 rng(GetParam());
    Change(rng, 150);
    ExpectSameFunnels(rng);  // built from nothing
    for (int round = 0; round < 4; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        Change(rng, 40);
        // The watermark is there with the same inputs: this is an incremental fold.
        Status status = store_->Read([&](domain::Repositories& repos) -> Status {
            auto watermark =
                repos.ReportFacts().Watermark(created_.workspace_id, "Asia/Ho_Chi_Minh", "funnel");
            EXPECT_TRUE(watermark.ok() && watermark->has_value());
            return watermark.status();
        });
        ASSERT_TRUE(status.ok());
        ExpectSameFunnels(rng);
    }
    // A new rate version and a new stage change the inputs: a rebuild.
    clock_ += 24 * kHour;
    ASSERT_TRUE(
        Write([&](domain::Repositories& repos) -> Status {
            PIPECRM_RETURN_IF_ERROR(
                AddExchangeRate(repos, admin_, {"EUR", *ParseDate("2026-01-01"), "27000"}, Now())
                    .status());
            domain::StageChange stage;
            stage.name = "Signed";
            stage.pipeline_id = second_pipeline_;
            PIPECRM_RETURN_IF_ERROR(domain::CreateStage(repos, admin_, stage, Now()).status());
            return LoadStages(repos);
        }).ok());
    ExpectSameFunnels(rng);
    Change(rng, 40);
    ExpectSameFunnels(rng);
    // A stage's configured probability changes the forecast's inputs only: a rebuild of it.
    clock_ += kHour;
    for (const Id stage : {stages_.front(), stages_.back()}) {
        ASSERT_TRUE(Write([&](domain::Repositories& repos) -> Status {
                        domain::StageChange change;
                        change.deal_probability = static_cast<int>(rng() % 101);
                        return domain::UpdateStage(repos, admin_, stage, change, Now()).status();
                    }).ok());
    }
    ExpectSameFunnels(rng);
    // `pipecrm report rebuild` leaves the same figures.
    std::vector<std::string> zones;
    std::size_t last_done = 0;
    std::size_t last_total = 0;
    Status rebuilt = RebuildReportFacts(*store_, created_.workspace_id, "Asia/Ho_Chi_Minh", Now(),
                                        [&](const std::string& report, const std::string& zone,
                                            std::size_t done, std::size_t total) {
                                            if (total == 0) {
                                                zones.push_back(report + " " + zone);
                                            } else {
                                                EXPECT_LE(done, total);
                                                last_done = done;
                                                last_total = total;
                                            }
                                        });
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.ToString();
    EXPECT_EQ(zones, (std::vector<std::string>{
                         "funnel America/New_York", "funnel Asia/Ho_Chi_Minh",
                         "leaderboard America/New_York", "leaderboard Asia/Ho_Chi_Minh",
                         "stage-time America/New_York", "stage-time Asia/Ho_Chi_Minh",
                         "forecast America/New_York", "forecast Asia/Ho_Chi_Minh"}));
    ExpectSameFunnels(rng);
}

TEST_P(ReportFacts, NotCurrentAfterAChangeUntilPrepared) {
    std::mt19937 rng(GetParam());
    Change(rng, 20);
    ReportRequest request;
    request.now = Now();
    ASSERT_TRUE(
        PrepareReport(*store_, created_.workspace_id, request.time_zone, "funnel", Now()).ok());
    auto current = [&] {
        bool out = false;
        Status status = store_->Read([&](domain::Repositories& repos) -> Status {
            ReportNeeds needs;
            needs.deals = false;
            auto small = LoadReportData(repos, created_.workspace_id, needs);
            if (!small.ok()) {
                return small.status();
            }
            auto table = ReportFromFacts(repos, created_.workspace_id, "funnel", *small, request);
            out = table.ok() && table->has_value();
            return table.status();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return out;
    };
    EXPECT_TRUE(current());
    clock_ += kHour;
    ASSERT_TRUE(Write([&](domain::Repositories& repos) -> Status {
                    domain::DealChange change;
                    change.title = "one more";
                    return domain::CreateDeal(repos, admin_, change, Now()).status();
                }).ok());
    EXPECT_FALSE(current());  // LoadAndRunReport replays instead
    ASSERT_TRUE(
        PrepareReport(*store_, created_.workspace_id, request.time_zone, "funnel", Now()).ok());
    EXPECT_TRUE(current());
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReportFacts, ::testing::Values(1u, 2u, 3u));

}  // namespace
}  // namespace pipecrm::reports

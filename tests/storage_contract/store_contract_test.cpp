// The group-commit store on both backends (the storage contract): a failed job undoes only
// itself, also when a statement failed (which on PostgreSQL spoils the whole transaction);
// concurrent writes share transactions; and two stores on one database (two servers) agree:
// moves of one deal through both chain in the event log, and each store's DataVersion moves
// with the other's commits. A bulk write runs alone, and only it may skip foreign-key checks.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "contract_store.hpp"
#include "domain/deal_service.hpp"
#include "storage/sql/group_commit_store.hpp"

namespace pipecrm::storage {
namespace {

using domain::Repositories;

const Instant kNow = FromUnixSeconds(1767262800);

class StoreContract : public OneWorkspaceTest {
  protected:
    static Result<domain::Deal> Create(domain::Store& store,
                                       const std::string& title,
                                       const domain::Actor& actor) {
        std::optional<domain::Deal> out;
        Status status = store.WriteAndWait([&](Repositories& repos) -> Status {
            domain::DealChange change;
            change.title = title;
            change.value = "1000";
            auto deal = domain::CreateDeal(repos, actor, change, kNow);
            PIPECRM_RETURN_IF_ERROR(deal.status());
            out = *deal;
            return Status::Ok();
        });
        PIPECRM_RETURN_IF_ERROR(status);
        return *out;
    }

    enum class Failure { kBeforeWriting, kAfterWriting, kFailedStatement, kFailedMultiRowInsert };

    // Three writes queued together, the middle one failing as `how`: the others commit.
    void CheckFailingJobUndoesOnlyItself(Failure how) {
        const domain::Actor actor = Actor();
        std::atomic<int> finished{0};
        std::vector<Status> outcomes(3);
        std::mutex hold;  // held while queueing, so the writer sees all three at once
        std::unique_lock<std::mutex> queueing(hold);
        store_->Write(
            [&](Repositories&) -> Status {
                std::lock_guard wait_for_queueing(hold);
                return Status::Ok();
            },
            [&](Status) {});
        for (int i = 0; i < 3; ++i) {
            store_->Write(
                [&, i](Repositories& repos) -> Status {
                    domain::DealChange change;
                    change.title = i == 1 ? "rolled back" : "kept " + std::to_string(i);
                    if (i == 1 && how == Failure::kBeforeWriting) {
                        return InvalidArgument("refused before writing", "title");
                    }
                    auto deal = domain::CreateDeal(repos, actor, change, kNow);
                    PIPECRM_RETURN_IF_ERROR(deal.status());
                    if (i == 1 && how == Failure::kFailedMultiRowInsert) {
                        // The deal again, id and all: a primary-key violation in a statement
                        // of many rows, which must not end the others' transaction.
                        return repos.Deals().InsertMany({*deal, *deal});
                    }
                    if (i == 1 && how == Failure::kFailedStatement) {
                        domain::User twin;  // the admin's email again: a unique violation
                        twin.workspace_id = ws_.workspace_id;
                        twin.name = "Twin";
                        twin.email = "owner@example.com";
                        twin.add_time = twin.update_time = kNow;
                        return repos.Users().Insert(twin).status();
                    }
                    return i == 1 ? InvalidArgument("the job changed its mind", "title")
                                  : Status::Ok();
                },
                [&, i](Status s) {
                    outcomes[static_cast<std::size_t>(i)] = s;
                    ++finished;
                });
        }
        queueing.unlock();
        while (finished.load() < 3) {
            std::this_thread::yield();
        }
        EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].ToString();
        EXPECT_EQ(outcomes[1].code(),
                  how == Failure::kFailedStatement || how == Failure::kFailedMultiRowInsert
                      ? ErrorCode::kAlreadyExists
                      : ErrorCode::kInvalidArgument);
        EXPECT_TRUE(outcomes[2].ok()) << outcomes[2].ToString();
        Status status = store_->Read([&](Repositories& repos) -> Status {
            domain::DealQuery query;
            query.workspace_id = ws_.workspace_id;
            auto deals = repos.Deals().List(query);
            PIPECRM_RETURN_IF_ERROR(deals.status());
            EXPECT_EQ(deals->size(), 2u);
            for (const auto& deal : *deals) {
                EXPECT_NE(deal.title, "rolled back");
            }
            EXPECT_EQ(repos.DealEvents().Count(ws_.workspace_id).value(), 2);
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
    }
};

TEST_P(StoreContract, AJobRefusedBeforeWritingLeavesTheOthersCommitted) {
    CheckFailingJobUndoesOnlyItself(Failure::kBeforeWriting);
}

TEST_P(StoreContract, AJobFailingAfterWritingRollsBackOnlyItself) {
    CheckFailingJobUndoesOnlyItself(Failure::kAfterWriting);
}

TEST_P(StoreContract, AJobWhoseStatementFailedRollsBackOnlyItself) {
    CheckFailingJobUndoesOnlyItself(Failure::kFailedStatement);
}

TEST_P(StoreContract, AJobWhoseMultiRowInsertFailedRollsBackOnlyItself) {
    CheckFailingJobUndoesOnlyItself(Failure::kFailedMultiRowInsert);
}

// A bulk write is alone in its transaction, so a failure may end the transaction whole: on
// SQLite its multi-row inserts do (INSERT OR ROLLBACK, which spares the statement journal), on
// PostgreSQL any failed statement does. Either way the job runs once and leaves nothing; so
// does any other job that happens to be alone.
TEST_P(StoreContract, ABulkWriteWhoseInsertFailedIsUndoneWholeAndRunsOnce) {
    auto base = Create(store(), "Base", Actor());
    ASSERT_TRUE(base.ok()) << base.status().ToString();
    int runs = 0;
    Status seen_after_failure;
    Status failed = store().WriteBulkAndWait([&](Repositories& repos) -> Status {
        ++runs;
        domain::Deal deal = *base;
        deal.title = "written first";
        auto written = repos.Deals().Insert(deal);
        PIPECRM_RETURN_IF_ERROR(written.status());
        domain::Deal twin = *base;  // the base deal's id again
        Status inserted = repos.Deals().InsertMany({twin});
        seen_after_failure = repos.Deals().Get(ws_.workspace_id, *written).status();
        return inserted;
    });
    EXPECT_EQ(failed.code(), ErrorCode::kAlreadyExists) << failed.ToString();
    EXPECT_EQ(runs, 1);
    // What the job wrote before the failed insert was gone at once: the transaction ended.
    EXPECT_FALSE(seen_after_failure.ok());
    Status status = store().Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Deals().CountLive(ws_.workspace_id, std::nullopt, std::nullopt).value(), 1);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    // The store goes on: the next write opens a transaction of its own, with its checks.
    auto next = Create(store(), "Next", Actor());
    EXPECT_TRUE(next.ok()) << next.status().ToString();
    // Any job alone in its transaction that fails after writing is undone without a second run.
    runs = 0;
    failed = store().WriteAndWait([&](Repositories& repos) -> Status {
        ++runs;
        domain::Deal deal = *base;
        deal.title = "undone";
        PIPECRM_RETURN_IF_ERROR(repos.Deals().Insert(deal).status());
        return InvalidArgument("the job changed its mind", "title");
    });
    EXPECT_EQ(failed.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(runs, 1);
    status = store().Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Deals().CountLive(ws_.workspace_id, std::nullopt, std::nullopt).value(), 2);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST_P(StoreContract, ABulkWriteRunsAloneAndOnlyItSkipsTheForeignKeyChecks) {
    auto base = Create(store(), "Base", Actor());
    ASSERT_TRUE(base.ok()) << base.status().ToString();
    // Writes of a deal whose person does not exist, queued together behind a write that holds
    // the writer: a bulk one between two others.
    auto dangling = [&](const std::string& title) {
        return [&, title](Repositories& repos) -> Status {
            domain::Deal deal = *base;
            deal.title = title;
            deal.person_id = 987654;
            return repos.Deals().Insert(deal).status();
        };
    };
    std::vector<Status> outcomes(3);
    std::atomic<int> finished{0};
    auto record = [&](int i) {
        return [&, i](Status status) {
            outcomes[static_cast<std::size_t>(i)] = std::move(status);
            ++finished;
        };
    };
    std::mutex hold;
    std::unique_lock<std::mutex> queueing(hold);
    store().Write(
        [&](Repositories&) -> Status {
            std::lock_guard wait_for_queueing(hold);
            return Status::Ok();
        },
        [](Status) {});
    store().Write(dangling("before"), record(0));
    store().WriteBulk(dangling("bulk"), record(1));
    store().Write(dangling("after"), record(2));
    queueing.unlock();
    while (finished.load() < 3) {
        std::this_thread::yield();
    }
    // The others keep their checks, however the writer grouped them: the bulk write shared
    // no transaction with them, and the checks were back on after it.
    EXPECT_FALSE(outcomes[0].ok());
    EXPECT_FALSE(outcomes[2].ok());
    if (GetParam() == BackendKind::kSqlite) {
        EXPECT_TRUE(outcomes[1].ok())
            << "SQLite leaves the checks out of a bulk write: " << outcomes[1].ToString();
    } else {
        EXPECT_FALSE(outcomes[1].ok()) << "PostgreSQL keeps them";
    }
    // And a bulk write that fails is undone like any other.
    Status failed = store().WriteBulkAndWait([&](Repositories& repos) -> Status {
        domain::Deal deal = *base;
        deal.title = "undone";
        PIPECRM_RETURN_IF_ERROR(repos.Deals().Insert(deal).status());
        return InvalidArgument("the job changed its mind", "title");
    });
    EXPECT_EQ(failed.code(), ErrorCode::kInvalidArgument);
    Status status = store().Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Deals().CountLive(ws_.workspace_id, std::nullopt, std::nullopt).value(),
                  GetParam() == BackendKind::kSqlite ? 2 : 1);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST_P(StoreContract, ConcurrentWritersShareTransactions) {
    constexpr int kThreads = 16;
    constexpr int kPerThread = 10;
    const auto before = dynamic_cast<sql::GroupCommitStore&>(store()).stats();
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                if (!Create(store(), "deal " + std::to_string(t) + "-" + std::to_string(i), Actor())
                         .ok()) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    const auto after = dynamic_cast<sql::GroupCommitStore&>(store()).stats();
    EXPECT_EQ(after.writes - before.writes, static_cast<std::uint64_t>(kThreads * kPerThread));
    EXPECT_LT(after.transactions - before.transactions, after.writes - before.writes)
        << "writes were not batched";
    EXPECT_EQ(after.durable, after.transactions) << "a write was answered before it was durable";
    Status status = store().Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Deals().CountLive(ws_.workspace_id, std::nullopt, std::nullopt).value(),
                  kThreads * kPerThread);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST_P(StoreContract, TwoStoresOnOneDatabaseChainEveryMoveAndSeeEachOthersVersion) {
    std::unique_ptr<domain::Store> other = OpenAnother();
    ASSERT_NE(other, nullptr);
    auto deal = Create(store(), "Contested", Actor());
    ASSERT_TRUE(deal.ok()) << deal.status().ToString();
    std::vector<Id> stages;
    Status listed = store().Read([&](Repositories& repos) -> Status {
        auto all = repos.Stages().List(ws_.workspace_id, deal->pipeline_id, {});
        PIPECRM_RETURN_IF_ERROR(all.status());
        for (const auto& stage : *all) {
            stages.push_back(stage.id);
        }
        return Status::Ok();
    });
    ASSERT_TRUE(listed.ok()) << listed.ToString();

    // A commit through one store changes the other's data version.
    auto version = other->DataVersion();
    ASSERT_TRUE(version.ok()) << version.status().ToString();
    ASSERT_TRUE(Create(store(), "Another", Actor()).ok());
    auto moved_on = other->DataVersion();
    ASSERT_TRUE(moved_on.ok());
    EXPECT_NE(*moved_on, *version);

    // Eight threads move the deal through both stores at once: every move is acknowledged.
    constexpr int kThreads = 8;
    constexpr int kMoves = 10;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            domain::Store& through = t % 2 ? *other : store();
            for (int i = 0; i < kMoves; ++i) {
                domain::DealChange change;
                change.stage_id = stages[static_cast<std::size_t>(t + i) % stages.size()];
                Status moved = through.WriteAndWait([&](Repositories& repos) -> Status {
                    return domain::UpdateDeal(repos, Actor(), deal->id, change, kNow).status();
                });
                if (!moved.ok()) {
                    ADD_FAILURE() << moved.ToString();
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    // How often a batch ran again after conflicting with the other store's (0 on SQLite, whose
    // writers take turns), for the test report.
    RecordProperty("conflict_retries",
                   std::to_string(dynamic_cast<sql::GroupCommitStore&>(store()).stats().retries +
                                  dynamic_cast<sql::GroupCommitStore&>(*other).stats().retries));
    // Each move left the stage the one before it entered, ending where both stores see the deal.
    Status checked = other->Read([&](Repositories& repos) -> Status {
        auto events = repos.DealEvents().ListForDeal(ws_.workspace_id, deal->id);
        PIPECRM_RETURN_IF_ERROR(events.status());
        auto now = repos.Deals().Get(ws_.workspace_id, deal->id);
        PIPECRM_RETURN_IF_ERROR(now.status());
        OptionalId at = deal->stage_id;
        int moves = 0;
        for (const auto& event : *events) {
            if (event.kind != domain::DealEventKind::kStageMoved) {
                continue;
            }
            ++moves;
            EXPECT_EQ(event.from_stage_id, at) << "a move from a stage the deal was not in";
            at = event.to_stage_id;
        }
        EXPECT_GT(moves, 0);
        EXPECT_EQ(at, OptionalId(now->stage_id));
        return Status::Ok();
    });
    EXPECT_TRUE(checked.ok()) << checked.ToString();
}

PIPECRM_CONTRACT_BACKENDS(StoreContract);

}  // namespace
}  // namespace pipecrm::storage

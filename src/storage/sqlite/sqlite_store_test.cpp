// Storage tests on a real SQLite file: migrations, the group-commit writer, rollback of one
// failing job, the append-only event log, workspace scoping and online backup.
#include "storage/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "domain/deal_service.hpp"
#include "domain/workspace_setup.hpp"
#include "sample/sample_data.hpp"
#include "storage/sql/dialect.hpp"
#include "storage/sql/query.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/test_store.hpp"
#include "support/process.hpp"

namespace pipecrm::storage::sqlite {
namespace {

using domain::Repositories;

const Instant kNow = FromUnixSeconds(1767262800);

struct Fixture {
    testing::TempDir dir;
    std::string path = dir.File("crm.db");
    std::unique_ptr<SqliteStore> store;
    domain::CreatedWorkspace workspace;

    explicit Fixture(const std::string& email = "owner@example.com")
        : store(OpenTestStore(path)), workspace(AddWorkspace(email)) {}

    domain::CreatedWorkspace AddWorkspace(const std::string& email) {
        return AddTestWorkspace(*store, email, kNow);
    }

    domain::Actor Actor() const { return {workspace.workspace_id, workspace.admin_user_id, "VND"}; }

    Result<domain::Deal> Create(const std::string& title, const domain::Actor& actor) {
        std::optional<domain::Deal> out;
        Status status = store->WriteAndWait([&](Repositories& repos) -> Status {
            domain::DealChange change;
            change.title = title;
            change.value = "1000";
            auto deal = domain::CreateDeal(repos, actor, change, kNow);
            if (!deal.ok()) {
                return deal.status();
            }
            out = *deal;
            return Status::Ok();
        });
        if (!status.ok()) {
            return status;
        }
        return *out;
    }
};

TEST(SqliteStore, SetsUpTheDefaultPipelineWithFiveStages) {
    Fixture f;
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        domain::ListOptions options;
        options.sort = domain::SortField::kOrderNr;
        auto stages =
            repos.Stages().List(f.workspace.workspace_id, f.workspace.pipeline_id, options);
        EXPECT_TRUE(stages.ok());
        EXPECT_EQ(stages->size(), 5u);
        EXPECT_EQ(stages->front().name, "Prospecting");
        EXPECT_EQ(stages->front().order_nr, 1);
        EXPECT_EQ(stages->back().name, "Closing");
        auto type = repos.Activities().FindType(f.workspace.workspace_id, "call");
        EXPECT_TRUE(type.ok() && type->has_value());
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST(SqliteStore, DealAndItsEventsCommitTogether) {
    Fixture f;
    auto deal = f.Create("Pilot for 20 seats", f.Actor());
    ASSERT_TRUE(deal.ok()) << deal.status().ToString();
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        auto stored = repos.Deals().Get(f.workspace.workspace_id, deal->id);
        EXPECT_TRUE(stored.ok());
        EXPECT_EQ(stored->title, "Pilot for 20 seats");
        EXPECT_EQ(stored->value.minor_units, 1000);
        EXPECT_EQ(stored->value.currency, "VND");
        auto events = repos.DealEvents().ListForDeal(f.workspace.workspace_id, deal->id);
        EXPECT_TRUE(events.ok());
        EXPECT_EQ(events->size(), 1u);
        EXPECT_EQ(events->at(0).kind, domain::DealEventKind::kCreated);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

// Queues three jobs before the writer can take any, so that they share one transaction: two
// create a deal, the middle one fails (after creating a deal of its own when `writes_first`).
void CheckFailingJobUndoesOnlyItself(bool writes_first) {
    Fixture f;
    const domain::Actor actor = f.Actor();
    std::atomic<int> finished{0};
    std::vector<Status> outcomes(3);
    std::mutex hold;  // held while queueing, so the writer sees all three at once
    std::unique_lock<std::mutex> queueing(hold);
    f.store->Write(
        [&](Repositories&) -> Status {
            std::lock_guard wait_for_queueing(hold);
            return Status::Ok();
        },
        [&](Status) {});
    for (int i = 0; i < 3; ++i) {
        f.store->Write(
            [&, i](Repositories& repos) -> Status {
                domain::DealChange change;
                change.title = i == 1 ? "rolled back" : "kept " + std::to_string(i);
                if (i == 1 && !writes_first) {
                    return InvalidArgument("refused before writing", "title");
                }
                auto deal = domain::CreateDeal(repos, actor, change, kNow);
                if (!deal.ok()) {
                    return deal.status();
                }
                return i == 1 ? InvalidArgument("the job changed its mind", "title") : Status::Ok();
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
    EXPECT_TRUE(outcomes[0].ok());
    EXPECT_EQ(outcomes[1].code(), ErrorCode::kInvalidArgument);
    EXPECT_TRUE(outcomes[2].ok());
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        domain::DealQuery query;
        query.workspace_id = f.workspace.workspace_id;
        auto deals = repos.Deals().List(query);
        EXPECT_EQ(deals->size(), 2u);
        for (const auto& deal : *deals) {
            EXPECT_NE(deal.title, "rolled back");
        }
        EXPECT_EQ(repos.DealEvents().Count(f.workspace.workspace_id).value(), 2);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST(SqliteStore, FailingJobThatWroteRollsBackOnlyItself) {
    CheckFailingJobUndoesOnlyItself(true);
}

TEST(SqliteStore, FailingJobThatDidNotWriteLeavesOthersCommitted) {
    CheckFailingJobUndoesOnlyItself(false);
}

TEST(SqliteStore, ExceptionInAJobBecomesInternalError) {
    Fixture f;
    Status status =
        f.store->WriteAndWait([](Repositories&) -> Status { throw std::runtime_error("boom"); });
    EXPECT_EQ(status.code(), ErrorCode::kInternal);
    EXPECT_TRUE(f.Create("still works", f.Actor()).ok());
}

TEST(SqliteStore, ConcurrentWritersAreGroupCommitted) {
    Fixture f;
    const domain::Actor actor = f.Actor();
    constexpr int kThreads = 32;
    constexpr int kPerThread = 20;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                if (!f.Create("deal " + std::to_string(t) + "-" + std::to_string(i), actor).ok()) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    StoreStats stats = f.store->stats();
    EXPECT_GE(stats.writes, static_cast<std::uint64_t>(kThreads * kPerThread));
    EXPECT_LT(stats.transactions, stats.writes) << "writes were not batched";
    // The writer does not sync; the completer does, before answering, and one sync may cover
    // several transactions.
    EXPECT_EQ(stats.durable, stats.transactions) << "a write was answered before it was durable";
    EXPECT_GE(stats.syncs, 1u);
    EXPECT_LE(stats.syncs, stats.transactions);
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(
            repos.Deals().CountLive(f.workspace.workspace_id, std::nullopt, std::nullopt).value(),
            kThreads * kPerThread);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

// The writer gathers batches while many writes are in flight (TakeMore); its waits
// are bounded, so callers that stay after the others have gone, or that queue many writes
// without waiting, are all answered.
TEST(SqliteStore, WritesAreAnsweredWhenBusyCallersGoAway) {
    Fixture f;
    const domain::Actor actor = f.Actor();
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 32; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                if (!f.Create("busy " + std::to_string(t) + "-" + std::to_string(i), actor).ok()) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(f.Create("alone " + std::to_string(i), actor).ok());
    }
    // 100 writes queued at once from one thread, then the wait for all their answers.
    std::mutex mutex;
    std::condition_variable answered_cv;
    int answered = 0;
    for (int i = 0; i < 100; ++i) {
        f.store->Write(
            [&actor, i](Repositories& repos) -> Status {
                domain::DealChange change;
                change.title = "queued " + std::to_string(i);
                return domain::CreateDeal(repos, actor, change, kNow).status();
            },
            [&](Status status) {
                std::lock_guard lock(mutex);
                failures += status.ok() ? 0 : 1;
                ++answered;
                answered_cv.notify_one();
            });
    }
    {
        std::unique_lock lock(mutex);
        answered_cv.wait(lock, [&] { return answered == 100; });
    }
    EXPECT_EQ(failures.load(), 0);
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(
            repos.Deals().CountLive(f.workspace.workspace_id, std::nullopt, std::nullopt).value(),
            32 * 10 + 5 + 100);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST(SqliteStore, EventLogIsAppendOnly) {
    Fixture f;
    ASSERT_TRUE(f.Create("x", f.Actor()).ok());
    f.store.reset();
    auto connection = Connection::Open(f.path, Connection::Mode::kReadWrite);
    ASSERT_TRUE(connection.ok());
    Status update = (*connection)->Exec("UPDATE deal_events SET kind = 'won'");
    EXPECT_FALSE(update.ok());
    EXPECT_NE(update.message().find("append-only"), std::string::npos);
    EXPECT_FALSE((*connection)->Exec("DELETE FROM deal_events").ok());
}

// A multi-row insert of a job alone in its transaction ends the transaction when it fails
// (no statement journal needed); otherwise it undoes only itself. TransactionAborted tells.
TEST(SqliteStore, AFailedMultiRowInsertEndsTheTransactionOnlyWhenTheJobIsAlone) {
    const std::string path = ::testing::TempDir() + "multi_row_insert.db";
    std::remove(path.c_str());
    auto connection = Connection::Open(path, Connection::Mode::kReadWrite);
    ASSERT_TRUE(connection.ok()) << connection.status().ToString();
    Connection& db = **connection;
    ASSERT_TRUE(db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY)").ok());
    for (const bool alone : {false, true}) {
        SCOPED_TRACE(alone ? "alone" : "grouped");
        db.set_job_alone(alone);
        ASSERT_TRUE(db.Exec("DELETE FROM t; BEGIN; INSERT INTO t VALUES (1)").ok());
        Status twice = sql::Execute(db, sql::MultiRowInsert(db, "t(id)", 1, 2),
                                    [](auto& s) { s.Bind(1, 2).Bind(2, 1); });
        EXPECT_EQ(twice.code(), ErrorCode::kAlreadyExists) << twice.ToString();
        EXPECT_EQ(db.TransactionAborted(), alone);
        if (!alone) {
            ASSERT_TRUE(db.Exec("COMMIT").ok());
        }
        int rows = -1;
        ASSERT_TRUE(sql::Query(
                        db, "SELECT COUNT(*) FROM t", [](auto&) {},
                        [&](auto& s) { rows = static_cast<int>(s.Int(0)); })
                        .ok());
        EXPECT_EQ(rows, alone ? 0 : 1);
    }
    connection->reset();
    std::remove(path.c_str());
}

// The credential check's read: the same snapshot as Read, on a read-only connection.
TEST(SqliteStore, ReadWithoutSyncWaitSeesCommittedWritesAndCannotWrite) {
    Fixture f;
    auto deal = f.Create("seen", f.Actor());
    ASSERT_TRUE(deal.ok());
    Status status = f.store->ReadWithoutSyncWait([&](Repositories& repos) -> Status {
        auto read = repos.Deals().Get(f.workspace.workspace_id, deal->id);
        EXPECT_TRUE(read.ok());
        if (read.ok()) {
            EXPECT_EQ(read->title, "seen");
        }
        domain::DealChange change;
        change.title = "changed";
        auto written = domain::CreateDeal(repos, f.Actor(), change, kNow);
        EXPECT_FALSE(written.ok()) << "a read snapshot cannot write";
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(SqliteStore, WorkspacesDoNotSeeEachOther) {
    Fixture f;
    domain::CreatedWorkspace other = f.AddWorkspace("other@example.com");
    auto mine = f.Create("mine", f.Actor());
    ASSERT_TRUE(mine.ok());
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        auto theirs = repos.Deals().Get(other.workspace_id, mine->id);
        EXPECT_EQ(theirs.status().code(), ErrorCode::kNotFound);
        domain::DealQuery query;
        query.workspace_id = other.workspace_id;
        EXPECT_TRUE(repos.Deals().List(query)->empty());
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
    // A stage of another workspace cannot be used either.
    Status move = f.store->WriteAndWait([&](Repositories& repos) -> Status {
        domain::ListOptions options;
        auto their_stages = repos.Stages().List(other.workspace_id, std::nullopt, options);
        domain::DealChange change;
        change.stage_id = their_stages->front().id;
        auto moved = domain::UpdateDeal(repos, f.Actor(), mine->id, change, kNow);
        return moved.ok() ? Status::Ok() : moved.status();
    });
    EXPECT_EQ(move.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(move.field(), "stage_id");
}

// Memory statistics make every SQLite allocation take one global mutex; they can be turned off
// only before SQLite's first use in the process, which opening a store is here (ctest runs each
// test in a process of its own). With them off SQLite counts no allocation.
TEST(SqliteStore, OpeningTheStoreTurnsSqlitesMemoryStatisticsOff) {
    Fixture f;
    ASSERT_TRUE(f.Create("counted?", f.Actor()).ok());
    sqlite3_int64 used = -1;
    sqlite3_int64 highest = -1;
    ASSERT_EQ(sqlite3_status64(SQLITE_STATUS_MALLOC_COUNT, &used, &highest, 0), SQLITE_OK);
    EXPECT_EQ(used, 0);
    EXPECT_EQ(highest, 0);
}

TEST(SqliteStore, DataSurvivesReopen) {
    testing::TempDir dir;
    Fixture f;
    ASSERT_TRUE(f.Create("durable", f.Actor()).ok());
    f.store.reset();
    auto reopened = SqliteStore::Open(f.path);
    ASSERT_TRUE(reopened.ok());
    Status status = (*reopened)->Read([&](Repositories& repos) -> Status {
        domain::DealQuery query;
        query.workspace_id = f.workspace.workspace_id;
        EXPECT_EQ(repos.Deals().List(query)->size(), 1u);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST(SqliteStore, BackupCopiesEverything) {
    Fixture f;
    sample::SampleOptions options;
    options.workspace_id = f.workspace.workspace_id;
    options.admin_user_id = f.workspace.admin_user_id;
    options.deals = 50;
    options.now = kNow;
    ASSERT_TRUE(sample::GenerateSampleData(*f.store, options).ok());
    const std::string copy = f.dir.File("copy.db");
    ASSERT_TRUE(BackupDatabase(f.path, copy).ok());
    auto opened = SqliteStore::Open(copy);
    ASSERT_TRUE(opened.ok());
    std::int64_t original_events = 0;
    std::int64_t copied_events = 0;
    ASSERT_TRUE(f.store
                    ->Read([&](Repositories& repos) -> Status {
                        original_events =
                            repos.DealEvents().Count(f.workspace.workspace_id).value();
                        return Status::Ok();
                    })
                    .ok());
    ASSERT_TRUE((*opened)
                    ->Read([&](Repositories& repos) -> Status {
                        copied_events = repos.DealEvents().Count(f.workspace.workspace_id).value();
                        EXPECT_EQ(
                            repos.Deals()
                                .CountLive(f.workspace.workspace_id, std::nullopt, std::nullopt)
                                .value(),
                            50);
                        return Status::Ok();
                    })
                    .ok());
    EXPECT_GT(original_events, 50);
    EXPECT_EQ(copied_events, original_events);
}

TEST(SqliteStore, SampleDataIsDeterministicBySeed) {
    auto titles_for = [](std::uint64_t seed) {
        Fixture f;
        sample::SampleOptions options;
        options.workspace_id = f.workspace.workspace_id;
        options.admin_user_id = f.workspace.admin_user_id;
        options.deals = 30;
        options.seed = seed;
        options.now = kNow;
        EXPECT_TRUE(sample::GenerateSampleData(*f.store, options).ok());
        std::string signature;
        EXPECT_TRUE(f.store
                        ->Read([&](Repositories& repos) -> Status {
                            domain::DealQuery query;
                            query.workspace_id = f.workspace.workspace_id;
                            query.statuses = {domain::DealStatus::kOpen, domain::DealStatus::kWon,
                                              domain::DealStatus::kLost};
                            auto deals = repos.Deals().List(query);  // kept alive for the loop
                            for (const auto& deal : *deals) {
                                signature += deal.title + "|" + std::to_string(deal.stage_id) +
                                             "|" +
                                             std::string(domain::DealStatusName(deal.status)) +
                                             "|" + std::to_string(deal.value.minor_units) + ";";
                            }
                            return Status::Ok();
                        })
                        .ok());
        return signature;
    };
    EXPECT_EQ(titles_for(7), titles_for(7));
    EXPECT_NE(titles_for(7), titles_for(8));
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
    testing::TempDir dir;
    const std::string path = dir.File("future.db");
    {
        auto connection = Connection::Open(path, Connection::Mode::kReadWrite);
        ASSERT_TRUE(connection.ok());
        ASSERT_TRUE((*connection)->Exec("PRAGMA user_version = 9999").ok());
    }
    auto opened = SqliteStore::Open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace pipecrm::storage::sqlite

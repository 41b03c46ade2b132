// pipecrm_write_bench: acknowledged writes per second for deal create and stage move, through
// the storage layer (64 threads) and through HTTP (1, 8 and 64 clients), each compared with raw
// SQLite committing one row per transaction with synchronous=FULL on the same disk.
#include <rapidjson/document.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iomanip>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "domain/actor.hpp"
#include "domain/deal_service.hpp"
#include "domain/workspace_setup.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/http_client.hpp"
#include "support/postgres_cluster.hpp"
#include "support/process.hpp"

namespace pipecrm::bench {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

constexpr int kUsageError = 2;
constexpr std::string_view kUsage =
    "usage: pipecrm_write_bench [--seconds S] [--binary PATH] [--backend both|sqlite]\n"
    "  --seconds  how long each measurement runs (default 3)\n"
    "  --binary   the pipecrm server (default: $PIPECRM_BINARY, else build/release/pipecrm)\n"
    "  --backend  both (default), or sqlite to skip the PostgreSQL column\n";
constexpr int kStorageThreads = 64;
constexpr int kHttpClientCounts[] = {1, 8, 64};
constexpr double kHttpTarget = 4.0;
constexpr double kStorageTarget = 10.0;
/// How far the end-of-run baseline may differ from the first before the ratios are doubted.
constexpr double kMaxDrift = 1.5;

struct Options {
    Seconds duration{3.0};
    std::string binary;
    bool postgres = true;  ///< false: the SQLite rows only (--backend sqlite)
};

/// One timed measurement.
struct LoadResult {
    std::uint64_t acknowledged = 0;
    std::uint64_t failed = 0;
    Seconds elapsed{0};
    Seconds cpu{0};  ///< CPU time of this whole process (user + system) while it ran
    std::string first_error;

    double PerSecond() const {
        return elapsed.count() > 0 ? static_cast<double>(acknowledged) / elapsed.count() : 0;
    }
    /// Microseconds of this process's CPU time per acknowledged write.
    double CpuMicrosPerWrite() const {
        return acknowledged > 0 ? cpu.count() * 1e6 / static_cast<double>(acknowledged) : 0;
    }
};

// User plus system CPU time of this process so far (every thread).
Seconds ProcessCpu() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return Seconds(seconds(usage.ru_utime) + seconds(usage.ru_stime));
}

/// One write of a worker; ok when the write was acknowledged.
using Step = std::function<Status()>;
/// Prepares worker `index` (untimed) and returns its step, or why it could not start.
using MakeWorker = std::function<Result<Step>(int index)>;

// Runs `workers` threads: each prepares itself, then all start together and repeat their step
// until `duration` has passed. Writes in flight at the deadline still count, and so does the
// time they take.
LoadResult RunLoad(int workers, Seconds duration, const MakeWorker& make_worker) {
    std::atomic<std::uint64_t> acknowledged{0};
    std::atomic<std::uint64_t> failed{0};
    std::mutex error_mutex;  // guards first_error
    std::string first_error;
    auto record_failure = [&](const Status& status) {
        failed.fetch_add(1, std::memory_order_relaxed);
        std::lock_guard lock(error_mutex);
        if (first_error.empty()) {
            first_error = status.ToString();
        }
    };
    std::latch ready(workers + 1);
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(workers));
    for (int index = 0; index < workers; ++index) {
        threads.emplace_back([&, index] {
            Result<Step> step = make_worker(index);
            ready.arrive_and_wait();
            if (!step.ok()) {
                record_failure(step.status());
                return;
            }
            const auto deadline = Clock::now() + duration;
            while (Clock::now() < deadline) {
                Status status = (*step)();
                if (status.ok()) {
                    acknowledged.fetch_add(1, std::memory_order_relaxed);
                } else {
                    record_failure(status);
                }
            }
        });
    }
    ready.arrive_and_wait();
    const auto started = Clock::now();
    const Seconds cpu_before = ProcessCpu();
    for (std::thread& thread : threads) {
        thread.join();
    }
    LoadResult result;
    result.elapsed = Clock::now() - started;
    result.cpu = ProcessCpu() - cpu_before;
    result.acknowledged = acknowledged.load();
    result.failed = failed.load();
    result.first_error = std::move(first_error);
    return result;
}

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) {
        return Status::Ok();
    }
    return Internal(std::string(what) + ": " + sqlite3_errmsg(db));
}

LoadResult SetupFailure(const Status& status) {
    LoadResult result;
    result.failed = 1;
    result.first_error = status.ToString();
    return result;
}

// One connection, WAL, synchronous=FULL, `BEGIN; INSERT one row; COMMIT` in a loop: the rate
// a program gets when it commits every write on its own.
LoadResult MeasureRawSqlite(const std::string& path, Seconds duration) {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_exec(db,
                          "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                          "CREATE TABLE deals (id INTEGER PRIMARY KEY, workspace_id INTEGER NOT "
                          "NULL, title TEXT NOT NULL, value TEXT NOT NULL, currency TEXT NOT "
                          "NULL, stage_id INTEGER NOT NULL, owner_id INTEGER NOT NULL, status "
                          "TEXT NOT NULL, add_time INTEGER NOT NULL, update_time INTEGER NOT "
                          "NULL);",
                          nullptr, nullptr, nullptr);
    }
    sqlite3_stmt* begin = nullptr;
    sqlite3_stmt* insert = nullptr;
    sqlite3_stmt* commit = nullptr;
    if (rc == SQLITE_OK) {
        rc = sqlite3_prepare_v2(db, "BEGIN", -1, &begin, nullptr);
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr);
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_prepare_v2(db,
                                "INSERT INTO deals (workspace_id, title, value, currency, "
                                "stage_id, owner_id, status, add_time, update_time) VALUES "
                                "(1, ?1, '1500000', 'VND', 1, 1, 'open', ?2, ?2)",
                                -1, &insert, nullptr);
    }
    LoadResult result;
    if (rc != SQLITE_OK) {
        result = SetupFailure(SqliteStatus(db, rc, "raw sqlite set-up"));
    } else {
        std::int64_t row = 0;
        result = RunLoad(1, duration, [&](int) -> Result<Step> {
            return Step([&]() -> Status {
                const std::string title = "Bench deal " + std::to_string(++row);
                sqlite3_bind_text(insert, 1, title.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(insert, 2, ToUnixSeconds(SystemClock().Now()));
                for (sqlite3_stmt* stmt : {begin, insert, commit}) {
                    const int step_rc = sqlite3_step(stmt);
                    sqlite3_reset(stmt);
                    if (step_rc != SQLITE_DONE) {
                        Status error = SqliteStatus(db, step_rc, "raw sqlite write");
                        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
                        return error;
                    }
                }
                return Status::Ok();
            });
        });
    }
    sqlite3_finalize(begin);
    sqlite3_finalize(insert);
    sqlite3_finalize(commit);
    sqlite3_close(db);
    return result;
}

// The same for PostgreSQL: one connection, `BEGIN; INSERT one row; COMMIT` in a loop, on a
// cluster with PostgreSQL's default durability (fsync, synchronous_commit on).
LoadResult MeasureRawPostgres(const std::string& url, Seconds duration) {
    auto db = storage::postgres::Connection::Open(url);
    if (!db.ok()) {
        return SetupFailure(db.status());
    }
    storage::postgres::Connection& conn = **db;
    Status created = conn.Exec(
        "CREATE TABLE raw_deals (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
        "workspace_id BIGINT NOT NULL, title TEXT NOT NULL, value TEXT NOT NULL, currency TEXT "
        "NOT NULL, stage_id BIGINT NOT NULL, owner_id BIGINT NOT NULL, status TEXT NOT NULL, "
        "add_time BIGINT NOT NULL, update_time BIGINT NOT NULL)");
    if (!created.ok()) {
        return SetupFailure(created);
    }
    std::int64_t row = 0;
    return RunLoad(1, duration, [&](int) -> Result<Step> {
        return Step([&]() -> Status {
            const std::int64_t now = ToUnixSeconds(SystemClock().Now());
            PIPECRM_RETURN_IF_ERROR(conn.Exec("BEGIN"));
            auto inserted = conn.Query(
                "INSERT INTO raw_deals (workspace_id, title, value, currency, stage_id, "
                "owner_id, status, add_time, update_time) VALUES (1, $1, '1500000', 'VND', 1, 1, "
                "'open', $2, $2)",
                storage::postgres::Params().Add("Bench deal " + std::to_string(++row)).Add(now));
            if (!inserted.ok()) {
                (void)conn.Exec("ROLLBACK");
                return inserted.status();
            }
            return conn.Exec("COMMIT");
        });
    });
}

domain::DealChange NewDeal(std::uint64_t n) {
    domain::DealChange change;
    change.title = "Bench deal " + std::to_string(n);
    change.value = "1500000";
    change.currency = "VND";
    return change;
}

domain::DealChange MoveTo(Id stage_id) {
    domain::DealChange change;
    change.stage_id = stage_id;
    return change;
}

struct StorageResults {
    LoadResult create;
    LoadResult move;
    double create_batch = 0;  ///< average writes per transaction
    double move_batch = 0;
};

double AverageBatch(const storage::sql::StoreStats& before, const storage::sql::StoreStats& after) {
    const auto transactions = after.transactions - before.transactions;
    return transactions ? static_cast<double>(after.writes - before.writes) /
                              static_cast<double>(transactions)
                        : 0;
}

// Creates a deal; the new id goes to `id` when given.
Status CreateBenchDeal(domain::Store& store,
                       const domain::Actor& actor,
                       std::uint64_t n,
                       Id* id = nullptr) {
    return store.WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto deal = domain::CreateDeal(repos, actor, NewDeal(n), SystemClock().Now());
        if (!deal.ok()) {
            return deal.status();
        }
        if (id != nullptr) {
            *id = deal->id;
        }
        return Status::Ok();
    });
}

// The store of either backend, on a file path or a postgresql:// URL.
Result<std::unique_ptr<storage::sql::GroupCommitStore>> OpenBenchStore(const std::string& db) {
    if (storage::postgres::IsPostgresUrl(db)) {
        auto store = storage::postgres::PostgresStore::Open(db);
        if (!store.ok()) {
            return store.status();
        }
        return std::unique_ptr<storage::sql::GroupCommitStore>(std::move(*store));
    }
    auto store = storage::sqlite::SqliteStore::Open(db);
    if (!store.ok()) {
        return store.status();
    }
    return std::unique_ptr<storage::sql::GroupCommitStore>(std::move(*store));
}

std::optional<StorageResults> MeasureStorage(const std::string& db, Seconds duration) {
    auto opened = OpenBenchStore(db);
    if (!opened.ok()) {
        std::cerr << "cannot open the store: " << opened.status().ToString() << "\n";
        return std::nullopt;
    }
    storage::sql::GroupCommitStore& store = **opened;
    domain::Actor actor;
    Id first_stage = 0;
    Id second_stage = 0;
    Status set_up = store.WriteAndWait([&](domain::Repositories& repos) -> Status {
        domain::NewWorkspace request{"Bench", domain::Language::kEnglish, "bench@example.com",
                                     "Bench Admin", ""};
        auto created = domain::SetUpWorkspace(repos, request, SystemClock().Now());
        if (!created.ok()) {
            return created.status();
        }
        actor.workspace_id = created->workspace_id;
        actor.user_id = created->admin_user_id;
        auto stages = repos.Stages().List(created->workspace_id, created->pipeline_id, {});
        if (!stages.ok()) {
            return stages.status();
        }
        if (stages->size() < 2) {
            return FailedPrecondition("the default pipeline has fewer than two stages");
        }
        first_stage = (*stages)[0].id;
        second_stage = (*stages)[1].id;
        return Status::Ok();
    });
    if (!set_up.ok()) {
        std::cerr << "cannot set up the workspace: " << set_up.ToString() << "\n";
        return std::nullopt;
    }

    StorageResults results;
    std::atomic<std::uint64_t> next_deal{0};
    auto before = store.stats();
    results.create = RunLoad(kStorageThreads, duration, [&](int) -> Result<Step> {
        return Step([&] { return CreateBenchDeal(store, actor, ++next_deal); });
    });
    auto after = store.stats();
    results.create_batch = AverageBatch(before, after);

    results.move = RunLoad(kStorageThreads, duration, [&](int index) -> Result<Step> {
        Id deal_id = 0;
        PIPECRM_RETURN_IF_ERROR(
            CreateBenchDeal(store, actor, static_cast<std::uint64_t>(index), &deal_id));
        // Each worker owns its deal and its toggle; the step runs on that worker only.
        return Step([&store, actor, deal_id, first_stage, second_stage,
                     forward = true]() mutable -> Status {
            const Id stage = forward ? second_stage : first_stage;
            forward = !forward;
            return store.WriteAndWait([&](domain::Repositories& repos) -> Status {
                auto deal =
                    domain::UpdateDeal(repos, actor, deal_id, MoveTo(stage), SystemClock().Now());
                return deal.ok() ? Status::Ok() : deal.status();
            });
        });
    });
    // The move phase's stats include the 64 untimed set-up creates; at thousands of moves
    // that skews the average batch very little.
    results.move_batch = AverageBatch(after, store.stats());
    return results;
}

// The `data.id` of a `{"success":true,"data":{...}}` body; 0 when there is none.
Id DataId(const std::string& body) {
    rapidjson::Document doc;
    doc.Parse(body.data(), body.size());
    if (doc.HasParseError() || !doc.IsObject()) {
        return 0;
    }
    auto data = doc.FindMember("data");
    if (data == doc.MemberEnd() || !data->value.IsObject()) {
        return 0;
    }
    auto id = data->value.FindMember("id");
    return id != data->value.MemberEnd() && id->value.IsInt64() ? id->value.GetInt64() : 0;
}

// Sends one request; ok only with the expected status.
Result<testing::HttpResult> Expect(testing::HttpClient& client,
                                   std::string_view method,
                                   const std::string& target,
                                   const std::string& body,
                                   const std::string& token,
                                   int expected_status) {
    auto response = client.Send(method, target, body, {{"x-api-token", token}});
    if (!response.ok()) {
        return response.status();
    }
    if (response->status != expected_status) {
        return Internal(std::string(method) + " " + target + " answered " +
                        std::to_string(response->status) + ": " + response->body.substr(0, 200));
    }
    return response;
}

std::string CreateBody(std::uint64_t n) {
    return R"({"title":"Bench deal )" + std::to_string(n) +
           R"(","value":1500000,"currency":"VND"})";
}

struct HttpResults {
    std::vector<LoadResult> create;  ///< one per client count, in kHttpClientCounts order
    std::vector<LoadResult> move;
};

std::optional<HttpResults> MeasureHttp(const std::string& db, Seconds duration) {
    const std::string token = testing::InitDatabaseWithToken(db);
    testing::ServerProcess server(db, 2);
    if (!server.started()) {
        return std::nullopt;
    }
    const std::uint16_t port = server.port();
    HttpResults results;
    std::atomic<std::uint64_t> next_deal{0};
    // One keep-alive client per worker, kept here because a Step must be copyable.
    std::vector<std::unique_ptr<testing::HttpClient>> connections;
    auto connect = [&](int index) -> testing::HttpClient& {
        auto& slot = connections[static_cast<std::size_t>(index)];
        slot = std::make_unique<testing::HttpClient>("127.0.0.1", port);
        return *slot;
    };
    for (int clients : kHttpClientCounts) {
        connections =
            std::vector<std::unique_ptr<testing::HttpClient>>(static_cast<std::size_t>(clients));
        results.create.push_back(RunLoad(clients, duration, [&](int index) -> Result<Step> {
            testing::HttpClient& client = connect(index);
            return Step([&]() -> Status {
                auto sent =
                    Expect(client, "POST", "/api/v2/deals", CreateBody(++next_deal), token, 201);
                return sent.ok() ? Status::Ok() : sent.status();
            });
        }));
    }
    for (int clients : kHttpClientCounts) {
        connections =
            std::vector<std::unique_ptr<testing::HttpClient>>(static_cast<std::size_t>(clients));
        results.move.push_back(RunLoad(clients, duration, [&](int index) -> Result<Step> {
            testing::HttpClient& client = connect(index);
            auto created =
                Expect(client, "POST", "/api/v2/deals", CreateBody(++next_deal), token, 201);
            if (!created.ok()) {
                return created.status();
            }
            const Id deal_id = DataId(created->body);
            if (deal_id == 0) {
                return Internal("no data.id in " + created->body.substr(0, 200));
            }
            const std::string target = "/api/v2/deals/" + std::to_string(deal_id);
            // A new deal sits in stage 1, so the first move goes to stage 2.
            return Step([&token, &client, target, stage = 1]() mutable -> Status {
                stage = 3 - stage;
                auto sent = Expect(client, "PATCH", target,
                                   R"({"stage_id":)" + std::to_string(stage) + "}", token, 200);
                return sent.ok() ? Status::Ok() : sent.status();
            });
        }));
    }
    return results;
}

struct Row {
    std::string name;
    LoadResult result;  ///< on SQLite
    std::string note;
    std::optional<LoadResult> postgres;  ///< the same measurement on PostgreSQL
};

// The SQLite column, each rate also as a multiple of raw SQLite, and the PostgreSQL column, as
// a multiple of raw PostgreSQL.
void PrintTable(const std::vector<Row>& rows, double raw, double raw_postgres) {
    std::cout << "\n"
              << std::left << std::setw(30) << "measurement" << std::right << std::setw(12)
              << "sqlite w/s" << std::setw(8) << "x raw" << std::setw(16) << "postgresql w/s"
              << std::setw(8) << "x raw" << std::setw(8) << "failed"
              << "  notes\n"
              << std::string(100, '-') << "\n";
    for (const Row& row : rows) {
        const double rate = row.result.PerSecond();
        std::cout << std::left << std::setw(30) << row.name << std::right << std::fixed
                  << std::setprecision(0) << std::setw(12) << rate << std::setprecision(1)
                  << std::setw(8) << (raw > 0 ? rate / raw : 0);
        std::uint64_t failed = row.result.failed;
        if (row.postgres) {
            const double pg_rate = row.postgres->PerSecond();
            std::cout << std::setprecision(0) << std::setw(16) << pg_rate << std::setprecision(1)
                      << std::setw(8) << (raw_postgres > 0 ? pg_rate / raw_postgres : 0);
            failed += row.postgres->failed;
        } else {
            std::cout << std::setw(16) << "-" << std::setw(8) << "-";
        }
        std::cout << std::setw(8) << failed << "  " << row.note << "\n";
    }
}

// Prints "NAME: N.N× raw (target ≥ T×) met".
void PrintTarget(std::string_view name, const LoadResult& result, double raw, double target) {
    const double ratio = raw > 0 ? result.PerSecond() / raw : 0;
    std::cout << name << ": " << std::fixed << std::setprecision(1) << ratio << "× raw (target ≥ "
              << std::setprecision(0) << target << "×) " << (ratio >= target ? "met" : "NOT met")
              << "\n";
}

// The storage layer runs in this process, so its CPU time is the store's plus the callers'.
std::string BatchNote(double average, const LoadResult& load) {
    std::ostringstream note;
    note << "avg batch " << std::fixed << std::setprecision(1) << average << " writes/txn, "
         << load.CpuMicrosPerWrite() << " us CPU/write";
    return note.str();
}

// The HTTP clients run in this process and the server in its own: this is the clients' share.
std::string ClientNote(const LoadResult& load) {
    std::ostringstream note;
    note << "clients " << std::fixed << std::setprecision(1) << load.CpuMicrosPerWrite()
         << " us CPU/write";
    return note.str();
}

bool ParseOptions(int argc, char** argv, Options& options) {
    if (const char* binary = std::getenv("PIPECRM_BINARY")) {
        options.binary = binary;
    } else {
        options.binary = "build/release/pipecrm";
    }
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) {
            std::cerr << "missing value for " << flag << "\n";
            return false;
        }
        const char* value = argv[++i];
        if (flag == "--seconds") {
            char* end = nullptr;
            const double seconds = std::strtod(value, &end);
            if (*value == '\0' || *end != '\0' || !(seconds > 0 && seconds <= 600)) {
                std::cerr << "--seconds must be a number above 0 and at most 600\n";
                return false;
            }
            options.duration = Seconds(seconds);
        } else if (flag == "--binary") {
            options.binary = value;
        } else if (flag == "--backend") {
            const std::string_view backend = value;
            if (backend != "both" && backend != "sqlite") {
                std::cerr << "--backend must be both or sqlite\n";
                return false;
            }
            options.postgres = backend == "both";
        } else {
            std::cerr << "unknown option " << flag << "\n";
            return false;
        }
    }
    return true;
}

int Run(const Options& options) {
    if (::access(options.binary.c_str(), X_OK) != 0) {
        std::cerr << "no pipecrm binary at " << options.binary
                  << "; build it (make release) or pass --binary PATH\n";
        return kUsageError;
    }
    // tests/support starts the binary named by PIPECRM_BINARY.
    ::setenv("PIPECRM_BINARY", options.binary.c_str(), 1);

    testing::TempDir dir;
    std::cout << "cores (nproc):  " << std::thread::hardware_concurrency() << "\n"
              << "disk path:      " << dir.path() << "\n"
              << "sqlite:         " << sqlite3_libversion() << "\n"
              << "server binary:  " << options.binary << " (serve --threads 2)\n"
              << "each run:       " << options.duration.count() << " s\n"
              << std::flush;

    std::cerr << "raw sqlite, one row per transaction...\n";
    const LoadResult raw = MeasureRawSqlite(dir.File("raw.db"), options.duration);
    std::cerr << "storage layer, " << kStorageThreads << " threads...\n";
    auto storage = MeasureStorage(dir.File("storage.db"), options.duration);
    std::cerr << "HTTP, 1/8/64 clients...\n";
    auto http = MeasureHttp(dir.File("http.db"), options.duration);
    // fsync latency on shared or virtual disks drifts with other load; a second baseline
    // shows whether the first one still describes the disk.
    std::cerr << "raw sqlite again...\n";
    const LoadResult raw_again = MeasureRawSqlite(dir.File("raw-again.db"), options.duration);
    if (!storage || !http) {
        std::cerr << "the benchmark could not run (see above)\n";
        return 1;
    }

    // The same measurements, client and data on PostgreSQL: a throwaway cluster on this disk,
    // listening on loopback, with PostgreSQL's default durability (every commit flushed).
    std::optional<LoadResult> raw_postgres;
    std::optional<StorageResults> storage_postgres;
    std::optional<HttpResults> http_postgres;
    std::optional<testing::PostgresCluster> cluster;
    if (options.postgres) {
        std::cerr << "PostgreSQL: starting a throwaway cluster...\n";
        cluster.emplace(/*durable=*/true);
        if (!cluster->started() || !cluster->CreateDatabase("raw") ||
            !cluster->CreateDatabase("storage") || !cluster->CreateDatabase("http")) {
            std::cerr << "cannot start PostgreSQL: " << cluster->error() << "\n";
            return 1;
        }
        std::cerr << "raw postgresql, one row per transaction...\n";
        raw_postgres = MeasureRawPostgres(cluster->Url("raw"), options.duration);
        std::cerr << "postgresql storage layer, " << kStorageThreads << " threads...\n";
        storage_postgres = MeasureStorage(cluster->Url("storage"), options.duration);
        std::cerr << "postgresql HTTP, 1/8/64 clients...\n";
        http_postgres = MeasureHttp(cluster->Url("http"), options.duration);
        if (!storage_postgres || !http_postgres) {
            std::cerr << "the PostgreSQL part of the benchmark could not run (see above)\n";
            return 1;
        }
    }

    std::vector<Row> rows;
    rows.push_back({"raw (1 conn)", raw, "BEGIN; INSERT; COMMIT", raw_postgres});
    // A storage row: both backends' rate, batch size and CPU time (PostgreSQL when measured).
    auto storage_row = [&](const char* name, LoadResult StorageResults::*load,
                           double StorageResults::*batch) {
        Row row{name, (*storage).*load, BatchNote((*storage).*batch, (*storage).*load), {}};
        if (storage_postgres) {
            row.postgres = (*storage_postgres).*load;
            row.note += " | pg " + BatchNote((*storage_postgres).*batch, *row.postgres);
        }
        rows.push_back(std::move(row));
    };
    storage_row("storage create @64 threads", &StorageResults::create,
                &StorageResults::create_batch);
    storage_row("storage move @64 threads", &StorageResults::move, &StorageResults::move_batch);
    // The HTTP rows of one operation at 1, 8 and 64 clients.
    auto http_rows = [&](const char* name, std::vector<LoadResult> HttpResults::*loads) {
        for (std::size_t i = 0; i < std::size(kHttpClientCounts); ++i) {
            const LoadResult& load = ((*http).*loads)[i];
            rows.push_back(
                {name + std::to_string(kHttpClientCounts[i]), load, ClientNote(load),
                 http_postgres ? std::optional(((*http_postgres).*loads)[i]) : std::nullopt});
        }
    };
    http_rows("http create @", &HttpResults::create);
    http_rows("http move @", &HttpResults::move);
    rows.push_back({"raw sqlite again (drift)", raw_again, "the baseline, re-run at the end", {}});
    const double raw_rate = raw.PerSecond();
    PrintTable(rows, raw_rate, raw_postgres ? raw_postgres->PerSecond() : 0);

    std::cout << "\n";
    PrintTarget("HTTP create @64", http->create.back(), raw_rate, kHttpTarget);
    PrintTarget("HTTP move @64", http->move.back(), raw_rate, kHttpTarget);
    PrintTarget("storage create @64", storage->create, raw_rate, kStorageTarget);
    PrintTarget("storage move @64", storage->move, raw_rate, kStorageTarget);
    const double drift = raw_rate > 0 ? raw_again.PerSecond() / raw_rate : 0;
    if (drift > kMaxDrift || drift < 1 / kMaxDrift) {
        std::cout << "WARNING: the raw commit rate changed " << std::setprecision(1) << drift
                  << "x during the run (other processes using the disk?); the ratios are not "
                     "reliable, run again on a quiet machine\n";
    }

    std::uint64_t failures = 0;
    for (const Row& row : rows) {
        failures += row.result.failed + (row.postgres ? row.postgres->failed : 0);
        if (!row.result.first_error.empty()) {
            std::cout << "first failure in " << row.name << ": " << row.result.first_error << "\n";
        }
        if (row.postgres && !row.postgres->first_error.empty()) {
            std::cout << "first failure in " << row.name
                      << " (postgresql): " << row.postgres->first_error << "\n";
        }
    }
    std::cout << "failures: " << failures << "\n";
    return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace pipecrm::bench

int main(int argc, char** argv) {
    // The same process-wide SQLite settings as the server, before the raw baseline touches
    // SQLite, so every row runs under one configuration.
    pipecrm::storage::sqlite::ConfigureSqliteOnce();
    pipecrm::bench::Options options;
    if (!pipecrm::bench::ParseOptions(argc, argv, options)) {
        std::cerr << pipecrm::bench::kUsage;
        return pipecrm::bench::kUsageError;
    }
    return pipecrm::bench::Run(options);
}

// Kill -9 while clients write: every acknowledged write must be there after restart, and the
// database must pass PRAGMA integrity_check. Repeated several times per run.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

struct Acknowledged {
    std::mutex mutex;                              // guards everything below
    std::map<std::string, std::int64_t> titles;    // title -> deal id
    std::map<std::int64_t, int> last_stage;        // deal id -> last acknowledged stage
    std::map<std::int64_t, int> in_flight_stage;   // deal id -> stage of an unanswered move
    std::map<std::int64_t, std::string> title_of;  // deal id -> title
};

// One client: creates deals and moves each through the stages until the server dies.
void ClientLoop(std::uint16_t port,
                const std::string& token,
                const std::string& prefix,
                std::atomic<bool>& stop,
                Acknowledged& acked) {
    HttpClient client("127.0.0.1", port);
    const std::vector<std::pair<std::string, std::string>> headers = {{"x-api-token", token}};
    std::int64_t current = 0;
    int stage = 1;
    for (int n = 0; !stop.load(); ++n) {
        if (current == 0 || stage == 5) {
            const std::string title = prefix + "-" + std::to_string(n);
            auto created = client.Send("POST", "/api/v2/deals",
                                       R"({"title":")" + title + R"(","value":1000})", headers);
            if (!created.ok() || created->status != 201) {
                return;  // the server is gone
            }
            rapidjson::Document json;
            json.Parse(created->body.c_str());
            current = json["data"]["id"].GetInt64();
            stage = 1;
            std::lock_guard lock(acked.mutex);
            acked.titles[title] = current;
            acked.title_of[current] = title;
            acked.last_stage[current] = 1;
            continue;
        }
        const int next = stage + 1;
        {
            std::lock_guard lock(acked.mutex);
            acked.in_flight_stage[current] = next;
        }
        auto moved = client.Send("PATCH", "/api/v2/deals/" + std::to_string(current),
                                 R"({"stage_id":)" + std::to_string(next) + "}", headers);
        if (!moved.ok() || moved->status != 200) {
            return;
        }
        stage = next;
        std::lock_guard lock(acked.mutex);
        acked.last_stage[current] = next;
        acked.in_flight_stage.erase(current);
    }
}

struct Row {
    std::int64_t id;
    std::string title;
    int stage;
};

std::vector<Row> ReadDeals(sqlite3* db) {
    std::vector<Row> rows;
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, title, stage_id FROM deals", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        rows.push_back({sqlite3_column_int64(stmt, 0),
                        reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)),
                        sqlite3_column_int(stmt, 2)});
    }
    sqlite3_finalize(stmt);
    return rows;
}

std::string Scalar(sqlite3* db, const char* sql) {
    std::string out;
    sqlite3_exec(
        db, sql,
        [](void* o, int, char** values, char**) {
            *static_cast<std::string*>(o) += values[0] ? values[0] : "NULL";
            return 0;
        },
        &out, nullptr);
    return out;
}

TEST(CrashRecovery, AcknowledgedWritesSurviveKill9) {
    PIPECRM_SQLITE_FILE_TEST();
    TempDir dir;
    const std::string db_path = dir.File("crash.db");
    const std::string token = InitDatabaseWithToken(db_path);
    Acknowledged acked;
    std::mt19937 rng(12345);
    constexpr int kRounds = 5;
    constexpr int kClients = 16;

    for (int round = 0; round < kRounds; ++round) {
        ServerProcess server(db_path);
        ASSERT_TRUE(server.started()) << "round " << round << ": the server did not restart";
        std::atomic<bool> stop{false};
        std::vector<std::thread> clients;
        for (int c = 0; c < kClients; ++c) {
            clients.emplace_back(ClientLoop, server.port(), token,
                                 "r" + std::to_string(round) + "c" + std::to_string(c),
                                 std::ref(stop), std::ref(acked));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300 + rng() % 700));
        server.Signal(SIGKILL);
        EXPECT_EQ(server.Wait(), 128 + SIGKILL);
        stop = true;
        for (auto& client : clients) {
            client.join();
        }

        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
        EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok") << "round " << round;
        std::map<std::int64_t, Row> stored;
        for (const Row& row : ReadDeals(db)) {
            stored[row.id] = row;
        }
        std::lock_guard lock(acked.mutex);
        ASSERT_GT(acked.titles.size(), 0u) << "no write was acknowledged in round " << round;
        for (const auto& [title, id] : acked.titles) {
            auto found = stored.find(id);
            ASSERT_NE(found, stored.end()) << "acknowledged deal " << title << " is missing";
            EXPECT_EQ(found->second.title, title);
        }
        for (const auto& [id, stage] : acked.last_stage) {
            const int actual = stored[id].stage;
            auto in_flight = acked.in_flight_stage.find(id);
            const bool unanswered_move_landed =
                in_flight != acked.in_flight_stage.end() && actual == in_flight->second;
            EXPECT_TRUE(actual == stage || unanswered_move_landed)
                << "deal " << id << " acknowledged at stage " << stage << " but stored at "
                << actual;
            // The history holds every acknowledged move.
            const std::string moves = Scalar(
                db, ("SELECT COUNT(*) FROM deal_events WHERE deal_id = " + std::to_string(id) +
                     " AND kind = 'stage_moved' AND to_stage_id <= " + std::to_string(stage))
                        .c_str());
            EXPECT_EQ(moves, std::to_string(stage - 1)) << "deal " << id;
        }
        // Moves that were never answered are settled now: forget them for the next round.
        for (const auto& [id, stage] : acked.in_flight_stage) {
            if (stored[id].stage == stage) {
                acked.last_stage[id] = stage;
            }
        }
        acked.in_flight_stage.clear();
        sqlite3_close(db);
        std::cout << "round " << round << ": " << acked.titles.size()
                  << " acknowledged deals so far, all present\n";
    }
}

}  // namespace
}  // namespace pipecrm::testing

// Several servers, one database: two `pipecrm serve` processes on the same database, written
// through at once. Conflicting writes follow "the later write wins" (docs/operations.md): every
// write is acknowledged, the deal event log chains every acknowledged move from the stage it
// really left, no edit of one field undoes a concurrent edit of another, and neither server's
// response cache serves data older than a write the other acknowledged. Runs on SQLite (two
// processes on one file) and, in the PostgreSQL run of the suite, on one PostgreSQL database.
#include <atomic>
#include <thread>

#include "functional/api_fixture.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

class TwoServers : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        ASSERT_FALSE(HasFatalFailure());
        second_ = std::make_unique<ServerProcess>(db_);
        ASSERT_TRUE(second_->started());
        ports_ = {server_->port(), second_->port()};
        JsonResponse stages = Call("GET", "/api/v2/stages");
        ASSERT_EQ(stages.status, 200) << stages.body;
        for (const auto& stage : stages.json["data"].GetArray()) {
            stages_.push_back(stage["id"].GetInt64());
        }
        ASSERT_GE(stages_.size(), 3u);
    }

    /// One request through server `which` (0 or 1) on a client of the calling thread's own.
    JsonResponse Through(HttpClient& client,
                         const std::string& method,
                         const std::string& target,
                         const std::string& body = {}) {
        auto result = client.Send(method, target, body, {{"x-api-token", token_}});
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? ToJsonResponse(*result) : JsonResponse{};
    }

    std::unique_ptr<HttpClient> ClientOf(int which) {
        return std::make_unique<HttpClient>("127.0.0.1", ports_[static_cast<std::size_t>(which)]);
    }

    /// The deal as each server answers it, twice (the second answer may come from its cache).
    std::vector<std::int64_t> StageSeenByEach(std::int64_t deal_id) {
        std::vector<std::int64_t> seen;
        for (int which : {0, 1}) {
            auto client = ClientOf(which);
            for (int repeat = 0; repeat < 2; ++repeat) {
                JsonResponse got =
                    Through(*client, "GET", "/api/v2/deals/" + std::to_string(deal_id));
                EXPECT_EQ(got.status, 200) << got.body;
                seen.push_back(got.status == 200 ? got.json["data"]["stage_id"].GetInt64() : 0);
            }
        }
        return seen;
    }

    std::unique_ptr<ServerProcess> second_;
    std::vector<std::uint16_t> ports_;
    std::vector<std::int64_t> stages_;
};

TEST_F(TwoServers, MovesOfOneDealThroughBothAreAllKeptInTheEventLog) {
    const std::int64_t deal = CreateDeal(R"({"title":"Contested"})");
    ASSERT_NE(deal, 0);
    const std::string path = "/api/v2/deals/" + std::to_string(deal);
    const std::int64_t first_stage = StageSeenByEach(deal)[0];

    constexpr int kThreads = 4;  // two per server
    constexpr int kMoves = 15;
    std::atomic<int> acknowledged{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto client = ClientOf(t % 2);
            for (int i = 0; i < kMoves; ++i) {
                const std::int64_t stage =
                    stages_[static_cast<std::size_t>(t + i) % stages_.size()];
                JsonResponse moved = Through(*client, "PATCH", path,
                                             R"({"stage_id":)" + std::to_string(stage) + "}");
                EXPECT_EQ(moved.status, 200) << moved.body;  // the later write wins: no 409
                if (moved.status == 200) {
                    ++acknowledged;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(acknowledged.load(), kThreads * kMoves);

    // Both servers agree on where the deal is.
    const std::vector<std::int64_t> seen = StageSeenByEach(deal);
    for (std::int64_t stage : seen) {
        EXPECT_EQ(stage, seen[0]);
    }
    // Every move left the stage the previous one entered: no move was applied to a stale copy.
    const auto moves = QueryColumn(
        db_, "SELECT from_stage_id || ' ' || to_stage_id FROM deal_events WHERE deal_id = " +
                 std::to_string(deal) + " AND kind = 'stage_moved' ORDER BY id");
    ASSERT_FALSE(moves.empty());
    EXPECT_LE(moves.size(), static_cast<std::size_t>(kThreads * kMoves));
    std::int64_t at = first_stage;
    for (const std::string& move : moves) {
        const auto space = move.find(' ');
        ASSERT_NE(space, std::string::npos) << move;
        EXPECT_EQ(std::stoll(move.substr(0, space)), at) << "a move from a stage it was not in";
        at = std::stoll(move.substr(space + 1));
    }
    EXPECT_EQ(at, seen[0]);
}

TEST_F(TwoServers, DealsCreatedInOneStageThroughBothAreAllListedByEach) {
    constexpr int kThreads = 4;
    constexpr int kDeals = 10;
    const std::string stage = std::to_string(stages_[1]);
    std::atomic<int> created{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto client = ClientOf(t % 2);
            for (int i = 0; i < kDeals; ++i) {
                JsonResponse made =
                    Through(*client, "POST", "/api/v2/deals",
                            R"({"title":"D)" + std::to_string(t) + "-" + std::to_string(i) +
                                R"(","value":100,"currency":"USD","stage_id":)" + stage + "}");
                EXPECT_EQ(made.status, 201) << made.body;
                if (made.status == 201) {
                    ++created;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    ASSERT_EQ(created.load(), kThreads * kDeals);
    for (int which : {0, 1}) {
        auto client = ClientOf(which);
        for (int repeat = 0; repeat < 2; ++repeat) {
            JsonResponse list =
                Through(*client, "GET", "/api/v2/deals?limit=500&stage_id=" + stage);
            ASSERT_EQ(list.status, 200) << list.body;
            EXPECT_EQ(list.json["data"].Size(), static_cast<unsigned>(kThreads * kDeals))
                << "server " << which;
        }
    }
}

TEST_F(TwoServers, ConcurrentEditsOfOnePersonKeepBothFields) {
    JsonResponse made = Call("POST", "/api/v2/persons", R"({"name":"Lan"})");
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string path =
        "/api/v2/persons/" + std::to_string(made.json["data"]["id"].GetInt64());
    constexpr int kEdits = 12;
    // Server 0 renames the person; server 1 changes the email, at the same time.
    std::thread rename([&] {
        auto client = ClientOf(0);
        for (int i = 0; i < kEdits; ++i) {
            EXPECT_EQ(
                Through(*client, "PATCH", path, R"({"name":"Lan )" + std::to_string(i) + R"("})")
                    .status,
                200);
        }
    });
    std::thread email([&] {
        auto client = ClientOf(1);
        for (int i = 0; i < kEdits; ++i) {
            EXPECT_EQ(
                Through(*client, "PATCH", path,
                        R"({"emails":[{"value":"lan)" + std::to_string(i) + R"(@example.com"}]})")
                    .status,
                200);
        }
    });
    rename.join();
    email.join();
    const std::string last = std::to_string(kEdits - 1);
    for (int which : {0, 1}) {
        auto client = ClientOf(which);
        JsonResponse got = Through(*client, "GET", path);
        ASSERT_EQ(got.status, 200) << got.body;
        EXPECT_EQ(std::string(got.json["data"]["name"].GetString()), "Lan " + last);
        ASSERT_EQ(got.json["data"]["emails"].Size(), 1u);
        EXPECT_EQ(std::string(got.json["data"]["emails"][0]["value"].GetString()),
                  "lan" + last + "@example.com");
    }
}

TEST_F(TwoServers, NeitherCacheServesDataOlderThanTheOthersAcknowledgedWrite) {
    const std::int64_t deal = CreateDeal(R"({"title":"v0"})");
    const std::string path = "/api/v2/deals/" + std::to_string(deal);
    auto writer = ClientOf(0);
    auto reader = ClientOf(1);
    for (int i = 1; i <= 20; ++i) {
        // Warm the reading server's cache with the current title...
        for (int repeat = 0; repeat < 2; ++repeat) {
            JsonResponse before = Through(*reader, "GET", path);
            ASSERT_EQ(before.status, 200);
            EXPECT_EQ(std::string(before.json["data"]["title"].GetString()),
                      "v" + std::to_string(i - 1));
        }
        // ...write through the other server; once acknowledged, the reader sees it at once.
        const std::string title = "v" + std::to_string(i);
        ASSERT_EQ(Through(*writer, "PATCH", path, R"({"title":")" + title + R"("})").status, 200);
        JsonResponse after = Through(*reader, "GET", path);
        ASSERT_EQ(after.status, 200);
        EXPECT_EQ(std::string(after.json["data"]["title"].GetString()), title);
        std::swap(writer, reader);  // and the other way round
    }
}

}  // namespace
}  // namespace pipecrm::testing

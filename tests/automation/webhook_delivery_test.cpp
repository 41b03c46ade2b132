// Webhook delivery end to end: the real pipecrm binary posts to a real receiver on loopback,
// which verifies signatures, fails and recovers, and sees the server killed mid-delivery.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <sodium.h>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "functional/api_fixture.hpp"
#include "support/webhook_receiver.hpp"

namespace pipecrm::testing {
namespace {

using std::chrono::seconds;

const std::vector<std::string> kFastRetries = {"--webhook-timeout", "2s", "--webhook-first-retry",
                                               "1s"};

class WebhookDelivery : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = dir_.File("crm.db");
        token_ = InitDatabaseWithToken(db_);
        StartServer();
    }

    void StartServer() {
        client_.reset();
        server_ = std::make_unique<ServerProcess>(db_, 2, kFastRetries);
        ASSERT_TRUE(server_->started());
        client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
    }

    JsonResponse Call(const std::string& method,
                      const std::string& target,
                      const std::string& body = {}) {
        auto result = client_->Send(method, target, body, {{"x-api-token", token_}});
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? ToJsonResponse(*result) : JsonResponse{};
    }

    /// Registers a webhook and returns its signing secret.
    std::string Register(const std::string& url,
                         const std::string& object,
                         const std::string& action,
                         const std::string& version = "2.0") {
        JsonResponse added = Call("POST", "/v1/webhooks",
                                  R"({"subscription_url":")" + url + R"(","event_action":")" +
                                      action + R"(","event_object":")" + object +
                                      R"(","name":"test","version":")" + version + R"("})");
        EXPECT_EQ(added.status, 201) << added.body;
        if (added.status != 201) {
            return "";
        }
        return added.json["data"]["secret"].GetString();
    }

    /// The webhook's delivery log once `count` deliveries show `status` (the receiver answers
    /// before the server records the answer), or as it is after 60 seconds.
    JsonResponse WaitForLog(int webhook_id, unsigned count, const char* status = "delivered") {
        const std::string path = "/v1/webhooks/" + std::to_string(webhook_id) + "/deliveries";
        JsonResponse log;
        for (int i = 0; i < 600; ++i) {
            log = Call("GET", path);
            unsigned matching = 0;
            if (log.status == 200) {
                for (const auto& d : log.json["data"].GetArray()) {
                    matching += std::string(d["status"].GetString()) == status ? 1u : 0u;
                }
            }
            if (matching >= count) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return log;
    }

    std::int64_t CreateDeal(const std::string& title) {
        JsonResponse created =
            Call("POST", "/api/v2/deals", R"({"title":")" + title + R"(","value":100})");
        EXPECT_EQ(created.status, 201) << created.body;
        return created.status == 201 ? created.json["data"]["id"].GetInt64() : 0;
    }

    TempDir dir_;
    std::string db_;
    std::string token_;
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<HttpClient> client_;
    WebhookReceiver receiver_;
};

// How many 200 answers each idempotency key got.
std::map<std::string, int> OkCountByKey(const std::vector<ReceivedRequest>& requests) {
    std::map<std::string, int> counts;
    for (const ReceivedRequest& r : requests) {
        if (r.answered == 200) {
            ++counts[r.Header("idempotency-key")];
        }
    }
    return counts;
}

auto KeysDelivered(std::size_t n) {
    return [n](const std::vector<ReceivedRequest>& requests) {
        return OkCountByKey(requests).size() >= n;
    };
}

// Checks X-PipeCRM-Signature ("t=<unix>,v1=<hex>") against HMAC-SHA256(secret, t + "." + body),
// computed here with libsodium directly.
bool SignatureValid(const ReceivedRequest& r, const std::string& secret) {
    const std::string header = r.Header("x-pipecrm-signature");
    const auto comma = header.find(",v1=");
    if (header.rfind("t=", 0) != 0 || comma == std::string::npos) {
        return false;
    }
    const std::string t = header.substr(2, comma - 2);
    const std::string given = header.substr(comma + 4);
    const std::string message = t + "." + r.body;
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    crypto_auth_hmacsha256_final(&state, mac.data());
    std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    return given == hex.data();
}

rapidjson::Document Parse(const std::string& body) {
    rapidjson::Document doc;
    doc.Parse(body.c_str());
    EXPECT_FALSE(doc.HasParseError()) << body;
    return doc;
}

TEST_F(WebhookDelivery, SignedV2PayloadsCarryCurrentPreviousAndTheStageMove) {
    const std::string secret = Register(receiver_.Url(), "deal", "*");
    ASSERT_EQ(secret.rfind("whsec_", 0), 0u) << secret;
    const std::string v1_secret = Register(receiver_.Url("/people"), "person", "added", "1.0");

    const std::int64_t deal = CreateDeal("Big order");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(deal), R"({"stage_id":2})").status,
              200);
    ASSERT_EQ(Call("POST", "/api/v2/persons", R"({"name":"Nguyễn Văn A"})").status, 201);
    ASSERT_EQ(Call("POST", "/api/v2/organizations", R"({"name":"No subscriber"})").status, 201);
    ASSERT_TRUE(receiver_.WaitUntil(KeysDelivered(3), seconds(30)));

    std::vector<ReceivedRequest> deals;
    std::vector<ReceivedRequest> people;
    for (const ReceivedRequest& r : receiver_.Requests()) {
        (r.path == "/people" ? people : deals).push_back(r);
    }
    ASSERT_EQ(deals.size(), 2u);
    ASSERT_EQ(people.size(), 1u);
    for (const ReceivedRequest& r : deals) {
        EXPECT_TRUE(SignatureValid(r, secret)) << r.Header("x-pipecrm-signature");
        EXPECT_FALSE(SignatureValid(r, v1_secret));
        EXPECT_EQ(r.Header("content-type"), "application/json");
    }
    EXPECT_NE(deals[0].Header("idempotency-key"), deals[1].Header("idempotency-key"));

    rapidjson::Document created = Parse(deals[0].body);
    EXPECT_STREQ(created["meta"]["action"].GetString(), "create");
    EXPECT_STREQ(created["meta"]["entity"].GetString(), "deal");
    EXPECT_STREQ(created["meta"]["id"].GetString(), deals[0].Header("idempotency-key").c_str());
    EXPECT_STREQ(created["data"]["title"].GetString(), "Big order");
    EXPECT_EQ(created["data"]["value"].GetInt(), 100);
    EXPECT_TRUE(created["previous"].IsNull());
    EXPECT_TRUE(created["stage_change"].IsNull());

    rapidjson::Document moved = Parse(deals[1].body);
    EXPECT_STREQ(moved["meta"]["action"].GetString(), "change");
    EXPECT_EQ(moved["data"]["stage_id"].GetInt(), 2);
    EXPECT_EQ(moved["previous"]["stage_id"].GetInt(), 1);
    const auto& stage = moved["stage_change"];
    ASSERT_TRUE(stage.IsObject()) << deals[1].body;
    EXPECT_EQ(stage["previous_stage_id"].GetInt(), 1);
    EXPECT_EQ(stage["current_stage_id"].GetInt(), 2);
    EXPECT_GE(stage["seconds_in_previous_stage"].GetInt(), 0);
    EXPECT_EQ(stage["actor_user_id"].GetInt(), 1);

    EXPECT_TRUE(SignatureValid(people[0], v1_secret));
    rapidjson::Document person = Parse(people[0].body);
    EXPECT_EQ(person["v"].GetInt(), 1);
    EXPECT_STREQ(person["event"].GetString(), "added.person");
    EXPECT_STREQ(person["current"]["name"].GetString(), "Nguyễn Văn A");
    EXPECT_TRUE(person["previous"].IsNull());
}

TEST_F(WebhookDelivery, ALabelChangeIsDeliveredWithTheDealsLabels) {
    JsonResponse label = Call("POST", "/api/v1/dealLabels", R"({"name":"Hot","color":"red"})");
    ASSERT_EQ(label.status, 201) << label.body;
    const std::string label_id = std::to_string(label.json["data"]["id"].GetInt());
    const std::int64_t deal = CreateDeal("Labelled");
    Register(receiver_.Url(), "deal", "change");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(deal),
                   R"({"label_ids":[)" + label_id + "]}")
                  .status,
              200);
    ASSERT_TRUE(receiver_.WaitUntil(KeysDelivered(1), seconds(30)));
    rapidjson::Document changed = Parse(receiver_.Requests().front().body);
    EXPECT_STREQ(changed["meta"]["action"].GetString(), "change");
    EXPECT_EQ(changed["data"]["label"].GetString(), label_id);
    ASSERT_TRUE(changed["previous"].HasMember("label")) << receiver_.Requests().front().body;
    EXPECT_TRUE(changed["previous"]["label"].IsNull());
}

TEST_F(WebhookDelivery, AFailingReceiverGetsEverythingOnceItRecovers) {
    const std::string secret = Register(receiver_.Url(), "*", "*");
    Register("http://127.0.0.1:9/nobody-listens", "deal", "create");
    receiver_.FailNext(4);
    for (const char* title : {"One", "Two", "Three"}) {
        CreateDeal(title);
    }
    ASSERT_TRUE(receiver_.WaitUntil(KeysDelivered(3), seconds(60)));

    const auto requests = receiver_.Requests();
    int failed = 0;
    std::set<std::string> keys;
    for (const ReceivedRequest& r : requests) {
        EXPECT_TRUE(SignatureValid(r, secret));
        keys.insert(r.Header("idempotency-key"));
        failed += r.answered == 500 ? 1 : 0;
    }
    EXPECT_EQ(failed, 4);
    EXPECT_EQ(keys.size(), 3u);  // retries repeat the key
    for (const auto& [key, ok] : OkCountByKey(requests)) {
        EXPECT_EQ(ok, 1) << key;
    }

    JsonResponse log = WaitForLog(1, 3);
    ASSERT_EQ(log.status, 200) << log.body;
    ASSERT_EQ(log.json["data"].Size(), 3u);
    int retried = 0;
    for (const auto& d : log.json["data"].GetArray()) {
        EXPECT_STREQ(d["status"].GetString(), "delivered") << log.body;
        EXPECT_EQ(d["last_http_status"].GetInt(), 200);
        retried += d["attempts"].GetInt() > 1 ? 1 : 0;
    }
    EXPECT_GE(retried, 1);

    // The unreachable receiver's deliveries wait for their next attempt, with the reason.
    JsonResponse unreachable = Call("GET", "/api/v1/webhooks/2/deliveries?limit=2");
    ASSERT_EQ(unreachable.status, 200) << unreachable.body;
    ASSERT_EQ(unreachable.json["data"].Size(), 2u);
    EXPECT_TRUE(
        unreachable.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());
    for (const auto& d : unreachable.json["data"].GetArray()) {
        EXPECT_NE(std::string(d["status"].GetString()), "delivered");
        EXPECT_GE(d["attempts"].GetInt(), 1);
        EXPECT_TRUE(d["last_http_status"].IsNull());
    }
    EXPECT_EQ(Call("GET", "/v1/webhooks/99/deliveries").status, 404);
    auto anonymous = client_->Send("GET", "/v1/webhooks/1/deliveries");
    ASSERT_TRUE(anonymous.ok());
    EXPECT_EQ(anonymous->status, 401);
}

TEST_F(WebhookDelivery, AServerKilledMidDeliveryLosesAndRepeatsNothing) {
    Register(receiver_.Url(), "deal", "*");
    receiver_.Hold(true);
    CreateDeal("Before the crash");
    CreateDeal("Also before");
    ASSERT_TRUE(receiver_.WaitUntil([](const auto& r) { return !r.empty(); }, seconds(30)));
    server_->Signal(SIGKILL);
    server_->Wait();
    receiver_.ReleaseHeld(503);  // too late: the sender is gone
    receiver_.Hold(false);

    StartServer();
    CreateDeal("After the restart");
    ASSERT_TRUE(receiver_.WaitUntil(KeysDelivered(3), seconds(90)));
    for (const auto& [key, ok] : OkCountByKey(receiver_.Requests())) {
        EXPECT_EQ(ok, 1) << key;
    }
    JsonResponse log = WaitForLog(1, 3);
    ASSERT_EQ(log.json["data"].Size(), 3u);
    for (const auto& d : log.json["data"].GetArray()) {
        EXPECT_STREQ(d["status"].GetString(), "delivered") << log.body;
    }
}

TEST_F(WebhookDelivery, AStoppedServerSendsWhatWasQueuedAfterItsRestart) {
    Register(receiver_.Url(), "deal", "*");
    receiver_.FailNext(1000);
    CreateDeal("Queued");
    ASSERT_TRUE(receiver_.WaitUntil([](const auto& r) { return !r.empty(); }, seconds(30)));
    server_->Signal(SIGTERM);
    ASSERT_EQ(server_->Wait(), 0);
    receiver_.FailNext(0);

    StartServer();
    ASSERT_TRUE(receiver_.WaitUntil(KeysDelivered(1), seconds(60)));
    EXPECT_EQ(OkCountByKey(receiver_.Requests()).begin()->second, 1);
}

}  // namespace
}  // namespace pipecrm::testing

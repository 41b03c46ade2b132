#include "automation/webhook_signature.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace pipecrm::automation {
namespace {

TEST(WebhookSignature, MatchesRfc4231TestCase2) {
    ASSERT_GE(sodium_init(), 0);
    EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookSignature, SignsTheTimestampAndTheBody) {
    const Instant at = FromUnixSeconds(1700000000);
    const std::string header = SignatureHeader("whsec_k", at, R"({"a":1})");
    EXPECT_EQ(header, "t=1700000000,v1=" + HmacSha256Hex("whsec_k", R"(1700000000.{"a":1})"));
    EXPECT_NE(header, SignatureHeader("whsec_k", at, R"({"a":2})"));
    EXPECT_NE(header, SignatureHeader("whsec_other", at, R"({"a":1})"));
}

}  // namespace
}  // namespace pipecrm::automation

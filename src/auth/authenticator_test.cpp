#include "auth/authenticator.hpp"

#include <gtest/gtest.h>

namespace pipecrm::auth {
namespace {

class FixedClock final : public Clock {
  public:
    Instant Now() const override { return now; }
    Instant now = FromUnixSeconds(1'800'000'000);
};

// Counts the writes queued; reads nothing.
class CountingStore final : public domain::Store {
  public:
    Status Read(const domain::StoreJob&) override { return Internal("unused in this test"); }
    void Write(domain::StoreJob, domain::WriteDone done) override {
        ++writes;
        done(Status::Ok());
    }
    Result<std::uint64_t> DataVersion() override { return Internal("unused in this test"); }
    int writes = 0;
};

TEST(Authenticator, WritesATokensLastUseAtMostOnceAMinute) {
    CountingStore store;
    FixedClock clock;
    Authenticator authenticator(store, clock);
    const std::string token(40, 'a');
    authenticator.RecordUse(token);
    EXPECT_EQ(store.writes, 1) << "the first use is written";
    clock.now += std::chrono::seconds(59);
    authenticator.RecordUse(token);
    EXPECT_EQ(store.writes, 1) << "within the minute: no write";
    authenticator.RecordUse(std::string(40, 'b'));
    EXPECT_EQ(store.writes, 2) << "each token has its own minute";
    clock.now += std::chrono::seconds(1);
    authenticator.RecordUse(token);
    EXPECT_EQ(store.writes, 3) << "a minute after the last write";
    authenticator.RecordUse("");
    EXPECT_EQ(store.writes, 3) << "no token, nothing to record";
}

}  // namespace
}  // namespace pipecrm::auth

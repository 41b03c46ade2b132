#include "base/encoding.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "base/status.hpp"

namespace pipecrm {
namespace {

TEST(Encoding, HexEncodes) {
    EXPECT_EQ(HexEncode(std::string("\x00\xff\x10", 3)), "00ff10");
}

TEST(Encoding, Base64UrlRoundTrips) {
    for (const std::string& text : std::vector<std::string>{"", "a", "ab", "abc", "1234:5678",
                                                            std::string("\xfb\xff\x00", 3)}) {
        auto decoded = Base64UrlDecode(Base64UrlEncode(text));
        ASSERT_TRUE(decoded.has_value()) << text;
        EXPECT_EQ(*decoded, text);
    }
    EXPECT_FALSE(Base64UrlDecode("not base64!").has_value());
}

TEST(Status, CarriesCodeMessageAndField) {
    Status status = InvalidArgument("title is required", "title");
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(status.field(), "title");
    EXPECT_EQ(status.ToString(), "invalid_argument: title is required (field title)");
    EXPECT_TRUE(Status::Ok().ok());
}

TEST(Status, EveryCodeHasAName) {
    for (ErrorCode code : kAllErrorCodes) {
        EXPECT_NE(ErrorCodeName(code), "unknown");
    }
}

}  // namespace
}  // namespace pipecrm

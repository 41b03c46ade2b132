#include "text/search_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pipecrm::text {
namespace {

TEST(SearchText, FoldsCaseAndVietnameseDiacritics) {
    EXPECT_EQ(FoldForSearch("Nguyễn Văn A"), "nguyen van a");
    EXPECT_EQ(FoldForSearch("Điện Thoại"), "dien thoai");
    EXPECT_EQ(FoldForSearch("CÔNG TY TNHH Minh Phát"), "cong ty tnhh minh phat");
    EXPECT_EQ(FoldForSearch("Crème Brûlée"), "creme brulee");
    EXPECT_EQ(FoldForSearch("plain ascii 123"), "plain ascii 123");
}

TEST(SearchText, ComposedAndDecomposedFoldAlike) {
    // "ễ" precomposed vs e + circumflex + tilde.
    EXPECT_EQ(FoldForSearch("Nguy\xe1\xbb\x85n"), FoldForSearch("Nguye\xcc\x82\xcc\x83n"));
    EXPECT_EQ(ToNfc("Nguye\xcc\x82\xcc\x83n"), "Nguy\xe1\xbb\x85n");
}

// ASCII takes a shorter way; a text that turns non-ASCII only at its end must not.
TEST(SearchText, AsciiStaysAsItIsAndALateAccentIsStillSeen) {
    EXPECT_EQ(ToNfc("Ann Lee <ANN@Example.com>"), "Ann Lee <ANN@Example.com>");
    EXPECT_EQ(FoldForSearch("Ann Lee <ANN@Example.com> [Z@]"), "ann lee <ann@example.com> [z@]");
    const std::string long_ascii(40, 'A');
    EXPECT_EQ(ToNfc(long_ascii + "Cafe\xcc\x81"), long_ascii + "Caf\xc3\xa9");
    EXPECT_EQ(FoldForSearch(long_ascii + "Caf\xc3\xa9"), std::string(40, 'a') + "cafe");
}

TEST(SearchText, PhonesInAnyCommonFormAreTheSame) {
    EXPECT_EQ(NormalizePhone("0912 345 678", "VN"), "+84912345678");
    EXPECT_EQ(NormalizePhone("+84 912-345-678", "VN"), "+84912345678");
    EXPECT_EQ(NormalizePhone("(+84) 912.345.678", "US"), "+84912345678");
    EXPECT_EQ(NormalizePhone("not a phone", "VN"), std::nullopt);
}

}  // namespace
}  // namespace pipecrm::text

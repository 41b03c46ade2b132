#include "importer/validation.hpp"

#include <gtest/gtest.h>

namespace pipecrm::importer {
namespace {

MappedRow Row(std::vector<std::pair<std::string, std::string>> fields) {
    MappedRow row;
    row.line = 2;
    row.fields = std::move(fields);
    return row;
}

TEST(Validation, NormalizesAPerson) {
    // "Nguyễn" typed with combining marks (NFD) comes out NFC.
    auto person = ValidatePerson(Row({{"name", "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A"},
                                      {"email", "An.Nguyen@Example.COM; an@x.vn"},
                                      {"phone", "0912 345 678"}}),
                                 {});
    ASSERT_TRUE(person.ok()) << person.status().message();
    EXPECT_EQ(person->name, "Nguyễn Văn A");
    EXPECT_EQ(person->emails, (std::vector<std::string>{"an.nguyen@example.com", "an@x.vn"}));
    EXPECT_EQ(person->phones, (std::vector<std::string>{"+84912345678"}));
}

TEST(Validation, RejectsBadEmailAndPhoneNamingTheField) {
    auto email = ValidatePerson(Row({{"name", "A"}, {"email", "nope"}}), {});
    ASSERT_FALSE(email.ok());
    EXPECT_EQ(email.status().field(), "email");
    auto phone = ValidatePerson(Row({{"name", "A"}, {"phone", "12"}}), {});
    ASSERT_FALSE(phone.ok());
    EXPECT_EQ(phone.status().field(), "phone");
    auto nameless = ValidatePerson(Row({{"email", "a@x.vn"}}), {});
    ASSERT_FALSE(nameless.ok());
    EXPECT_EQ(nameless.status().field(), "name");
}

TEST(Validation, JoinsFirstAndLastNames) {
    auto person = ValidatePerson(Row({{"first_name", "Ada"}, {"last_name", "Lovelace"}}), {});
    ASSERT_TRUE(person.ok());
    EXPECT_EQ(person->name, "Ada Lovelace");
}

TEST(Validation, ReadsIsoAndDayFirstDates) {
    for (const char* text :
         {"2024-03-05", "05/03/2024", "5-3-2024", "05.03.2024", "2024-03-05 10:00"}) {
        auto date = ParseImportDate(text);
        ASSERT_TRUE(date.ok()) << text;
        EXPECT_EQ(FormatDate(*date), "2024-03-05") << text;
    }
    EXPECT_FALSE(ParseImportDate("31/02/2024").ok());
    EXPECT_FALSE(ParseImportDate("March 5").ok());
    EXPECT_FALSE(ParseImportDate("2024/03-05").ok());
}

TEST(Validation, ReadsInstants) {
    EXPECT_EQ(FormatSqlTime(*ParseImportInstant("2024-03-05")), "2024-03-05 12:00:00");
    EXPECT_EQ(FormatSqlTime(*ParseImportInstant("05/03/2024 14:30")), "2024-03-05 14:30:00");
    EXPECT_EQ(FormatSqlTime(*ParseImportInstant("2024-03-05T10:00:00+07:00")),
              "2024-03-05 03:00:00");
    EXPECT_EQ(FormatSqlTime(*ParseImportInstant("2024-03-05 10:20:30")), "2024-03-05 10:20:30");
    EXPECT_FALSE(ParseImportInstant("05/03/2024 25:00").ok());
}

TEST(Validation, ReadsAmountsWithEitherSeparator) {
    EXPECT_EQ(*NormalizeAmount("1.234.567,89"), "1234567.89");
    EXPECT_EQ(*NormalizeAmount("1,234,567.89"), "1234567.89");
    EXPECT_EQ(*NormalizeAmount("1234,5"), "1234.5");
    EXPECT_EQ(*NormalizeAmount("1.500.000"), "1500000");
    EXPECT_EQ(*NormalizeAmount("1 500 000"), "1500000");
    EXPECT_EQ(*NormalizeAmount("2,500"), "2500");
    EXPECT_EQ(*NormalizeAmount("2500.5"), "2500.5");
    EXPECT_EQ(*NormalizeAmount("-3.25"), "-3.25");
    EXPECT_FALSE(NormalizeAmount("12abc").ok());
    EXPECT_FALSE(NormalizeAmount("1.2.3,4.5").ok());
    EXPECT_FALSE(NormalizeAmount(",").ok());
}

TEST(Validation, ReadsADealsHistory) {
    auto deal = ValidateDeal(Row({{"title", "HĐ 1"},
                                  {"value", "1.500.000"},
                                  {"currency", "vnd"},
                                  {"stage", "Thắng"},
                                  {"add_time", "01/02/2024"},
                                  {"won_time", "15/03/2024"},
                                  {"probability", "40%"}}),
                             {});
    ASSERT_TRUE(deal.ok()) << deal.status().message();
    EXPECT_EQ(*deal->value, "1500000");
    EXPECT_EQ(deal->currency, "VND");
    EXPECT_EQ(deal->status, domain::DealStatus::kWon);
    EXPECT_TRUE(deal->stage_means_status);
    EXPECT_EQ(FormatSqlTime(*deal->won_time), "2024-03-15 12:00:00");
    EXPECT_EQ(deal->probability, 40);
    auto bad_status = ValidateDeal(Row({{"title", "x"}, {"status", "maybe"}}), {});
    ASSERT_FALSE(bad_status.ok());
    EXPECT_EQ(bad_status.status().field(), "status");
    auto bad_currency = ValidateDeal(Row({{"title", "x"}, {"currency", "XYZ"}}), {});
    ASSERT_FALSE(bad_currency.ok());
    EXPECT_EQ(bad_currency.status().field(), "currency");
}

TEST(Validation, ConvertsCustomFieldValuesForTheirType) {
    domain::CustomField size;
    size.key = "k1";
    size.name = "Quy mô";
    size.type = domain::FieldType::kEnum;
    size.options = {{1, "Nhỏ"}, {2, "Lớn"}};
    domain::CustomField budget;
    budget.key = "k2";
    budget.name = "Budget";
    budget.type = domain::FieldType::kDouble;
    MappedRow row = Row({{"name", "A"}});
    row.custom = {{"k1", "lớn"}, {"k2", "1.234,5"}};
    auto person = ValidatePerson(row, {"VN", {size, budget}});
    ASSERT_TRUE(person.ok()) << person.status().message();
    ASSERT_EQ(person->custom_fields.size(), 2u);
    EXPECT_EQ(person->custom_fields[0].value.text, "2");
    EXPECT_EQ(person->custom_fields[1].value.text, "1234.5");
    row.custom = {{"k1", "Vừa"}};
    auto bad = ValidatePerson(row, {"VN", {size, budget}});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().field(), "Quy mô");
}

}  // namespace
}  // namespace pipecrm::importer

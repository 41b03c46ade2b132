#include "domain/custom_field.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

CustomField Field(FieldType type) {
    CustomField field;
    field.key = std::string(40, 'b');
    field.name = "Field";
    field.type = type;
    field.options = {{1, "a"}, {2, "b"}};
    field.last_option_id = 2;
    return field;
}

FieldInput Text(std::string text) {
    FieldInput input;
    input.kind = FieldInput::Kind::kString;
    input.text = std::move(text);
    return input;
}

FieldInput Number(std::string text, bool is_integer) {
    FieldInput input;
    input.kind = FieldInput::Kind::kNumber;
    input.text = std::move(text);
    input.is_integer = is_integer;
    return input;
}

FieldInput Money(std::string amount, std::string currency) {
    FieldInput input;
    input.kind = FieldInput::Kind::kMoney;
    input.text = std::move(amount);
    input.currency = std::move(currency);
    return input;
}

FieldInput Ids(std::vector<std::int64_t> ids) {
    FieldInput input;
    input.kind = FieldInput::Kind::kIntegers;
    input.integers = std::move(ids);
    return input;
}

std::optional<std::string> Canonical(FieldType type, const FieldInput& input) {
    auto value = CheckFieldValue(Field(type), input);
    EXPECT_TRUE(value.ok()) << value.status().ToString();
    return value.ok() ? *value : std::nullopt;
}

void ExpectRefused(FieldType type, const FieldInput& input) {
    auto value = CheckFieldValue(Field(type), input);
    ASSERT_FALSE(value.ok());
    EXPECT_EQ(value.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(value.status().field(), std::string(40, 'b'));
}

TEST(CustomField, CanonicalValues) {
    EXPECT_EQ(Canonical(FieldType::kVarchar, Text("Hội chợ")), "Hội chợ");
    EXPECT_EQ(Canonical(FieldType::kDouble, Number("4.5", false)), "4.5");
    EXPECT_EQ(Canonical(FieldType::kMonetary, Money("1499.9", "usd")), "1499.9 USD");
    EXPECT_EQ(Canonical(FieldType::kDate, Text("2026-03-01")), "2026-03-01");
    EXPECT_EQ(Canonical(FieldType::kEnum, Number("2", true)), "2");
    EXPECT_EQ(Canonical(FieldType::kSet, Ids({2, 1, 2})), "2,1");
    EXPECT_EQ(Canonical(FieldType::kUser, Number("7", true)), "7");
}

TEST(CustomField, NullEmptyTextAndEmptySetClear) {
    EXPECT_EQ(Canonical(FieldType::kVarchar, FieldInput{}), std::nullopt);
    EXPECT_EQ(Canonical(FieldType::kText, Text("")), std::nullopt);
    EXPECT_EQ(Canonical(FieldType::kSet, Ids({})), std::nullopt);
}

TEST(CustomField, RefusesWrongTypesNamingTheKey) {
    ExpectRefused(FieldType::kVarchar, Number("5", true));
    ExpectRefused(FieldType::kVarchar, Text(std::string(256, 'x')));
    ExpectRefused(FieldType::kDouble, Text("5"));
    ExpectRefused(FieldType::kMonetary, Number("5", true));
    ExpectRefused(FieldType::kMonetary, Money("5", "XXX"));
    ExpectRefused(FieldType::kMonetary, Money("5.5", "VND"));
    ExpectRefused(FieldType::kDate, Text("2026-02-30"));
    ExpectRefused(FieldType::kEnum, Number("3", true));
    ExpectRefused(FieldType::kEnum, Number("1.5", false));
    ExpectRefused(FieldType::kSet, Ids({1, 3}));
    ExpectRefused(FieldType::kSet, Number("1", true));
    ExpectRefused(FieldType::kPeople, Number("-1", true));
    ExpectRefused(FieldType::kOrg, Text("1"));
}

TEST(CustomField, BuildOptionsKeepsIdsAndNeverReusesThem) {
    Id last = 2;
    auto options = BuildOptions({{1, "a"}, {2, "b"}}, {{1, " A "}, {std::nullopt, "c"}}, last);
    ASSERT_TRUE(options.ok()) << options.status().ToString();
    ASSERT_EQ(options->size(), 2u);
    EXPECT_EQ((*options)[0].id, 1);
    EXPECT_EQ((*options)[0].label, "A");
    EXPECT_EQ((*options)[1].id, 3);
    EXPECT_EQ(last, 3);
}

TEST(CustomField, BuildOptionsRefusesBadLabelsAndUnknownIds) {
    Id last = 2;
    EXPECT_EQ(BuildOptions({}, {{std::nullopt, " "}}, last).status().field(), "options");
    EXPECT_EQ(BuildOptions({}, {{std::nullopt, "a"}, {std::nullopt, "a"}}, last).status().field(),
              "options");
    EXPECT_EQ(BuildOptions({}, {{std::nullopt, "a\tb"}}, last).status().field(), "options");
    EXPECT_EQ(BuildOptions({{1, "a"}}, {{9, "a"}}, last).status().field(), "options");
    EXPECT_EQ(last, 2) << "a refused change gives no ids";
}

TEST(CustomField, LiveOptionsOnlyDropsRemovedOptions) {
    CustomField field = Field(FieldType::kSet);
    EXPECT_EQ(LiveOptionsOnly(field, "2,5,1"), "2,1");
    EXPECT_EQ(LiveOptionsOnly(field, "5"), std::nullopt);
    field.type = FieldType::kVarchar;
    EXPECT_EQ(LiveOptionsOnly(field, "5"), "5");
}

TEST(CustomField, TypeNamesRoundTrip) {
    for (const char* name : {"varchar", "text", "double", "monetary", "date", "enum", "set",
                             "phone", "user", "people", "org"}) {
        auto type = ParseFieldType(name);
        ASSERT_TRUE(type) << name;
        EXPECT_EQ(FieldTypeName(*type), name);
    }
    EXPECT_FALSE(ParseFieldType("blob"));
}

}  // namespace
}  // namespace pipecrm::domain

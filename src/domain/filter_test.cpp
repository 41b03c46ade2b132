#include "domain/filter.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

FilterCondition Condition(std::string field, FilterOperator op, std::optional<std::string> value) {
    FilterCondition c;
    c.field = std::move(field);
    c.op = op;
    c.value = std::move(value);
    return c;
}

// The message of a failed validation of one deals condition in the "and" group.
std::string DealError(FilterCondition condition) {
    FilterConditions conditions;
    conditions.all.push_back(std::move(condition));
    Status status = ValidateFilterConditions(FilterType::kDeals, conditions);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(status.field(), "conditions");
    return status.message();
}

TEST(FilterConditions, NormalizesNumericIdsAliasesAndValues) {
    FilterConditions conditions;
    conditions.all.push_back(Condition("5", FilterOperator::kEqual, "2"));
    conditions.all.push_back(Condition("owner_id", FilterOperator::kEqual, "1"));
    conditions.any.push_back(Condition("expected_close_date", FilterOperator::kLess, "2026-03-01"));
    conditions.any.push_back(Condition("title", FilterOperator::kIsNull, "ignored"));
    ASSERT_TRUE(ValidateFilterConditions(FilterType::kDeals, conditions).ok());
    EXPECT_EQ(conditions.all[0].field, "stage_id");
    EXPECT_EQ(conditions.all[0].object, "deal");
    EXPECT_EQ(conditions.all[1].field, "user_id");
    EXPECT_EQ(conditions.any[0].value, "2026-03-01");
    EXPECT_FALSE(conditions.any[1].value.has_value());
}

TEST(FilterConditions, RefusesUnknownFieldsNamingTheCondition) {
    FilterConditions conditions;
    conditions.any.push_back(Condition("title", FilterOperator::kContains, "a"));
    conditions.any.push_back(Condition("colour", FilterOperator::kEqual, "red"));
    Status status = ValidateFilterConditions(FilterType::kDeals, conditions);
    EXPECT_EQ(status.field(), "conditions");
    EXPECT_NE(status.message().find("group 2, condition 2"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("colour"), std::string::npos);
}

TEST(FilterConditions, RefusesOperatorsThatDoNotFitTheField) {
    EXPECT_NE(DealError(Condition("title", FilterOperator::kGreater, "a")).find("operator >"),
              std::string::npos);
    EXPECT_NE(DealError(Condition("stage_id", FilterOperator::kContains, "1")).find("stage_id"),
              std::string::npos);
    DealError(Condition("status", FilterOperator::kLess, "open"));
}

TEST(FilterConditions, RefusesBadValues) {
    EXPECT_NE(DealError(Condition("stage_id", FilterOperator::kEqual, "two")).find("id"),
              std::string::npos);
    DealError(Condition("value", FilterOperator::kGreater, "1e999"));
    DealError(Condition("value", FilterOperator::kGreater, "12abc"));
    DealError(Condition("add_time", FilterOperator::kLess, "yesterday"));
    DealError(Condition("status", FilterOperator::kEqual, "deleted"));
    DealError(Condition("title", FilterOperator::kStartsWith, ""));
    DealError(Condition("title", FilterOperator::kEqual, std::nullopt));
}

TEST(FilterConditions, RefusesOtherObjectsAndTooManyConditions) {
    FilterCondition on_person = Condition("name", FilterOperator::kEqual, "An");
    on_person.object = "person";
    EXPECT_NE(DealError(on_person).find("person"), std::string::npos);

    FilterConditions many;
    for (int i = 0; i < 17; ++i) {
        many.all.push_back(Condition("id", FilterOperator::kEqual, "1"));
    }
    EXPECT_EQ(ValidateFilterConditions(FilterType::kDeals, many).field(), "conditions");
}

TEST(FilterConditions, EachTypeHasItsOwnFields) {
    FilterConditions person;
    person.all.push_back(Condition("name", FilterOperator::kContains, "Nguyễn"));
    EXPECT_TRUE(ValidateFilterConditions(FilterType::kPeople, person).ok());
    EXPECT_FALSE(ValidateFilterConditions(FilterType::kDeals, person).ok());
    FilterConditions activity;
    activity.all.push_back(Condition("done", FilterOperator::kEqual, "true"));
    ASSERT_TRUE(ValidateFilterConditions(FilterType::kActivity, activity).ok());
    EXPECT_EQ(activity.all[0].value, "1");
}

TEST(FilterNames, RoundTrip) {
    for (auto type : {FilterType::kDeals, FilterType::kOrg, FilterType::kPeople,
                      FilterType::kProducts, FilterType::kActivity}) {
        EXPECT_EQ(ParseFilterType(FilterTypeName(type)), type);
    }
    EXPECT_EQ(ParseFilterOperator("NOT LIKE '%$%'"), FilterOperator::kNotContains);
    EXPECT_FALSE(ParseFilterOperator("LIKE").has_value());
}

}  // namespace
}  // namespace pipecrm::domain

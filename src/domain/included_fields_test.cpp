// include_fields names: checked against each entity's catalog, in the order asked, each once.
#include "domain/included_fields.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

TEST(IncludeFields, KeepsTheOrderAskedAndDropsRepeats) {
    auto names = ParseIncludeFields(FieldEntity::kDeal,
                                    {"products_count", "first_won_time", "products_count"});
    ASSERT_TRUE(names.ok()) << names.status().ToString();
    EXPECT_EQ(*names, (std::vector<std::string_view>{"products_count", "first_won_time"}));
}

TEST(IncludeFields, UnknownNameIsInvalidArgumentNamingIncludeFieldsAndListingTheAllowed) {
    auto names = ParseIncludeFields(FieldEntity::kDeal, {"notes_count", "people_count"});
    ASSERT_FALSE(names.ok());
    EXPECT_EQ(names.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(names.status().field(), "include_fields");
    EXPECT_NE(names.status().message().find("'people_count'"), std::string::npos);
    EXPECT_NE(names.status().message().find("source_lead_id"), std::string::npos);
}

TEST(IncludeFields, EachEntityHasItsOwnCatalog) {
    EXPECT_TRUE(ParseIncludeFields(FieldEntity::kOrganization, {"people_count"}).ok());
    EXPECT_FALSE(ParseIncludeFields(FieldEntity::kPerson, {"people_count"}).ok());
    EXPECT_TRUE(ParseIncludeFields(FieldEntity::kPerson, {"marketing_status"}).ok());
    EXPECT_FALSE(ParseIncludeFields(FieldEntity::kOrganization, {"marketing_status"}).ok());
    EXPECT_FALSE(ParseIncludeFields(FieldEntity::kPerson, {"first_won_time"}).ok());
    EXPECT_EQ(IncludeFieldNames(FieldEntity::kDeal).size(), 16u);
    EXPECT_EQ(IncludeFieldNames(FieldEntity::kPerson).size(), 24u);
    EXPECT_EQ(IncludeFieldNames(FieldEntity::kOrganization).size(), 21u);
}

}  // namespace
}  // namespace pipecrm::domain

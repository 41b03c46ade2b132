#include "importer/column_mapping.hpp"

#include <gtest/gtest.h>

namespace pipecrm::importer {
namespace {

std::vector<std::string> Fields(const ColumnMapping& mapping) {
    std::vector<std::string> fields;
    for (const ColumnTarget& target : mapping.columns) {
        fields.push_back(target.ignored()       ? "-"
                         : target.field.empty() ? "custom:" + target.custom_key
                                                : target.field);
    }
    return fields;
}

TEST(ColumnMapping, RecognisesVietnameseHeaders) {
    auto mapping = MapColumns(
        ImportKind::kPersons,
        {"Họ và tên", "Số điện thoại", "SĐT", "E-mail", "Công ty", "Người phụ trách", "Ghi chú"},
        {}, {});
    ASSERT_TRUE(mapping.ok()) << mapping.status().message();
    EXPECT_EQ(Fields(*mapping), (std::vector<std::string>{"name", "phone", "phone", "email",
                                                          "organization", "owner", "-"}));
    EXPECT_EQ(mapping->ignored, (std::vector<std::string>{"Ghi chú"}));
}

TEST(ColumnMapping, ADealsEmailIsItsPersons) {
    auto mapping = MapColumns(ImportKind::kDeals,
                              {"Deal Title", "Value", "Giai đoạn", "Email", "close_date"}, {}, {});
    ASSERT_TRUE(mapping.ok());
    EXPECT_EQ(Fields(*mapping),
              (std::vector<std::string>{"title", "value", "stage", "person_email", "close_time"}));
}

TEST(ColumnMapping, OverridesAndCustomFieldsByName) {
    domain::CustomField source;
    source.key = "abc123";
    source.name = "Nguồn khách";
    auto by_header = MapColumns(ImportKind::kPersons, {"Name", "Nguon khach"}, {}, {source});
    ASSERT_TRUE(by_header.ok()) << by_header.status().message();
    EXPECT_EQ(Fields(*by_header), (std::vector<std::string>{"name", "custom:abc123"}));
    auto by_map = MapColumns(ImportKind::kPersons, {"Khách", "Tel", "Extra"},
                             {"Khách=name", "Tel=-", "Extra=Nguồn khách"}, {source});
    ASSERT_TRUE(by_map.ok()) << by_map.status().message();
    EXPECT_EQ(Fields(*by_map), (std::vector<std::string>{"name", "-", "custom:abc123"}));
}

TEST(ColumnMapping, RefusesTwoColumnsForOneField) {
    auto mapping = MapColumns(ImportKind::kOrganizations, {"Name", "Company"}, {}, {});
    ASSERT_FALSE(mapping.ok());
    EXPECT_EQ(mapping.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(mapping.status().field(), "Company");
}

TEST(ColumnMapping, RefusesAnUnknownOverride) {
    auto no_column = MapColumns(ImportKind::kPersons, {"Name"}, {"Nope=name"}, {});
    ASSERT_FALSE(no_column.ok());
    EXPECT_NE(no_column.status().message().find("no column \"Nope\""), std::string::npos);
    auto no_field = MapColumns(ImportKind::kPersons, {"Name"}, {"Name=shoe_size"}, {});
    ASSERT_FALSE(no_field.ok());
    EXPECT_NE(no_field.status().message().find("not a field of persons"), std::string::npos);
    EXPECT_EQ(no_field.status().field(), "map");
}

TEST(ColumnMapping, ApplyMappingTrimsAndDropsEmptyCells) {
    auto mapping =
        MapColumns(ImportKind::kPersons, {"name", "email", "email 2"}, {"email 2=email"}, {});
    ASSERT_TRUE(mapping.ok());
    auto row = ApplyMapping(*mapping, {7, {"  An ", "a@x.vn", " "}});
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->line, 7);
    EXPECT_EQ(row->Get("name"), "An");
    EXPECT_EQ(row->GetAll("email"), (std::vector<std::string>{"a@x.vn"}));
    auto too_long = ApplyMapping(*mapping, {8, {"An", "a@x.vn", "", "surprise"}});
    EXPECT_FALSE(too_long.ok());
}

}  // namespace
}  // namespace pipecrm::importer

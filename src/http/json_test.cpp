#include "http/json.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace pipecrm::http {
namespace {

TEST(JsonWriter, WritesNestedContainersWithCommas) {
    JsonWriter w;
    w.StartObject();
    w.Key("a").Int(1);
    w.Key("b").StartArray().Int(-2).Bool(true).Null().StartObject().EndObject().EndArray();
    w.Key("c").StartObject().Key("d").String("e").EndObject();
    w.Key("f").StartArray().EndArray();
    w.EndObject();
    EXPECT_EQ(w.Take(), R"({"a":1,"b":[-2,true,null,{}],"c":{"d":"e"},"f":[]})");
}

TEST(JsonWriter, EscapesStrings) {
    JsonWriter w;
    w.StartArray()
        .String("quote \" backslash \\ newline \n tab \t bell \x07 Tiếng Việt")
        .EndArray();
    const std::string json = w.Take();
    EXPECT_EQ(json, "[\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 Tiếng Việt\"]");
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    ASSERT_FALSE(doc.HasParseError());
    EXPECT_STREQ(doc[0].GetString(),
                 "quote \" backslash \\ newline \n tab \t bell \x07 Tiếng Việt");
}

TEST(JsonWriter, FormatsTimesAndDates) {
    JsonWriter w;
    w.StartArray()
        .Rfc3339(FromUnixSeconds(1767262800))
        .Rfc3339(std::nullopt)
        .Date(ParseDate("2026-02-28").value())
        .Date(std::nullopt)
        .Rfc3339(FromUnixSeconds(0))
        .EndArray();
    EXPECT_EQ(w.Take(),
              R"(["2026-01-01T10:20:00Z",null,"2026-02-28",null,"1970-01-01T00:00:00Z"])");
}

TEST(JsonWriter, RawAndOptionalValues) {
    JsonWriter w;
    w.StartObject()
        .Key("v")
        .Raw("1500.5")
        .Key("id")
        .OptionalId(std::nullopt)
        .Key("s")
        .OptionalString(std::string("x"))
        .EndObject();
    EXPECT_EQ(w.Take(), R"({"v":1500.5,"id":null,"s":"x"})");
}

}  // namespace
}  // namespace pipecrm::http

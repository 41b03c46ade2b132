#include "importer/csv_reader.hpp"

#include <gtest/gtest.h>

namespace pipecrm::importer {
namespace {

std::vector<CsvRecord> ReadAll(std::string_view text) {
    CsvReader reader(text);
    std::vector<CsvRecord> records;
    while (true) {
        auto record = reader.Next();
        EXPECT_TRUE(record.ok()) << record.status().message();
        if (!record.ok() || !record->has_value()) {
            return records;
        }
        records.push_back(**record);
    }
}

TEST(CsvReader, ReadsQuotedFieldsWithDelimitersQuotesAndNewlines) {
    auto records = ReadAll("name,note\r\n\"Trần, Thị B\",\"says \"\"hi\"\"\nthen bye\"\r\nA,b\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields,
              (std::vector<std::string>{"Trần, Thị B", "says \"hi\"\nthen bye"}));
    EXPECT_EQ(records[1].line, 2);
    EXPECT_EQ(records[2].line, 4) << "the quoted newline counts as a file line";
    EXPECT_EQ(records[2].fields, (std::vector<std::string>{"A", "b"}));
}

TEST(CsvReader, SkipsTheBomAndBlankLines) {
    auto records = ReadAll("\xEF\xBB\xBFname,email\n\nAn,an@x.vn\n\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields[0], "name");
    EXPECT_EQ(records[1].line, 3);
}

TEST(CsvReader, GuessesSemicolonTabAndPipe) {
    EXPECT_EQ(CsvReader("a;b;c\n1,5;2;3\n").delimiter(), ';');
    EXPECT_EQ(CsvReader("a\tb\n1\t2\n").delimiter(), '\t');
    EXPECT_EQ(CsvReader("a|b\n1|2\n").delimiter(), '|');
    EXPECT_EQ(CsvReader("a,b\n\"x;y;z\",2\n").delimiter(), ',');
    EXPECT_EQ(CsvReader("only\n1\n").delimiter(), ',');
}

TEST(CsvReader, KeepsEmptyTrailingFields) {
    auto records = ReadAll("a,b,c\n1,,\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "", ""}));
}

TEST(CsvReader, RefusesLatin1NamingTheLine) {
    CsvReader reader("name\nok\nNguy\xE9n\n");
    ASSERT_TRUE(reader.Next().ok());
    ASSERT_TRUE(reader.Next().ok());
    auto bad = reader.Next();
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(bad.status().message().find("line 3"), std::string::npos) << bad.status().message();
}

TEST(CsvReader, RefusesUtf16) {
    CsvReader reader(std::string_view("\xFF\xFEn\0a\0", 6));
    auto bad = reader.Next();
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("UTF-16"), std::string::npos);
}

TEST(CsvReader, RefusesAQuoteNeverClosed) {
    CsvReader reader("a,b\n\"open,1\n2,3\n");
    ASSERT_TRUE(reader.Next().ok());
    auto bad = reader.Next();
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("line 2"), std::string::npos) << bad.status().message();
}

// Skip (the whole-file check before an import) reads the records Next reads, and stops with the
// same error on the same line; quotes opening only at a field's start, as in Next.
TEST(CsvReader, SkipCountsTheRecordsAndErrorsNextReads) {
    const std::vector<std::string> texts = {
        "name,note\r\n\"Tr\xE1\xBA\xA7n, Th\xE1\xBB\x8B B\",\"says \"\"hi\"\"\nthen bye\"\r\nA,b\n",
        "\xEF\xBB\xBFname,email\n\nAn,an@x.vn\n\n",
        "a,b\nx\"y,\"\"\"z\n\"q\"\"\",r\n",
        "a,b\n\"\",\"open,1\n2,3\n",
        "name\nok\nNguy\xE9n\n",
        "a,b\n\"open,1\n2,3\n",
        "a;b\r1;2\r\r3;4",
    };
    for (const std::string& text : texts) {
        SCOPED_TRACE(text);
        CsvReader next(text);
        CsvReader skip(text);
        while (true) {
            auto record = next.Next();
            auto skipped = skip.Skip();
            ASSERT_EQ(record.ok(), skipped.ok());
            if (!record.ok()) {
                EXPECT_EQ(skipped.status().message(), record.status().message());
                EXPECT_EQ(skipped.status().field(), record.status().field());
                break;
            }
            ASSERT_EQ(*skipped, record->has_value());
            if (!*skipped) {
                break;
            }
            EXPECT_EQ(skip.position(), next.position());
        }
    }
}

}  // namespace
}  // namespace pipecrm::importer

// Import cases as data: each tests/import_cases/NAME.csv is imported by the real binary into a
// fresh database, and NAME.expected says what must come of it:
//   lang: en|vi                 the database's language (its pipeline's stage names)
//   import: KIND [OPTIONS...]   the command (the file and --db are added)
//   exit: N                     its exit code
//   out: TEXT / err: TEXT       text its stdout / stderr must contain (any number)
//   rejected: LINE | REASON     one row of NAME.csv.rejected.csv, in order (the file has no others)
//   no-rejected-file            no NAME.csv.rejected.csv may exist
//   export: KIND                then, up to the end, what `pipecrm export KIND` must print
// Lines starting with '#' say what the case shows.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"

namespace pipecrm::testing {
namespace {

const std::filesystem::path kCasesDir = PIPECRM_IMPORT_CASES_DIR;

std::string ReadText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string WithoutCarriageReturns(std::string text) {
    std::erase(text, '\r');
    return text;
}

std::string CsvField(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        return field;
    }
    std::string quoted = "\"";
    for (char c : field) {
        quoted += c == '"' ? "\"\"" : std::string(1, c);
    }
    return quoted + "\"";
}

std::vector<std::string> Words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) {
        words.push_back(word);
    }
    return words;
}

struct ImportCase {
    std::string lang = "en";
    std::vector<std::string> import;
    int exit = 0;
    std::vector<std::string> out;
    std::vector<std::string> err;
    std::vector<std::string> rejected;  ///< "LINE,REASON" as the file writes them
    bool no_rejected_file = false;
    std::string export_kind;
    std::string export_csv;
};

ImportCase ParseCase(const std::string& text) {
    ImportCase c;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!c.export_kind.empty()) {
            c.export_csv += line + "\n";
            continue;
        }
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const auto colon = line.find(": ");
        const std::string key = line.substr(0, colon);
        const std::string value = colon == std::string::npos ? "" : line.substr(colon + 2);
        if (key == "lang") {
            c.lang = value;
        } else if (key == "import") {
            c.import = Words(value);
        } else if (key == "exit") {
            c.exit = std::stoi(value);
        } else if (key == "out") {
            c.out.push_back(value);
        } else if (key == "err") {
            c.err.push_back(value);
        } else if (key == "rejected") {
            const auto bar = value.find(" | ");
            c.rejected.push_back(value.substr(0, bar) + "," + CsvField(value.substr(bar + 3)));
        } else if (key == "no-rejected-file") {
            c.no_rejected_file = true;
        } else if (key == "export") {
            c.export_kind = value;
        } else {
            ADD_FAILURE() << "unknown key in expected file: " << line;
        }
    }
    return c;
}

std::vector<std::string> CaseNames() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kCasesDir)) {
        if (entry.path().extension() == ".expected") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

class ImportCaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportCaseTest, ImportsAsExpected) {
    const std::string name = GetParam();
    const ImportCase expected = ParseCase(ReadText(kCasesDir / (name + ".expected")));
    ASSERT_FALSE(expected.import.empty()) << "the case names no import command";
    TempDir dir;
    const std::string db = dir.File("case.db");
    CommandResult init = RunPipecrm(
        {"init", "--db", db, "--admin-email", "admin@example.com", "--lang", expected.lang},
        {"PIPECRM_ADMIN_PASSWORD=correct horse"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    const std::string csv = dir.File(name + ".csv");
    std::filesystem::copy_file(kCasesDir / (name + ".csv"), csv);

    std::vector<std::string> args = {"import", expected.import[0], csv, "--db", db};
    args.insert(args.end(), expected.import.begin() + 1, expected.import.end());
    CommandResult import = RunPipecrm(args);
    EXPECT_EQ(import.exit_code, expected.exit) << import.out << import.err;
    for (const std::string& text : expected.out) {
        EXPECT_NE(import.out.find(text), std::string::npos) << "stdout lacks: " << text << "\n"
                                                            << import.out;
    }
    for (const std::string& text : expected.err) {
        EXPECT_NE(import.err.find(text), std::string::npos) << "stderr lacks: " << text << "\n"
                                                            << import.err;
    }
    const std::string rejected_path = csv + ".rejected.csv";
    if (expected.no_rejected_file) {
        EXPECT_FALSE(std::filesystem::exists(rejected_path));
    }
    if (!expected.rejected.empty()) {
        std::istringstream rejected(WithoutCarriageReturns(ReadText(rejected_path)));
        std::string line;
        std::getline(rejected, line);
        EXPECT_EQ(line.rfind("line,reason,", 0), 0u) << line;
        for (const std::string& prefix : expected.rejected) {
            ASSERT_TRUE(std::getline(rejected, line)) << "missing rejected row " << prefix;
            EXPECT_EQ(line.substr(0, prefix.size()), prefix);
        }
        EXPECT_FALSE(std::getline(rejected, line)) << "more rejected rows: " << line;
    }
    if (!expected.export_kind.empty()) {
        CommandResult exported = RunPipecrm({"export", expected.export_kind, "--db", db});
        ASSERT_EQ(exported.exit_code, 0) << exported.err;
        EXPECT_EQ(WithoutCarriageReturns(exported.out), expected.export_csv);
    }
}

INSTANTIATE_TEST_SUITE_P(Cases,
                         ImportCaseTest,
                         ::testing::ValuesIn(CaseNames()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             return param_info.param;
                         });

}  // namespace
}  // namespace pipecrm::testing

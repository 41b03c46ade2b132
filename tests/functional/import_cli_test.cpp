// pipecrm import and export on the real binary: dry runs, re-runs, round trips, bad input, and
// the real CRM Sales Opportunities dataset with its history.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "functional/api_fixture.hpp"
#include "support/process.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

const std::filesystem::path kDataset =
    std::filesystem::path(PIPECRM_SHARED_DATA_DIR) / "crm-sales-opportunities";

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void WriteText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string Query(const std::string& db, const std::string& sql) {
    return QueryRows(db, sql);
}

std::string Init(const TempDir& dir, const std::string& lang = "en") {
    const std::string db = dir.File("crm.db");
    CommandResult init =
        RunPipecrm({"init", "--db", db, "--admin-email", "admin@example.com", "--lang", lang},
                   {"PIPECRM_ADMIN_PASSWORD=correct horse"});
    EXPECT_EQ(init.exit_code, 0) << init.err;
    return db;
}

const char* kDeals =
    "title,value,currency,stage,status,organization,person_email,add_time,won_time,lost_time,"
    "lost_reason\n"
    "Alpha,1000,USD,Closing,won,Acme,a@acme.test,2024-01-02,2024-02-03,,\n"
    "Beta,\"2.000,50\",EUR,Prospecting,lost,Acme,,2024-01-05,,2024-03-01,Too pricey\n"
    "Gamma,300,USD,Nurturing,,Globex,g@globex.test,2024-02-01,,,\n"
    "Delta,400,USD,Segmenting,open,,,2024-02-10,,,\n";

TEST(ImportCli, HelpNamesTheCommandsAndTheirOptions) {
    CommandResult help = RunPipecrm({"import", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("usage: pipecrm import KIND FILE --db PATH"), std::string::npos)
        << help.out;
    for (const char* option : {"--map CSVCOL=FIELD", "--dry-run", "--on-duplicate", "--pipeline"}) {
        EXPECT_NE(help.out.find(option), std::string::npos) << option;
    }
    CommandResult all = RunPipecrm({"--help"});
    EXPECT_NE(all.out.find("import"), std::string::npos);
    EXPECT_NE(all.out.find("export"), std::string::npos);
}

TEST(ImportCli, BadArgumentsFailWithAMessageAndChangeNothing) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string csv = dir.File("p.csv");
    WriteText(csv, "name,email\nAn,an@example.vn\n");
    CommandResult kind = RunPipecrm({"import", "people", csv, "--db", db});
    EXPECT_EQ(kind.exit_code, 2);
    EXPECT_NE(kind.err.find("persons, organizations, deals or activities"), std::string::npos);
    CommandResult map = RunPipecrm({"import", "persons", csv, "--db", db, "--map", "Nope=name"});
    EXPECT_EQ(map.exit_code, 2);
    EXPECT_NE(map.err.find("the file has no column \"Nope\""), std::string::npos) << map.err;
    CommandResult dup =
        RunPipecrm({"import", "persons", csv, "--db", db, "--on-duplicate", "merge"});
    EXPECT_EQ(dup.exit_code, 2);
    CommandResult missing = RunPipecrm({"import", "persons", dir.File("none.csv"), "--db", db});
    EXPECT_EQ(missing.exit_code, 3);
    EXPECT_NE(missing.err.find("none.csv"), std::string::npos);
    CommandResult directory = RunPipecrm({"import", "persons", dir.File(""), "--db", db});
    EXPECT_EQ(directory.exit_code, 2);
    EXPECT_NE(directory.err.find("cannot read"), std::string::npos) << directory.err;
    CommandResult no_file = RunPipecrm({"import", "persons", "--db", db});
    EXPECT_EQ(no_file.exit_code, 2);
    CommandResult pipeline = RunPipecrm({"import", "deals", csv, "--db", db, "--pipeline", "99"});
    EXPECT_EQ(pipeline.exit_code, 2);
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM persons"), "0\n");
}

// A file from a pipe (a named one here; /dev/stdin alike) has no place beside it for the
// rejected rows: they go to the current directory, under the pipe's name.
TEST(ImportCli, RejectedRowsOfAPipeGoToTheCurrentDirectory) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string name = "import-pipe-" + std::to_string(getpid());
    const std::string fifo = dir.File(name);
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::thread writer([&fifo] {
        // Opening for writing succeeds once pipecrm opens it for reading; give up after 30 s
        // (pipecrm failed before reading), so that the test ends either way.
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        int fd = -1;
        while ((fd = open(fifo.c_str(), O_WRONLY | O_NONBLOCK)) < 0 && errno == ENXIO &&
               std::chrono::steady_clock::now() < give_up) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (fd >= 0) {
            const std::string csv = "name,email\nAn,an@example.vn\nBad,not-an-email\n";
            EXPECT_EQ(write(fd, csv.data(), csv.size()), static_cast<ssize_t>(csv.size()));
            close(fd);
        }
    });
    CommandResult result = RunPipecrm({"import", "persons", fifo, "--db", db});
    writer.join();
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const std::string rejected = name + ".rejected.csv";  // in the current directory
    EXPECT_NE(result.out.find("with their line and reason: " + rejected), std::string::npos)
        << result.out;
    EXPECT_NE(ReadText(rejected).find("not-an-email"), std::string::npos);
    std::remove(rejected.c_str());
    EXPECT_FALSE(std::filesystem::exists(fifo + ".rejected.csv"));
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM persons"), "1\n");
}

TEST(ImportCli, DryRunChangesNothingButCountsEverything) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string csv = dir.File("deals.csv");
    WriteText(csv, kDeals);
    CommandResult dry = RunPipecrm({"import", "deals", csv, "--db", db, "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("Dry run (nothing was changed)"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("4 rows, 4 created"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("2 organizations, 2 persons"), std::string::npos) << dry.out;
    EXPECT_EQ(Query(db,
                    "SELECT (SELECT COUNT(*) FROM deals) + (SELECT COUNT(*) FROM deal_events)"
                    " + (SELECT COUNT(*) FROM organizations) + (SELECT COUNT(*) FROM persons)"),
              "0\n");
}

TEST(ImportCli, DealsKeepTheirHistoryInTheEventLog) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string csv = dir.File("deals.csv");
    WriteText(csv, kDeals);
    CommandResult import = RunPipecrm({"import", "deals", csv, "--db", db});
    ASSERT_EQ(import.exit_code, 0) << import.err;
    EXPECT_NE(import.out.find("4 rows, 4 created, 0 updated, 0 skipped as duplicates, 0 rejected"),
              std::string::npos)
        << import.out;
    EXPECT_EQ(Query(db,
                    "SELECT d.title, e.kind, datetime(e.at, 'unixepoch') FROM deal_events e "
                    "JOIN deals d ON d.id = e.deal_id ORDER BY e.id"),
              "Alpha|created|2024-01-02 12:00:00\n"
              "Alpha|won|2024-02-03 12:00:00\n"
              "Beta|created|2024-01-05 12:00:00\n"
              "Beta|lost|2024-03-01 12:00:00\n"
              "Gamma|created|2024-02-01 12:00:00\n"
              "Delta|created|2024-02-10 12:00:00\n");
    EXPECT_EQ(
        Query(db, "SELECT title, status, value, currency, lost_reason FROM deals ORDER BY id"),
        "Alpha|won|100000|USD|\nBeta|lost|200050|EUR|Too pricey\nGamma|open|30000|USD|\n"
        "Delta|open|40000|USD|\n");
}

TEST(ImportCli, ReRunningAnInterruptedImportCreatesNoDuplicates) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string csv = dir.File("deals.csv");
    // The first half of the file landed before the interruption.
    const std::string all = kDeals;
    std::string half = all.substr(0, all.find("Gamma"));
    WriteText(csv, half);
    ASSERT_EQ(RunPipecrm({"import", "deals", csv, "--db", db}).exit_code, 0);
    WriteText(csv, all);
    CommandResult rerun = RunPipecrm({"import", "deals", csv, "--db", db});
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_NE(rerun.out.find("4 rows, 2 created, 0 updated, 2 skipped as duplicates"),
              std::string::npos)
        << rerun.out;
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM deals"), "4\n");
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM organizations"), "2\n");
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM persons"), "2\n");
}

TEST(ImportCli, AnExportImportsBackToTheSameData) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string csv = dir.File("deals.csv");
    WriteText(csv, kDeals);
    ASSERT_EQ(RunPipecrm({"import", "deals", csv, "--db", db}).exit_code, 0);
    for (const char* kind : {"deals", "persons", "organizations"}) {
        CommandResult first = RunPipecrm({"export", kind, "--db", db});
        ASSERT_EQ(first.exit_code, 0) << first.err;
        const std::string exported = dir.File(std::string(kind) + ".csv");
        WriteText(exported, first.out);
        // Into the same database: the id column updates the same records, which stay as they were.
        CommandResult same = RunPipecrm({"import", kind, exported, "--db", db});
        ASSERT_EQ(same.exit_code, 0) << same.err;
        EXPECT_NE(same.out.find("0 created"), std::string::npos) << kind << same.out;
        EXPECT_NE(same.out.find("0 rejected"), std::string::npos) << kind << same.out;
        EXPECT_EQ(RunPipecrm({"export", kind, "--db", db}).out, first.out) << kind;
    }
    // Into a fresh database, without the ids: the same records again.
    TempDir other;
    const std::string fresh = Init(other);
    for (const char* kind : {"organizations", "persons", "deals"}) {
        const std::string exported = dir.File(std::string(kind) + ".csv");
        CommandResult again =
            RunPipecrm({"import", kind, exported, "--db", fresh, "--map", "id=-"});
        ASSERT_EQ(again.exit_code, 0) << again.err;
        EXPECT_NE(again.out.find("0 rejected"), std::string::npos) << kind << again.out;
        EXPECT_EQ(RunPipecrm({"export", kind, "--db", fresh}).out, ReadText(exported)) << kind;
    }
    EXPECT_EQ(Query(fresh, "SELECT kind, datetime(at, 'unixepoch') FROM deal_events ORDER BY id"),
              Query(db, "SELECT kind, datetime(at, 'unixepoch') FROM deal_events ORDER BY id"));
}

TEST(ImportCli, PlainProgressLinesWhenNotATerminal) {
    TempDir dir;
    const std::string db = Init(dir);
    const std::string csv = dir.File("p.csv");
    WriteText(csv, "name\nAn\nBinh\n");
    CommandResult import = RunPipecrm({"import", "persons", csv, "--db", db});
    ASSERT_EQ(import.exit_code, 0);
    EXPECT_NE(import.err.find("import: 2/2 rows"), std::string::npos) << import.err;
    EXPECT_EQ(import.err.find('\r'), std::string::npos) << "no bar redrawn on a pipe";
}

class ImportWithSetup : public ApiTest {};

TEST_F(ImportWithSetup, CustomFieldsAreMappedByTheirNames) {
    JsonResponse source =
        Call("POST", "/api/v1/personFields",
             R"({"name":"Nguồn khách","field_type":"enum","options":["Hội chợ","Web"]})");
    ASSERT_EQ(source.status, 201) << source.body;
    const std::string source_key = source.json["data"]["key"].GetString();
    JsonResponse budget =
        Call("POST", "/api/v1/personFields", R"({"name":"Ngân sách","field_type":"monetary"})");
    ASSERT_EQ(budget.status, 201) << budget.body;
    const std::string budget_key = budget.json["data"]["key"].GetString();
    const std::string csv = dir_.File("persons.csv");
    WriteText(csv,
              "Họ tên,Nguồn khách,Extra\n"
              "An,hội chợ,\"1.500.000 VND\"\n"
              "Bình,Báo giấy,\n");
    CommandResult import =
        RunPipecrm({"import", "persons", csv, "--db", db_, "--map", "Extra=Ngân sách"});
    ASSERT_EQ(import.exit_code, 0) << import.err;
    EXPECT_NE(import.out.find("2 rows, 1 created, 0 updated, 0 skipped as duplicates, 1 rejected"),
              std::string::npos)
        << import.out;
    EXPECT_NE(ReadText(csv + ".rejected.csv")
                  .find("Nguồn khách: \"\"Báo giấy\"\" is not one of its options (Hội chợ, Web)"),
              std::string::npos)
        << ReadText(csv + ".rejected.csv");
    JsonResponse persons = Call("GET", "/api/v2/persons");
    ASSERT_EQ(persons.json["data"].Size(), 1u) << persons.body;
    const auto& fields = persons.json["data"][0]["custom_fields"];
    EXPECT_EQ(fields[source_key.c_str()].GetInt(),
              source.json["data"]["options"][0]["id"].GetInt());
    EXPECT_EQ(fields[budget_key.c_str()]["value"].GetInt(), 1500000);
    EXPECT_STREQ(fields[budget_key.c_str()]["currency"].GetString(), "VND");
    // The export writes the option's label, which imports back.
    CommandResult exported = RunPipecrm({"export", "persons", "--db", db_});
    EXPECT_NE(exported.out.find(",Hội chợ,1500000 VND"), std::string::npos) << exported.out;
}

TEST_F(ImportWithSetup, DealProductsByCodeWithQuantityAndPrice) {
    JsonResponse product = Call(
        "POST", "/api/v2/products",
        R"({"name":"Phần mềm CRM","code":"CRM-1","prices":[{"price":2000000,"currency":"VND"}]})");
    ASSERT_EQ(product.status, 201) << product.body;
    const std::string csv = dir_.File("deals.csv");
    WriteText(csv,
              "Tên giao dịch,Mã sản phẩm,Số lượng,Đơn giá,Sản phẩm\n"
              "Gói năm,CRM-1,3,\"1.500.000\",\n"
              "Gói theo giá niêm yết,,2,,phần mềm crm\n"
              "Không có,NOPE,1,,\n");
    CommandResult import = RunPipecrm({"import", "deals", csv, "--db", db_});
    ASSERT_EQ(import.exit_code, 0) << import.err;
    EXPECT_NE(import.out.find("3 rows, 2 created, 0 updated, 0 skipped as duplicates, 1 rejected"),
              std::string::npos)
        << import.out;
    EXPECT_EQ(
        Query(
            db_,
            "SELECT d.title, d.value, CAST(p.quantity * 10 AS INTEGER), p.item_price FROM deals d "
            "JOIN deal_products p ON p.deal_id = d.id ORDER BY d.id"),
        "Gói năm|4500000|30|1500000\nGói theo giá niêm yết|4000000|20|2000000\n");
}

// The real CRM Sales Opportunities dataset (8,800 deals of 2016-2017, 35 agents, 7 products, 85
// accounts), with the stages, products and reps it names created first.
class RealDataset : public ApiTest {};

TEST_F(RealDataset, ImportsEveryOpportunityWithItsHistory) {
    if (!std::filesystem::exists(kDataset / "sales_pipeline.csv")) {
        GTEST_SKIP() << "the dataset is not at " << kDataset;
    }
    for (const char* stage : {"Engaging"}) {
        JsonResponse created = Call("POST", "/api/v2/stages",
                                    std::string(R"({"name":")") + stage + R"(","pipeline_id":1})");
        ASSERT_EQ(created.status, 201) << created.body;
    }
    std::istringstream products(ReadText(kDataset / "products.csv"));
    std::string line;
    std::getline(products, line);
    while (std::getline(products, line)) {
        const std::string name = line.substr(0, line.find(','));
        const std::string price = line.substr(line.rfind(',') + 1);
        JsonResponse created = Call(
            "POST", "/api/v2/products",
            R"({"name":")" + name + R"(","prices":[{"price":)" + price + R"(,"currency":"USD"}]})");
        ASSERT_EQ(created.status, 201) << created.body;
    }
    server_.reset();
    std::istringstream teams(ReadText(kDataset / "sales_teams.csv"));
    std::getline(teams, line);
    while (std::getline(teams, line)) {
        const std::string agent = line.substr(0, line.find(','));
        std::string email;
        for (char c : agent) {
            email +=
                c == ' ' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        CommandResult added =
            RunPipecrm({"user", "add", "--db", db_, "--email", email + "@example.com", "--name",
                        agent, "--role", "member"});
        ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    const std::string accounts = dir_.File("accounts.csv");
    std::filesystem::copy_file(kDataset / "accounts.csv", accounts);
    CommandResult orgs = RunPipecrm({"import", "organizations", accounts, "--db", db_});
    ASSERT_EQ(orgs.exit_code, 0) << orgs.err;
    EXPECT_NE(orgs.out.find("85 rows, 85 created"), std::string::npos) << orgs.out;

    // The dataset's amounts are US dollars (SOURCE.md); its file names no currency, so this copy
    // adds the column. "Prospecting" is the first stage of the default pipeline already.
    std::istringstream pipeline(ReadText(kDataset / "sales_pipeline.csv"));
    std::string with_currency;
    for (bool header = true; std::getline(pipeline, line); header = false) {
        with_currency += line + (header ? ",currency\n" : ",USD\n");
    }
    const std::string deals = dir_.File("sales_pipeline.csv");
    WriteText(deals, with_currency);
    CommandResult imported = RunPipecrm({"import", "deals", deals, "--db", db_});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("8800 rows, 8800 created, 0 updated, 0 skipped as duplicates, "
                                "0 rejected"),
              std::string::npos)
        << imported.out;
    EXPECT_EQ(Query(db_, "SELECT status, COUNT(*) FROM deals GROUP BY status ORDER BY status"),
              "lost|2473\nopen|2089\nwon|4238\n");
    // Won on their close date: the event log and the deals agree with the file.
    EXPECT_EQ(Query(db_, "SELECT COUNT(*), SUM(value) FROM deals WHERE status = 'won'"),
              "4238|1000553400\n");
    EXPECT_EQ(Query(db_, "SELECT COUNT(*) FROM deal_events WHERE kind = 'won'"), "4238\n");
    EXPECT_EQ(Query(db_,
                    "SELECT u.name, p.name, o.name, d.add_time, e.at FROM deals d JOIN users u ON "
                    "u.id = d.owner_id "
                    "JOIN deal_events e ON e.deal_id = d.id AND e.kind = 'won' "
                    "JOIN deal_products dp ON dp.deal_id = d.id JOIN products p ON p.id = "
                    "dp.product_id JOIN organizations o ON o.id = d.org_id "
                    "WHERE d.title = '1C1I7A6R'"),
              // 2016-10-20 and 2017-03-01, 12:00 UTC
              "Moses Frase|GTX Plus Basic|Cancity|1476964800|1488369600\n");
    EXPECT_EQ(Query(db_, "SELECT COUNT(*) FROM organizations"), "85\n");

    CommandResult again = RunPipecrm({"import", "deals", deals, "--db", db_});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("8800 rows, 0 created, 0 updated, 8800 skipped as duplicates"),
              std::string::npos)
        << again.out;
    EXPECT_EQ(Query(db_, "SELECT COUNT(*) FROM deals"), "8800\n");
}

}  // namespace
}  // namespace pipecrm::testing

// kill -9 in the middle of an import: what the progress line reported done is committed, the
// database is intact, and importing the same file again completes it without duplicates.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <thread>

#include "support/process.hpp"

extern char** environ;

namespace pipecrm::testing {
namespace {

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string Query(const std::string& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    std::string result;
    sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr);
    while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(stmt, 0);
        result += text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return result;
}

// The last "import: N/M rows" line the importer wrote; 0 before the first.
long long LastReported(const std::string& progress) {
    static const std::regex kLine("import: ([0-9]+)/[0-9]+ rows");
    long long last = 0;
    for (auto it = std::sregex_iterator(progress.begin(), progress.end(), kLine);
         it != std::sregex_iterator(); ++it) {
        last = std::stoll((*it)[1]);
    }
    return last;
}

TEST(ImportCrash, WhatWasReportedSurvivesKillNineAndARerunCompletesIt) {
    TempDir dir;
    const std::string db = dir.File("crm.db");
    CommandResult init = RunPipecrm({"init", "--db", db, "--admin-email", "admin@example.com"},
                                    {"PIPECRM_ADMIN_PASSWORD=correct horse"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    const int rows = 30000;
    const std::string csv = dir.File("deals.csv");
    {
        std::ofstream out(csv);
        out << "title,value,organization,person_email,add_time\n";
        for (int i = 0; i < rows; ++i) {
            out << "Deal " << i << "," << (i % 1000) << ",Org " << i / 10 << ",p" << i / 3
                << "@example.com,2025-01-" << 1 + i % 28 << "\n";
        }
    }
    const std::string progress_path = dir.File("progress.log");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, progress_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const std::string binary = PipecrmBinary();
    std::vector<std::string> args = {binary, "import", "deals", csv, "--db", db};
    std::vector<char*> argv;
    for (std::string& arg : args) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);

    // Kill it as soon as it has reported some rows done (or let it finish, on a fast machine).
    int status = 0;
    bool exited = false;
    while (!exited && LastReported(ReadText(progress_path)) == 0) {
        exited = ::waitpid(pid, &status, WNOHANG) == pid;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!exited) {
        ::kill(pid, SIGKILL);
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    }
    const long long reported = LastReported(ReadText(progress_path));
    ASSERT_GT(reported, 0) << ReadText(progress_path);
    EXPECT_EQ(Query(db, "PRAGMA integrity_check"), "ok");
    const long long committed = std::stoll(Query(db, "SELECT COUNT(*) FROM deals"));
    std::cout << (exited ? "finished" : "killed") << " after " << reported << " rows reported, "
              << committed << " committed\n";
    EXPECT_GE(committed, reported) << "every row reported done is committed";
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM deal_events WHERE kind = 'created'"),
              std::to_string(committed))
        << "no deal without its history";

    CommandResult rerun = RunPipecrm({"import", "deals", csv, "--db", db});
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_NE(rerun.out.find(std::to_string(rows - committed) + " created, 0 updated, " +
                             std::to_string(committed) + " skipped as duplicates"),
              std::string::npos)
        << rerun.out;
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM deals"), std::to_string(rows));
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM organizations"), std::to_string(rows / 10));
    EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM persons"), std::to_string(rows / 3));
}

}  // namespace
}  // namespace pipecrm::testing

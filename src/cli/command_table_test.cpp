#include "cli/command_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace pipecrm::cli {
namespace {

// An environment with no database behind it: commands that reach OpenStore fail loudly.
class NoStoreEnvironment final : public Environment {
  public:
    std::ostream& out() override { return out_; }
    std::ostream& err() override { return err_; }
    const Clock& clock() override { return clock_; }
    std::optional<std::string> GetEnv(const char*) override { return std::nullopt; }
    std::optional<std::string> AskSecret(const std::string&) override { return std::nullopt; }
    bool FileExists(const std::string&) override { return false; }
    Result<std::unique_ptr<domain::Store>> OpenStore(const std::string&, bool) override {
        return Unavailable("no store in this test");
    }
    Status Serve(domain::Store&, const ServeOptions&) override { return Internal("unused"); }
    Status Backup(const std::string&, const std::string&) override { return Internal("unused"); }
    Result<std::vector<MigrationCheck>> Migrate(const std::string&,
                                                const std::string&,
                                                const MigrationProgress&) override {
        return Internal("unused");
    }
    Result<std::string> ReadFile(const std::string&) override { return Internal("unused"); }
    Status WriteFile(const std::string&, const std::string&) override { return Internal("unused"); }
    void RemoveFile(const std::string&) override {}
    bool IsRegularFile(const std::string&) override { return false; }
    bool ErrIsTerminal() override { return false; }

    std::ostringstream out_;
    std::ostringstream err_;
    SystemClock clock_;
};

TEST(CommandTable, EveryErrorCodeHasANonZeroExitCode) {
    std::set<int> codes;
    for (ErrorCode code : kAllErrorCodes) {
        EXPECT_NE(ExitCodeFor(code), 0) << ErrorCodeName(code);
        codes.insert(ExitCodeFor(code));
    }
    EXPECT_EQ(codes.size(), std::size(kAllErrorCodes)) << "each code gets its own exit code";
}

TEST(CommandTable, HelpListsEveryCommand) {
    const std::string help = HelpText();
    for (const Command& command : Commands()) {
        EXPECT_NE(help.find(command.name), std::string::npos) << command.name;
        // Every command names its database with --db; migrate names two, --from and --to.
        const char* names_db = command.name == std::string("migrate") ? "--to" : "--db";
        EXPECT_NE(CommandHelp(command).find(names_db), std::string::npos) << command.name;
    }
}

TEST(CommandTable, UnknownCommandIsAUsageError) {
    NoStoreEnvironment env;
    EXPECT_EQ(RunCommandLine({"frobnicate"}, env), 2);
    EXPECT_NE(env.err_.str().find("unknown command"), std::string::npos);
}

TEST(CommandTable, MissingRequiredOptionNamesIt) {
    NoStoreEnvironment env;
    EXPECT_EQ(RunCommandLine({"token", "create", "--db", "x.db"}, env), 2);
    EXPECT_NE(env.err_.str().find("missing --email"), std::string::npos);
}

TEST(CommandTable, UnknownOptionIsRejected) {
    NoStoreEnvironment env;
    EXPECT_EQ(RunCommandLine({"serve", "--db", "x.db", "--colour", "red"}, env), 2);
    EXPECT_NE(env.err_.str().find("unknown option --colour"), std::string::npos);
}

TEST(CommandTable, InitWithoutPasswordOrTerminalFails) {
    NoStoreEnvironment env;
    int code = RunCommandLine({"init", "--db", "x.db", "--admin-email", "a@b.c"}, env);
    EXPECT_EQ(code, ExitCodeFor(ErrorCode::kInvalidArgument));
    EXPECT_NE(env.err_.str().find("PIPECRM_ADMIN_PASSWORD"), std::string::npos);
}

TEST(CommandTable, ServeRejectsABadListenAddress) {
    NoStoreEnvironment env;
    EXPECT_NE(RunCommandLine({"serve", "--db", "x.db", "--listen", "8080"}, env), 0);
    EXPECT_NE(env.err_.str().find("HOST:PORT"), std::string::npos);
}

TEST(CommandTable, CommandHelpExitsZero) {
    NoStoreEnvironment env;
    EXPECT_EQ(RunCommandLine({"backup", "--help"}, env), 0);
    EXPECT_NE(env.out_.str().find("--to FILE"), std::string::npos);
}

}  // namespace
}  // namespace pipecrm::cli

#include "cli/command_table.hpp"

#include <ostream>

#include "cli/commands.hpp"

namespace pipecrm::cli {

const std::string& Arguments::Get(const std::string& name) const {
    static const std::string kEmpty;
    auto found = values_.find(name);
    return found == values_.end() ? kEmpty : found->second;
}

const std::vector<std::string>& Arguments::GetAll(const std::string& name) const {
    static const std::vector<std::string> kNone;
    auto found = repeated_.find(name);
    return found == repeated_.end() ? kNone : found->second;
}

void Arguments::Add(const std::string& name, std::string value) {
    repeated_[name].push_back(value);
    values_[name] = std::move(value);
}
namespace {

// --db of every command that opens a database.
OptionSpec DbOption() {
    return {"db", "PATH|URL",
            "the SQLite database file, or a PostgreSQL database as "
            "postgresql://USER@HOST:PORT/DBNAME",
            true, ""};
}

// The report names of reports::ReportNames(), one `pipecrm report NAME` command each.
constexpr char kFunnel[] = "funnel";
constexpr char kConversion[] = "conversion";
constexpr char kStageTime[] = "stage-time";
constexpr char kStalled[] = "stalled";
constexpr char kLostReasons[] = "lost-reasons";
constexpr char kLeaderboard[] = "leaderboard";
constexpr char kForecast[] = "forecast";
constexpr char kGoals[] = "goals";

template <const char* kName>
Command ReportCommand(const char* summary) {
    return {std::string("report ") + kName,
            summary,
            {DbOption(),
             {"workspace", "NAME", "the workspace, by name (default: the first one)", false, ""},
             {"pipeline", "ID", "the pipeline (default: the first one)", false, ""},
             {"from", "DATE", "first day of the period, YYYY-MM-DD in the workspace's time zone",
              false, ""},
             {"to", "DATE", "last day of the period (inclusive)", false, ""},
             {"owner", "ID", "only this user's deals and activities", false, ""},
             {"team", "ID", "only those of this team's members", false, ""},
             {"format", "table|csv|json", "how to print the report", false, "table"}},
            RunNamedReport<kName>};
}

}  // namespace

const std::vector<Command>& Commands() {
    static const OptionSpec kDb = DbOption();
    static const OptionSpec kWorkspace{
        "workspace", "NAME", "the workspace, by name (default: the first one)", false, ""};
    static const OptionSpec kEmail{"email", "EMAIL", "the user's email", true, ""};
    static const OptionSpec kRole{"role", "admin|manager|member", "what the user may see and do",
                                  true, ""};
    static const std::vector<Command> kCommands = {
        {"init",
         "create a new database with one workspace, its admin and the default sales pipeline",
         {kDb,
          {"admin-email", "EMAIL", "the admin's email (their sign-in)", true, ""},
          {"admin-name", "NAME", "the admin's display name (default: the email)", false, ""},
          {"workspace", "NAME", "the workspace (company) name", false, "My company"},
          {"lang", "en|vi", "language of the pipeline and stage names", false, "en"}},
         RunInit},
        {"serve",
         "serve the web API on the database",
         {kDb,
          {"listen", "HOST:PORT", "address to listen on (port 0 picks a free one)", false,
           "127.0.0.1:8080"},
          {"threads", "N", "server threads", false, "2"},
          {"cache-mb", "N", "memory for repeated GET answers, kept until the data changes (0: off)",
           false, "64"},
          {"trust-proxy", "", "believe X-Forwarded-Proto (Secure cookies) and X-Forwarded-For",
           false, ""},
          {"session-idle", "DURATION", "sign out a browser session unused this long (30m, 8h)",
           false, "8h"},
          {"session-max-age", "DURATION", "sign out a browser session this long after sign-in",
           false, "7d"},
          {"webhook-timeout", "DURATION", "how long a webhook receiver gets to answer", false,
           "10s"},
          {"webhook-first-retry", "DURATION",
           "wait before retrying a failed webhook delivery; doubles each time, for a day", false,
           "30s"}},
         RunServe},
        {"demo",
         "fill the database with realistic demo data (creates the database if absent)",
         {kDb,
          {"deals", "N", "how many deals", false, "200"},
          {"seed", "N", "random seed; the same seed gives the same data", false, "1"},
          {"admin-email", "EMAIL", "admin of a newly created demo database", false,
           "admin@demo.pipecrm.local"},
          {"lang", "en|vi", "language of a newly created demo database", false, "vi"}},
         RunDemo},
        {"workspace create",
         "add a workspace (tenant) with its admin and the default sales pipeline",
         {kDb,
          {"name", "NAME", "the workspace (company) name, unique in the database", true, ""},
          {"admin-email", "EMAIL", "the admin's email (their sign-in)", true, ""},
          {"admin-name", "NAME", "the admin's display name (default: the email)", false, ""},
          {"lang", "en|vi", "language of the pipeline and stage names", false, "en"}},
         RunWorkspaceCreate},
        {"workspace set",
         "change a workspace's settings",
         {kDb,
          kWorkspace,
          {"default-visibility", "1|3|5|7",
           "visibility of new records when a request names none: 1 owner, 3 or 5 owner's "
           "teams, 7 whole workspace",
           true, ""}},
         RunWorkspaceSet},
        {"user add",
         "add a user to the workspace (password: PIPECRM_USER_PASSWORD, a terminal, or none)",
         {kDb,
          kWorkspace,
          kEmail,
          {"name", "NAME", "the display name (default: the email)", false, ""},
          kRole,
          {"team", "TEAM", "a team to add the user to", false, ""}},
         RunUserAdd},
        {"user list",
         "list the workspace's users with their roles and teams",
         {kDb, kWorkspace},
         RunUserList},
        {"user disable",
         "disable a user: they can no longer sign in and their API tokens stop working",
         {kDb, kWorkspace, kEmail},
         RunUserDisable},
        {"user reset-password",
         "set a user's password (from PIPECRM_USER_PASSWORD, or asked on a terminal)",
         {kDb, kWorkspace, kEmail},
         RunUserResetPassword},
        {"user set-role", "change a user's role", {kDb, kWorkspace, kEmail, kRole}, RunUserSetRole},
        {"team add",
         "add a team",
         {kDb,
          kWorkspace,
          {"name", "TEAM", "the team's name, unique in the workspace", true, ""},
          {"manager", "EMAIL", "the user who manages the team", false, ""}},
         RunTeamAdd},
        {"team list",
         "list the workspace's teams with their managers and members",
         {kDb, kWorkspace},
         RunTeamList},
        {"team add-member",
         "add a user to a team",
         {kDb, kWorkspace, {"team", "TEAM", "the team's name", true, ""}, kEmail},
         RunTeamAddMember},
        {"token create",
         "create an API token for a user and print it (only the token) on stdout",
         {kDb,
          kWorkspace,
          {"email", "EMAIL", "the user the token acts for", true, ""},
          {"name", "NAME", "a label to recognise the token by", false, "cli"}},
         RunTokenCreate},
        {"token list",
         "list API tokens: id, user, name, created, last used, revoked (never the token)",
         {kDb, kWorkspace, {"email", "EMAIL", "only this user's tokens", false, ""}},
         RunTokenList},
        {"token revoke",
         "revoke an API token (by its id in token list); it stops working at once",
         {kDb, kWorkspace, {"id", "N", "the token's id", true, ""}},
         RunTokenRevoke},
        {"audit list",
         "show the workspace's audit log of security events, newest first",
         {kDb, kWorkspace, {"limit", "N", "how many entries", false, "50"}},
         RunAuditList},
        {"import",
         "import a CSV file of persons, organizations, deals or activities (KIND), with "
         "duplicates found and rejected rows written to FILE.rejected.csv (from a pipe such as "
         "/dev/stdin: NAME.rejected.csv in the current directory)",
         {kDb,
          kWorkspace,
          {"map", "CSVCOL=FIELD",
           "read a column as this field (or a custom field's name or key; - ignores it)", false, "",
           true},
          {"dry-run", "", "check and count everything, change nothing", false, ""},
          {"on-duplicate", "skip|update|create",
           "a row matching an existing record (persons: email or phone; organizations: name; "
           "deals: title, organization and add time)",
           false, "skip"},
          {"pipeline", "ID",
           "deals: the pipeline whose stage names the file uses (default: the "
           "first)",
           false, ""}},
         RunImport,
         {"KIND", "FILE"}},
        {"export",
         "write a workspace's persons, organizations, deals, activities or notes (KIND) as CSV "
         "on stdout, in columns import reads back",
         {kDb, kWorkspace},
         RunExport,
         {"KIND"}},
        {"merge",
         "merge two persons or two organizations (KIND): the one --id names moves into the one "
         "--merge-with-id names, with its deals, activities and notes, and is deleted",
         {kDb,
          kWorkspace,
          {"id", "N", "the record merged away", true, ""},
          {"merge-with-id", "N", "the record that stays", true, ""}},
         RunMerge,
         {"KIND"}},
        ReportCommand<kFunnel>(
            "shows, per stage, the deals that reached it in the period, moved on, "
            "were won, lost or are still open, by count and value"),
        ReportCommand<kConversion>(
            "shows stage-to-stage conversion rates and the win rate won / (won + lost)"),
        ReportCommand<kStageTime>("shows average, median and p90 days in each stage, and the "
                                  "bottleneck stage"),
        ReportCommand<kStalled>("shows open deals past their stage's rotting days, and open deals "
                                "with no future activity, per owner"),
        ReportCommand<kLostReasons>("shows lost deals by reason and by the stage lost at"),
        ReportCommand<kLeaderboard>("shows per owner and team: activities done, deals added, won, "
                                    "lost, win rate, won value, days to win"),
        ReportCommand<kForecast>("shows open deals by expected close month, raw and weighted, "
                                 "beside the value won per month"),
        ReportCommand<kGoals>("shows each goal's target beside what was achieved in its periods"),
        {"report rebuild",
         "rebuild the reports' derived data (the funnel's, the leaderboard's, stage-time's and "
         "the forecast's, "
         "docs/reports.md) from "
         "the deal event log, in every time zone it is kept in; reports keep it current on "
         "their own, so this is for history changed outside pipecrm",
         {kDb, kWorkspace},
         RunReportRebuild},
        {"report portfolio",
         "shows the projects of a project pipeline with their status (on track, at risk, late), "
         "the projects per stage and status, each person's hours per week across all projects "
         "with over-allocation flagged, and the time in each stage",
         {kDb,
          kWorkspace,
          {"pipeline", "ID", "the project pipeline (default: the first one)", false, ""},
          {"weeks", "N", "workload weeks from the current one (1-52)", false, "8"},
          {"capacity", "HOURS", "hours a week a person can give before over-allocation", false,
           "40"},
          {"format", "table|csv|json", "how to print the report", false, "table"}},
         RunPortfolioReport},
        {"goal add",
         "add a goal: a target per month, quarter or year for a user, a team or the workspace",
         {kDb,
          kWorkspace,
          {"assignee-type", "user|team|workspace", "whose goal it is", true, ""},
          {"assignee-id", "ID", "the user or team (not for the workspace)", false, ""},
          {"metric", "won_value|deals_won|activities_done", "what is counted", true, ""},
          {"target", "N", "the target per period (won_value: an amount in the base currency)", true,
           ""},
          {"period", "month|quarter|year", "how long each period is", false, "month"},
          {"start", "YYYY-MM-DD", "the first period's first day", true, ""},
          {"pipeline", "ID", "count only deals of this pipeline", false, ""}},
         RunGoalAdd},
        {"goal list", "show the workspace's goals", {kDb, kWorkspace}, RunGoalList},
        {"goal delete",
         "delete a goal (by its id in goal list)",
         {kDb, kWorkspace, {"id", "N", "the goal's id", true, ""}},
         RunGoalDelete},
        {"forecast snapshot",
         "store the forecast as it stands now, for forecast-against-actual in later reports "
         "(the server also takes one a day)",
         {kDb, kWorkspace},
         RunForecastSnapshot},
        {"rate set",
         "add an exchange rate into the workspace's base currency for a date (admins; a new "
         "version of that date's rate for open deals and deals closed from now on)",
         {kDb,
          kWorkspace,
          {"currency", "CODE", "the currency converted from, e.g. USD", true, ""},
          {"date", "YYYY-MM-DD", "the day the rate is for", true, ""},
          {"rate", "DECIMAL", "units of the base currency one unit buys, e.g. 25400.5", true, ""}},
         RunRateSet},
        {"rate list",
         "show the workspace's base currency and exchange rates in force",
         {kDb, kWorkspace},
         RunRateList},
        {"backup",
         "copy the database consistently, also while the server runs",
         {kDb, {"to", "FILE", "where to write the copy (must not exist)", true, ""}},
         RunBackup},
        {"migrate",
         "copy a SQLite database with its full history into an empty PostgreSQL database, then "
         "compare row counts and report totals on both sides",
         {{"from", "PATH", "the SQLite database file", true, ""},
          {"to", "URL", "the PostgreSQL database, postgresql://USER@HOST:PORT/DBNAME", true, ""}},
         RunMigrate},
    };
    return kCommands;
}

int ExitCodeFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk:
            return 0;
        case ErrorCode::kInvalidArgument:
            return 2;
        case ErrorCode::kNotFound:
            return 3;
        case ErrorCode::kAlreadyExists:
            return 4;
        case ErrorCode::kFailedPrecondition:
            return 5;
        case ErrorCode::kUnauthenticated:
            return 6;
        case ErrorCode::kPermissionDenied:
            return 7;
        case ErrorCode::kConflict:
            return 8;
        case ErrorCode::kUnavailable:
            return 9;
        case ErrorCode::kInternal:
            return 10;
        case ErrorCode::kResourceExhausted:
            return 11;
    }
    return 10;
}

std::string CommandHelp(const Command& command) {
    std::string text = "usage: pipecrm " + command.name;
    for (const std::string& positional : command.positionals) {
        text += " " + positional;
    }
    for (const OptionSpec& option : command.options) {
        std::string part = "--" + option.name;
        if (!option.value_name.empty()) {
            part += " " + option.value_name;
        }
        text += option.required ? " " + part : " [" + part + "]";
        if (option.repeatable) {
            text += "...";
        }
    }
    text += "\n\n" + command.summary + "\n\noptions:\n";
    for (const OptionSpec& option : command.options) {
        std::string left = "  --" + option.name;
        if (!option.value_name.empty()) {
            left += " " + option.value_name;
        }
        left.resize(std::max<std::size_t>(left.size() + 2, 26), ' ');
        text += left + option.help;
        if (!option.default_value.empty()) {
            text += " (default: " + option.default_value + ")";
        }
        text += "\n";
    }
    return text;
}

std::string HelpText() {
    std::string text =
        "pipecrm — a self-hosted sales-pipeline CRM\n\n"
        "usage: pipecrm COMMAND [options]\n\ncommands:\n";
    for (const Command& command : Commands()) {
        std::string left = "  " + command.name;
        left.resize(std::max<std::size_t>(left.size() + 2, 24), ' ');
        text += left + command.summary + "\n";
    }
    text +=
        "\n'pipecrm COMMAND --help' shows a command's options.\n"
        "Secrets come from the environment: PIPECRM_ADMIN_PASSWORD for init, demo and\n"
        "workspace create, PIPECRM_USER_PASSWORD for user add and user reset-password\n"
        "(asked on a terminal when unset).\n"
        "Without --workspace, commands act on the first workspace.\n";
    return text;
}

namespace {

const Command* FindCommand(const std::vector<std::string>& argv, std::size_t& consumed) {
    for (const Command& command : Commands()) {
        const bool two_words = command.name.find(' ') != std::string::npos;
        if (two_words && argv.size() >= 2 && argv[0] + " " + argv[1] == command.name) {
            consumed = 2;
            return &command;
        }
        if (!two_words && !argv.empty() && argv[0] == command.name) {
            consumed = 1;
            return &command;
        }
    }
    return nullptr;
}

Result<Arguments> Parse(const Command& command,
                        const std::vector<std::string>& argv,
                        std::size_t start) {
    Arguments args;
    std::size_t positional = 0;
    for (std::size_t i = start; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        if (word.rfind("--", 0) != 0) {
            if (positional < command.positionals.size()) {
                args.Set(command.positionals[positional++], word);
                continue;
            }
            return InvalidArgument("unexpected argument \"" + word + "\"");
        }
        std::string name = word.substr(2);
        std::string value;
        bool has_inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_inline_value = true;
        }
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& option : command.options) {
            if (option.name == name) {
                spec = &option;
            }
        }
        if (spec == nullptr) {
            return InvalidArgument("unknown option --" + name + " for 'pipecrm " + command.name +
                                   "'");
        }
        if (!spec->value_name.empty() && !has_inline_value) {
            if (i + 1 >= argv.size()) {
                return InvalidArgument("--" + name + " needs a value (" + spec->value_name + ")");
            }
            value = argv[++i];
        }
        if (spec->repeatable) {
            args.Add(name, value);
        } else {
            args.Set(name, value);
        }
    }
    if (positional < command.positionals.size()) {
        return InvalidArgument("missing " + command.positionals[positional]);
    }
    for (const OptionSpec& option : command.options) {
        if (!args.Has(option.name)) {
            if (option.required) {
                return InvalidArgument("missing --" + option.name + " " + option.value_name);
            }
            if (!option.default_value.empty()) {
                args.Set(option.name, option.default_value);
            }
        }
    }
    return args;
}

bool WantsHelp(const std::vector<std::string>& argv) {
    for (const std::string& word : argv) {
        if (word == "--help" || word == "-h") {
            return true;
        }
    }
    return false;
}

}  // namespace

int RunCommandLine(const std::vector<std::string>& argv, Environment& env) {
    if (argv.empty() || argv[0] == "help" || argv[0] == "--help" || argv[0] == "-h") {
        (argv.empty() ? env.err() : env.out()) << HelpText();
        return argv.empty() ? 2 : 0;
    }
    if (argv[0] == "version" || argv[0] == "--version") {
        env.out() << "pipecrm " << PIPECRM_VERSION << "\n";
        return 0;
    }
    std::size_t consumed = 0;
    const Command* command = FindCommand(argv, consumed);
    if (command == nullptr) {
        env.err() << "pipecrm: unknown command \"" << argv[0] << "\"\n\n" << HelpText();
        return 2;
    }
    if (WantsHelp(argv)) {
        env.out() << CommandHelp(*command);
        return 0;
    }
    auto args = Parse(*command, argv, consumed);
    if (!args.ok()) {
        env.err() << "pipecrm " << command->name << ": " << args.status().message() << "\n\n"
                  << CommandHelp(*command);
        return 2;
    }
    Status status = command->run(*args, env);
    if (!status.ok()) {
        env.err() << "pipecrm " << command->name << ": " << status.message() << "\n";
        return ExitCodeFor(status.code());
    }
    return 0;
}

}  // namespace pipecrm::cli

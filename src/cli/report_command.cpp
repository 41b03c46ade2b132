// pipecrm report NAME: one report (src/reports) as a table, CSV or JSON; and pipecrm rate
// set/list: the workspace's dated exchange rates into its base currency.
#include <chrono>
#include <limits>
#include <ostream>

#include "cli/commands.hpp"
#include "reports/exchange_rate_service.hpp"
#include "reports/forecast_snapshot.hpp"
#include "reports/goal_service.hpp"
#include "reports/report_catalog.hpp"
#include "reports/report_facts.hpp"
#include "reports/report_render.hpp"

namespace pipecrm::cli {
namespace {

Result<OptionalId> IdOption(const Arguments& args, const std::string& name) {
    if (!args.Has(name) || args.Get(name).empty()) {
        return OptionalId();
    }
    auto id = PositiveIntOption(args, name, std::numeric_limits<Id>::max());
    if (!id.ok()) {
        return id.status();
    }
    return OptionalId(*id);
}

Result<std::optional<Date>> DateOption(const Arguments& args, const std::string& name) {
    if (!args.Has(name) || args.Get(name).empty()) {
        return std::optional<Date>();
    }
    auto date = ParseDate(args.Get(name));
    if (!date.ok()) {
        return InvalidArgument("--" + name + ": " + date.status().message(), name);
    }
    return std::optional<Date>(*date);
}

template <typename T>
Status Into(Result<T>&& result, T& out) {
    if (!result.ok()) {
        return result.status();
    }
    out = std::move(*result);
    return Status::Ok();
}

}  // namespace

Status RunReport(const std::string& name, const Arguments& args, Environment& env) {
    reports::ReportRequest request;
    PIPECRM_RETURN_IF_ERROR(Into(IdOption(args, "pipeline"), request.pipeline_id));
    PIPECRM_RETURN_IF_ERROR(Into(IdOption(args, "owner"), request.owner_id));
    PIPECRM_RETURN_IF_ERROR(Into(IdOption(args, "team"), request.team_id));
    PIPECRM_RETURN_IF_ERROR(Into(DateOption(args, "from"), request.from));
    PIPECRM_RETURN_IF_ERROR(Into(DateOption(args, "to"), request.to));
    const std::string& format = args.Get("format");
    if (format != "table" && format != "csv" && format != "json") {
        return InvalidArgument("--format must be table, csv or json", "format");
    }
    request.now = env.clock().Now();
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    domain::Store& store = *session->store;
    const Id workspace_id = session->actor.workspace_id;
    PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
        auto workspace = repos.Workspaces().Get(workspace_id);
        if (!workspace.ok()) {
            return workspace.status();
        }
        request.time_zone = workspace->time_zone;
        return Status::Ok();
    }));
    // Derived data (the funnel's) first folds in what changed since the last report.
    PIPECRM_RETURN_IF_ERROR(
        reports::PrepareReport(store, workspace_id, request.time_zone, name, request.now));
    std::optional<reports::ReportTable> table;
    PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
        auto result = reports::LoadAndRunReport(repos, workspace_id, name, request);
        if (!result.ok()) {
            return result.status();
        }
        table = std::move(*result);
        return Status::Ok();
    }));
    if (format == "json") {
        env.out() << reports::RenderJson(*table) << "\n";
    } else if (format == "csv") {
        env.out() << reports::RenderCsv(*table);
    } else {
        env.out() << reports::RenderText(*table);
    }
    return Status::Ok();
}

Status RunReportRebuild(const Arguments& args, Environment& env) {
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    domain::Store& store = *session->store;
    const Id workspace_id = session->actor.workspace_id;
    std::string time_zone;
    PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
        auto workspace = repos.Workspaces().Get(workspace_id);
        if (!workspace.ok()) {
            return workspace.status();
        }
        time_zone = workspace->time_zone;
        return Status::Ok();
    }));
    int rebuilt = 0;
    const bool terminal = env.ErrIsTerminal();
    auto last_line = std::chrono::steady_clock::now();
    PIPECRM_RETURN_IF_ERROR(reports::RebuildReportFacts(
        store, workspace_id, time_zone, env.clock().Now(),
        [&](const std::string& report, const std::string& zone, std::size_t done,
            std::size_t total) {
            if (total == 0) {  // a report and zone begins
                env.err() << "rebuilding the derived data of " << report << " in " << zone
                          << "...\n";
                ++rebuilt;
                return;
            }
            const bool finished = done >= total;
            const auto now = std::chrono::steady_clock::now();
            if (terminal) {
                const std::size_t width = 30;
                const std::size_t filled = done * width / total;
                env.err() << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ')
                          << "] " << done << "/" << total << (finished ? "\n" : "") << std::flush;
            } else if (finished || now - last_line >= std::chrono::seconds(2)) {
                last_line = now;
                env.err() << "report rebuild: " << report << ", " << done << "/" << total
                          << " folded\n";
            }
        }));
    env.out() << "rebuilt " << rebuilt << " report data set" << (rebuilt == 1 ? "" : "s")
              << " (report and time zone)\n";
    return Status::Ok();
}

Status RunRateSet(const Arguments& args, Environment& env) {
    reports::RateInput input;
    input.currency = args.Get("currency");
    PIPECRM_RETURN_IF_ERROR(Into(DateOption(args, "date"), input.date));
    input.rate = args.Get("rate");
    std::optional<domain::ExchangeRate> added;
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto rate = reports::AddExchangeRate(repos, actor, input, env.clock().Now());
            if (!rate.ok()) {
                return rate.status();
            }
            added = *rate;
            return Status::Ok();
        }));
    env.out() << "1 " << added->currency << " = " << added->rate << " (base currency) on "
              << FormatDate(added->rate_date) << "\n";
    return Status::Ok();
}

Status RunRateList(const Arguments& args, Environment& env) {
    std::vector<std::vector<std::string>> rows;
    std::string base;
    PIPECRM_RETURN_IF_ERROR(ReadInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto current = reports::ListExchangeRates(repos, actor.workspace_id);
            if (!current.ok()) {
                return current.status();
            }
            base = current->base_currency;
            for (const domain::ExchangeRate& r : current->rates) {
                rows.push_back(
                    {r.currency, FormatDate(r.rate_date), r.rate, FormatSqlTime(r.entered_time)});
            }
            return Status::Ok();
        }));
    env.out() << "base currency: " << base << "\n";
    PrintTable(env.out(), {"currency", "date", "rate", "entered"}, rows);
    return Status::Ok();
}

Status RunGoalAdd(const Arguments& args, Environment& env) {
    reports::GoalInput input;
    input.assignee_type = args.Get("assignee-type");
    PIPECRM_RETURN_IF_ERROR(Into(IdOption(args, "assignee-id"), input.assignee_id));
    input.metric = args.Get("metric");
    input.target = args.Get("target");
    input.period = args.Get("period");
    PIPECRM_RETURN_IF_ERROR(Into(DateOption(args, "start"), input.start_date));
    PIPECRM_RETURN_IF_ERROR(Into(IdOption(args, "pipeline"), input.pipeline_id));
    Id id = 0;
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto goal = reports::AddGoal(repos, actor, input, env.clock().Now());
            if (!goal.ok()) {
                return goal.status();
            }
            id = goal->id;
            return Status::Ok();
        }));
    env.out() << "goal " << id << " added\n";
    return Status::Ok();
}

Status RunGoalList(const Arguments& args, Environment& env) {
    std::vector<std::vector<std::string>> rows;
    PIPECRM_RETURN_IF_ERROR(ReadInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto workspace = repos.Workspaces().Get(actor.workspace_id);
            auto goals = repos.Reports().Goals(actor.workspace_id);
            if (!workspace.ok() || !goals.ok()) {
                return !workspace.ok() ? workspace.status() : goals.status();
            }
            for (const domain::Goal& g : *goals) {
                rows.push_back(
                    {std::to_string(g.id), std::string(domain::GoalAssigneeName(g.assignee)),
                     g.assignee_id ? std::to_string(*g.assignee_id) : "-",
                     std::string(domain::GoalMetricName(g.metric)),
                     g.metric == domain::GoalMetric::kWonValue
                         ? FormatAmount(g.target, workspace->default_currency)
                         : std::to_string(g.target),
                     std::string(domain::GoalPeriodName(g.period)), FormatDate(g.start_date),
                     g.pipeline_id ? std::to_string(*g.pipeline_id) : "-"});
            }
            return Status::Ok();
        }));
    PrintTable(env.out(),
               {"id", "assignee", "assignee_id", "metric", "target", "period", "start", "pipeline"},
               rows);
    return Status::Ok();
}

Status RunGoalDelete(const Arguments& args, Environment& env) {
    auto id = PositiveIntOption(args, "id", std::numeric_limits<Id>::max());
    if (!id.ok()) {
        return id.status();
    }
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            return repos.Reports().DeleteGoal(actor.workspace_id, *id);
        }));
    env.out() << "goal " << *id << " deleted\n";
    return Status::Ok();
}

Status RunForecastSnapshot(const Arguments& args, Environment& env) {
    int rows = 0;
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto taken = reports::TakeForecastSnapshot(repos, actor.workspace_id, env.clock().Now(),
                                                       reports::SnapshotWhen::kAlways);
            if (!taken.ok()) {
                return taken.status();
            }
            rows = *taken;
            return Status::Ok();
        }));
    env.out() << "forecast snapshot taken: " << rows << " rows\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

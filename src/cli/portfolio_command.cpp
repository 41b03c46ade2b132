// pipecrm report portfolio: the projects of a project pipeline by stage and status, per-person
// weekly workload with over-allocation flagged, and time in stage (src/reports/portfolio.*).
#include <limits>
#include <ostream>

#include "cli/commands.hpp"
#include "reports/portfolio.hpp"

namespace pipecrm::cli {

Status RunPortfolioReport(const Arguments& args, Environment& env) {
    reports::PortfolioRequest request;
    if (args.Has("pipeline") && !args.Get("pipeline").empty()) {
        auto id = PositiveIntOption(args, "pipeline", std::numeric_limits<Id>::max());
        if (!id.ok()) {
            return id.status();
        }
        request.pipeline_id = *id;
    }
    auto weeks = PositiveIntOption(args, "weeks", 52);
    if (!weeks.ok()) {
        return weeks.status();
    }
    request.weeks = static_cast<int>(*weeks);
    auto capacity = PositiveIntOption(args, "capacity", 168);
    if (!capacity.ok()) {
        return capacity.status();
    }
    request.capacity = static_cast<int>(*capacity);
    const std::string& format = args.Get("format");
    if (format != "table" && format != "csv" && format != "json") {
        return InvalidArgument("--format must be table, csv or json", "format");
    }
    request.now = env.clock().Now();
    std::optional<reports::Portfolio> portfolio;
    PIPECRM_RETURN_IF_ERROR(ReadInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            auto workspace = repos.Workspaces().Get(actor.workspace_id);
            if (!workspace.ok()) {
                return workspace.status();
            }
            request.time_zone = workspace->time_zone;
            auto result = reports::LoadPortfolio(repos, actor.workspace_id, request);
            if (!result.ok()) {
                return result.status();
            }
            portfolio = std::move(*result);
            return Status::Ok();
        }));
    if (format == "json") {
        env.out() << reports::RenderPortfolioJson(*portfolio) << "\n";
    } else if (format == "csv") {
        env.out() << reports::RenderPortfolioCsv(*portfolio);
    } else {
        env.out() << reports::RenderPortfolioText(*portfolio);
    }
    return Status::Ok();
}

}  // namespace pipecrm::cli

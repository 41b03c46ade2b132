#include "reports/portfolio.hpp"

#include <algorithm>
#include <map>

#include "base/money.hpp"
#include "domain/project_service.hpp"
#include "domain/project_status.hpp"
#include "domain/project_workload.hpp"
#include "reports/report_catalog.hpp"
#include "reports/report_render.hpp"
#include "text/time_zone.hpp"

namespace pipecrm::reports {
namespace {

Cell OptionalDate(const std::optional<Date>& date) {
    return date ? Cell::Text(FormatDate(*date)) : Cell::Null();
}

// The first live project pipeline by order, or the one asked for.
Result<domain::Pipeline> ChoosePipeline(domain::Repositories& repos,
                                        Id workspace_id,
                                        OptionalId pipeline_id) {
    domain::ListOptions all;
    all.limit = 1000;
    all.sort = domain::SortField::kOrderNr;
    auto pipelines = repos.Pipelines().List(workspace_id, all);
    if (!pipelines.ok()) {
        return pipelines.status();
    }
    for (const domain::Pipeline& p : *pipelines) {
        if (p.kind == domain::PipelineKind::kProject && (!pipeline_id || *pipeline_id == p.id)) {
            return p;
        }
    }
    if (pipeline_id) {
        return InvalidArgument(
            "pipeline " + std::to_string(*pipeline_id) + " is not a project pipeline",
            "pipeline_id");
    }
    return FailedPrecondition(
        "the workspace has no project pipeline yet: add one with kind \"project\"");
}

// User names by id, looked up once each.
class UserNames {
  public:
    UserNames(domain::Repositories& repos, Id workspace_id)
        : repos_(repos), workspace_id_(workspace_id) {}
    std::string Name(Id id) {
        auto found = names_.find(id);
        if (found != names_.end()) {
            return found->second;
        }
        auto user = repos_.Users().Get(workspace_id_, id);
        std::string name = user.ok() ? user->name : "user " + std::to_string(id);
        names_.emplace(id, name);
        return name;
    }

  private:
    domain::Repositories& repos_;
    Id workspace_id_;
    std::map<Id, std::string> names_;
};

ReportTable ProjectsTable(const std::vector<domain::Project>& projects,
                          const std::map<Id, std::string>& stage_names,
                          UserNames& users,
                          Instant now,
                          Date today) {
    ReportTable table;
    table.report = "portfolio";
    table.columns = {"id",       "title",           "stage",           "status",
                     "progress", "start_date",      "due_date",        "owner",
                     "members",  "hours_per_week",  "open_high_risks", "open_milestones",
                     "budget",   "budget_currency", "days_in_stage",   "deal_status"};
    std::int64_t counts[3] = {0, 0, 0};
    for (const domain::Project& p : projects) {
        int hours = 0;
        for (const domain::ProjectMember& m : p.members) {
            hours += m.hours_per_week;
        }
        const domain::ProjectFacts facts = domain::FactsOf(p, today);
        std::int64_t open_milestones = 0;
        for (const domain::ProjectMilestone& m : p.milestones) {
            open_milestones += m.done ? 0 : 1;
        }
        const Instant since = p.deal.stage_change_time.value_or(p.deal.add_time);
        const auto days = std::chrono::duration_cast<std::chrono::hours>(now - since).count() / 24;
        auto stage = stage_names.find(p.deal.stage_id);
        counts[static_cast<int>(p.status)] += 1;
        table.rows.push_back(
            {Cell::Int(p.deal.id), Cell::Text(p.deal.title),
             Cell::Text(stage == stage_names.end() ? "" : stage->second),
             Cell::Text(std::string(domain::ProjectStatusName(p.status))),
             Cell::Int(p.details.progress), OptionalDate(p.details.start_date),
             OptionalDate(p.details.due_date), Cell::Text(users.Name(p.deal.owner_id)),
             Cell::Int(static_cast<std::int64_t>(p.members.size())), Cell::Int(hours),
             Cell::Int(facts.open_high_risks), Cell::Int(open_milestones),
             p.details.budget.currency.empty()
                 ? Cell::Null()
                 : Cell::Text(
                       FormatAmount(p.details.budget.minor_units, p.details.budget.currency)),
             p.details.budget.currency.empty() ? Cell::Null()
                                               : Cell::Text(p.details.budget.currency),
             Cell::Int(days > 0 ? days : 0),
             Cell::Text(std::string(domain::DealStatusName(p.deal.status)))});
    }
    table.summary = {{"projects", Cell::Int(static_cast<std::int64_t>(projects.size()))},
                     {"on_track", Cell::Int(counts[0])},
                     {"at_risk", Cell::Int(counts[1])},
                     {"late", Cell::Int(counts[2])}};
    return table;
}

ReportTable StagesTable(const std::vector<domain::Project>& projects,
                        const std::vector<domain::Stage>& stages) {
    ReportTable table;
    table.report = "portfolio-stages";
    table.columns = {"stage_id", "stage", "projects", "on_track", "at_risk", "late"};
    for (const domain::Stage& stage : stages) {
        std::int64_t counts[3] = {0, 0, 0};
        std::int64_t total = 0;
        for (const domain::Project& p : projects) {
            if (p.deal.stage_id == stage.id && p.deal.status == domain::DealStatus::kOpen) {
                counts[static_cast<int>(p.status)] += 1;
                total += 1;
            }
        }
        table.rows.push_back({Cell::Int(stage.id), Cell::Text(stage.name), Cell::Int(total),
                              Cell::Int(counts[0]), Cell::Int(counts[1]), Cell::Int(counts[2])});
    }
    return table;
}

ReportTable WorkloadTable(const std::vector<domain::Project>& all_projects,
                          UserNames& users,
                          Date first_week,
                          const PortfolioRequest& request) {
    ReportTable table;
    table.report = "portfolio-workload";
    table.columns = {"user_id", "person"};
    for (int w = 0; w < request.weeks; ++w) {
        table.columns.push_back(FormatDate(first_week + std::chrono::days{7 * w}));
    }
    table.columns.push_back("peak_hours");
    table.columns.push_back("over_allocated");
    const auto workload = domain::ComputeWorkload(domain::AllocationsOf(all_projects), first_week,
                                                  request.weeks, request.capacity);
    std::int64_t over = 0;
    for (const domain::PersonWorkload& person : workload) {
        std::vector<Cell> row = {Cell::Int(person.user_id), Cell::Text(users.Name(person.user_id))};
        int peak = 0;
        for (int hours : person.hours) {
            row.push_back(Cell::Int(hours));
            peak = std::max(peak, hours);
        }
        row.push_back(Cell::Int(peak));
        row.push_back(Cell::Text(person.over_allocated ? "yes" : "no"));
        over += person.over_allocated ? 1 : 0;
        table.rows.push_back(std::move(row));
    }
    table.summary = {{"capacity", Cell::Int(request.capacity)},
                     {"weeks", Cell::Int(request.weeks)},
                     {"people", Cell::Int(static_cast<std::int64_t>(workload.size()))},
                     {"over_allocated", Cell::Int(over)}};
    return table;
}

}  // namespace

Result<Portfolio> LoadPortfolio(domain::Repositories& repos,
                                Id workspace_id,
                                const PortfolioRequest& request) {
    if (request.weeks < 1 || request.weeks > 52) {
        return InvalidArgument("weeks must be between 1 and 52", "weeks");
    }
    if (request.capacity < 1 || request.capacity > 168) {
        return InvalidArgument("capacity must be between 1 and 168 hours", "capacity");
    }
    auto today = text::LocalDay(request.now, request.time_zone);
    if (!today.ok()) {
        return today.status();
    }
    auto pipeline = ChoosePipeline(repos, workspace_id, request.pipeline_id);
    if (!pipeline.ok()) {
        return pipeline.status();
    }
    domain::ListOptions all;
    all.limit = 1000;
    all.sort = domain::SortField::kOrderNr;
    auto stages = repos.Stages().List(workspace_id, pipeline->id, all);
    if (!stages.ok()) {
        return stages.status();
    }
    std::sort(stages->begin(), stages->end(), [](const domain::Stage& a, const domain::Stage& b) {
        return a.order_nr < b.order_nr;
    });
    std::map<Id, std::string> stage_names;
    for (const domain::Stage& s : *stages) {
        stage_names[s.id] = s.name;
    }
    auto all_projects = domain::LoadProjects(repos, workspace_id, std::nullopt, *today);
    if (!all_projects.ok()) {
        return all_projects.status();
    }
    std::vector<domain::Project> projects;
    for (const domain::Project& p : *all_projects) {
        if (p.deal.pipeline_id == pipeline->id) {
            projects.push_back(p);
        }
    }
    ReportRequest stage_request;
    stage_request.pipeline_id = pipeline->id;
    stage_request.now = request.now;
    stage_request.time_zone = request.time_zone;
    auto stage_time = LoadAndRunReport(repos, workspace_id, "stage-time", stage_request);
    if (!stage_time.ok()) {
        return stage_time.status();
    }
    UserNames users(repos, workspace_id);
    Portfolio portfolio;
    portfolio.projects = ProjectsTable(projects, stage_names, users, request.now, *today);
    portfolio.projects.base_currency = stage_time->base_currency;
    portfolio.projects.summary.insert(portfolio.projects.summary.begin(),
                                      {"pipeline_id", Cell::Int(pipeline->id)});
    portfolio.stages = StagesTable(projects, *stages);
    portfolio.stages.base_currency = stage_time->base_currency;
    portfolio.workload = WorkloadTable(*all_projects, users, domain::WeekStart(*today), request);
    portfolio.workload.base_currency = stage_time->base_currency;
    portfolio.stage_time = std::move(*stage_time);
    return portfolio;
}

std::string RenderPortfolioJson(const Portfolio& p) {
    return "{\"projects\":" + RenderJson(p.projects) + ",\"stages\":" + RenderJson(p.stages) +
           ",\"workload\":" + RenderJson(p.workload) +
           ",\"stage_time\":" + RenderJson(p.stage_time) + "}";
}

std::string RenderPortfolioCsv(const Portfolio& p) {
    return RenderCsv(p.projects) + "\r\n" + RenderCsv(p.stages) + "\r\n" + RenderCsv(p.workload) +
           "\r\n" + RenderCsv(p.stage_time);
}

std::string RenderPortfolioText(const Portfolio& p) {
    return RenderText(p.projects) + "\n" + RenderText(p.stages) + "\n" + RenderText(p.workload) +
           "\n" + RenderText(p.stage_time);
}

}  // namespace pipecrm::reports

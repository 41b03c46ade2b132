#include "domain/project_service.hpp"

#include <algorithm>
#include <map>

#include "domain/pipeline_service.hpp"
#include "domain/project_status.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

// The id of the pipeline's last live stage (0 when it has none).
Result<Id> LastStage(Repositories& repos, Id workspace_id, Id pipeline_id) {
    ListOptions all;
    all.limit = 1000;
    auto stages = repos.Stages().List(workspace_id, pipeline_id, all);
    if (!stages.ok()) {
        return stages.status();
    }
    Id last = 0;
    int order = -1;
    for (const Stage& stage : *stages) {
        if (stage.order_nr > order) {
            order = stage.order_nr;
            last = stage.id;
        }
    }
    return last;
}

// The project side rows of one project (`deal_id`) or of all, grouped by deal id.
struct SideRows {
    std::map<Id, ProjectDetails> details;
    std::map<Id, std::vector<ProjectMember>> members;
    std::map<Id, std::vector<ProjectRisk>> risks;
    std::map<Id, std::vector<ProjectMilestone>> milestones;
    std::map<Id, std::vector<Id>> links;
};

Result<SideRows> ReadSideRows(Repositories& repos, Id workspace_id, OptionalId deal_id) {
    ProjectRepository& projects = repos.Projects();
    SideRows rows;
    auto details = projects.Details(workspace_id, deal_id);
    auto members = projects.Members(workspace_id, deal_id);
    auto risks = projects.Risks(workspace_id, deal_id);
    auto milestones = projects.Milestones(workspace_id, deal_id);
    auto links = projects.LinkedDeals(workspace_id, deal_id);
    for (const Status& status : {details.status(), members.status(), risks.status(),
                                 milestones.status(), links.status()}) {
        if (!status.ok()) {
            return status;
        }
    }
    for (ProjectDetails& d : *details) {
        rows.details[d.deal_id] = std::move(d);
    }
    for (ProjectMember& m : *members) {
        rows.members[m.deal_id].push_back(std::move(m));
    }
    for (ProjectRisk& r : *risks) {
        rows.risks[r.deal_id].push_back(std::move(r));
    }
    for (ProjectMilestone& m : *milestones) {
        rows.milestones[m.deal_id].push_back(std::move(m));
    }
    for (const auto& [project, linked] : *links) {
        rows.links[project].push_back(linked);
    }
    return rows;
}

template <typename T>
T Take(std::map<Id, T>& by_deal, Id deal_id) {
    auto found = by_deal.find(deal_id);
    return found == by_deal.end() ? T{} : std::move(found->second);
}

Project Assemble(Deal deal, SideRows& rows, Id last_stage_id, Date today) {
    Project project;
    const Id id = deal.id;
    auto details = rows.details.find(id);
    if (details != rows.details.end()) {
        project.details = details->second;
    } else {
        project.details.workspace_id = deal.workspace_id;
        project.details.deal_id = id;
    }
    project.members = Take(rows.members, id);
    project.risks = Take(rows.risks, id);
    project.milestones = Take(rows.milestones, id);
    project.linked_deal_ids = Take(rows.links, id);
    project.finished = deal.status != DealStatus::kOpen || deal.stage_id == last_stage_id;
    project.deal = std::move(deal);
    project.status = DeriveProjectStatus(FactsOf(project, today), today);
    return project;
}

// The live project pipeline or kNotFound/kInvalidArgument naming `field`.
Result<Pipeline> ProjectPipeline(Repositories& repos, Id workspace_id, Id pipeline_id) {
    auto pipeline = GetLivePipeline(repos, workspace_id, pipeline_id);
    if (!pipeline.ok() || pipeline->kind != PipelineKind::kProject) {
        return InvalidArgument(
            "pipeline " + std::to_string(pipeline_id) + " is not a project pipeline",
            "pipeline_id");
    }
    return pipeline;
}

Status ApplyChange(ProjectDetails& details, const ProjectChange& change, const Actor& actor) {
    if (change.start_date) {
        details.start_date = *change.start_date;
    }
    if (change.due_date) {
        details.due_date = *change.due_date;
    }
    if (change.progress) {
        details.progress = *change.progress;
    }
    if (change.budget_currency) {
        details.budget.currency = *change.budget_currency;
    }
    if (change.budget) {
        if (details.budget.currency.empty()) {
            details.budget.currency = actor.default_currency;
        }
        if (!IsKnownCurrency(details.budget.currency)) {
            return InvalidArgument("unknown currency " + details.budget.currency,
                                   "budget_currency");
        }
        auto amount = ParseAmount(*change.budget, details.budget.currency);
        if (!amount.ok()) {
            return InvalidArgument(amount.status().message(), "budget");
        }
        details.budget.minor_units = *amount;
    }
    return ValidateProjectDetails(details);
}

Status Apply(ProjectRisk& risk, const RiskChange& change) {
    if (change.description) {
        risk.description = *change.description;
    }
    if (change.likelihood) {
        risk.likelihood = *change.likelihood;
    }
    if (change.impact) {
        risk.impact = *change.impact;
    }
    if (change.contingency) {
        risk.contingency = *change.contingency;
    }
    if (change.status) {
        risk.status = *change.status;
    }
    return ValidateProjectRisk(risk);
}

Status Apply(ProjectMilestone& milestone, const MilestoneChange& change) {
    if (change.name) {
        milestone.name = *change.name;
    }
    if (change.due_date) {
        milestone.due_date = *change.due_date;
    }
    if (change.done) {
        milestone.done = *change.done;
    }
    return ValidateProjectMilestone(milestone);
}

// The item of `items` whose id is `id`; kNotFound naming it as `what` otherwise.
template <typename T>
Result<T> FindById(const std::vector<T>& items, Id id, const char* what) {
    auto found =
        std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
    if (found == items.end()) {
        return NotFound(std::string(what) + " " + std::to_string(id) + " not found");
    }
    return *found;
}

// What a new item needs besides what Apply checks: a milestone its date.
Status CheckNew(const RiskChange&) {
    return Status::Ok();
}
Status CheckNew(const MilestoneChange& change) {
    return change.due_date ? Status::Ok() : InvalidArgument("due_date is required", "due_date");
}

// Where each kind of a project's items is stored.
Status Insert(ProjectRepository& projects, const ProjectRisk& risk) {
    return projects.InsertRisk(risk).status();
}
Status Insert(ProjectRepository& projects, const ProjectMilestone& milestone) {
    return projects.InsertMilestone(milestone).status();
}
Status Update(ProjectRepository& projects, const ProjectRisk& risk) {
    return projects.UpdateRisk(risk);
}
Status Update(ProjectRepository& projects, const ProjectMilestone& milestone) {
    return projects.UpdateMilestone(milestone);
}

// Adds an item (a risk, a milestone) made from `change` to the project; the project after.
template <typename Item, typename Change>
Result<Project> AddItem(Repositories& repos,
                        const Actor& actor,
                        Id deal_id,
                        const Change& change,
                        Instant now,
                        Date today) {
    auto project = LoadProject(repos, actor.workspace_id, deal_id, today);
    if (!project.ok()) {
        return project.status();
    }
    PIPECRM_RETURN_IF_ERROR(CheckNew(change));
    Item item;
    item.workspace_id = actor.workspace_id;
    item.deal_id = deal_id;
    PIPECRM_RETURN_IF_ERROR(Apply(item, change));
    item.add_time = now;
    item.update_time = now;
    PIPECRM_RETURN_IF_ERROR(Insert(repos.Projects(), item));
    return LoadProject(repos, actor.workspace_id, deal_id, today);
}

// Changes the project's item `item_id` of `items` (kNotFound naming it as `what` when the
// project has none); the project after.
template <typename Item, typename Change>
Result<Project> UpdateItem(Repositories& repos,
                           const Actor& actor,
                           Id deal_id,
                           std::vector<Item> Project::*items,
                           Id item_id,
                           const char* what,
                           const Change& change,
                           Instant now,
                           Date today) {
    auto project = LoadProject(repos, actor.workspace_id, deal_id, today);
    if (!project.ok()) {
        return project.status();
    }
    auto item = FindById((*project).*items, item_id, what);
    if (!item.ok()) {
        return item.status();
    }
    PIPECRM_RETURN_IF_ERROR(Apply(*item, change));
    item->update_time = now;
    PIPECRM_RETURN_IF_ERROR(Update(repos.Projects(), *item));
    return LoadProject(repos, actor.workspace_id, deal_id, today);
}

}  // namespace

Result<Project> LoadProject(Repositories& repos, Id workspace_id, Id deal_id, Date today) {
    auto deal = GetLiveDeal(repos, workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    auto pipeline = GetLivePipeline(repos, workspace_id, deal->pipeline_id);
    if (!pipeline.ok() || pipeline->kind != PipelineKind::kProject) {
        return NotFound("project " + std::to_string(deal_id) + " not found");
    }
    auto last = LastStage(repos, workspace_id, pipeline->id);
    if (!last.ok()) {
        return last.status();
    }
    auto rows = ReadSideRows(repos, workspace_id, deal_id);
    if (!rows.ok()) {
        return rows.status();
    }
    return Assemble(std::move(*deal), *rows, *last, today);
}

Result<std::vector<Project>> LoadProjects(Repositories& repos,
                                          Id workspace_id,
                                          OptionalId pipeline_id,
                                          Date today) {
    std::vector<Pipeline> pipelines;
    if (pipeline_id) {
        auto pipeline = ProjectPipeline(repos, workspace_id, *pipeline_id);
        if (!pipeline.ok()) {
            return pipeline.status();
        }
        pipelines.push_back(std::move(*pipeline));
    } else {
        ListOptions all;
        all.limit = 1000;
        all.sort = SortField::kOrderNr;
        auto listed = repos.Pipelines().List(workspace_id, all);
        if (!listed.ok()) {
            return listed.status();
        }
        for (Pipeline& p : *listed) {
            if (p.kind == PipelineKind::kProject) {
                pipelines.push_back(std::move(p));
            }
        }
    }
    std::vector<Project> out;
    if (pipelines.empty()) {
        return out;
    }
    auto rows = ReadSideRows(repos, workspace_id, std::nullopt);
    if (!rows.ok()) {
        return rows.status();
    }
    for (const Pipeline& pipeline : pipelines) {
        auto last = LastStage(repos, workspace_id, pipeline.id);
        if (!last.ok()) {
            return last.status();
        }
        DealQuery query;
        query.workspace_id = workspace_id;
        query.pipeline_id = pipeline.id;
        query.options.limit = kMaxProjectsPerPipeline;
        query.options.sort = SortField::kId;
        auto deals = repos.Deals().List(query);
        if (!deals.ok()) {
            return deals.status();
        }
        if (deals->size() > static_cast<std::size_t>(kMaxProjectsPerPipeline)) {
            deals->resize(static_cast<std::size_t>(kMaxProjectsPerPipeline));
        }
        for (Deal& deal : *deals) {
            out.push_back(Assemble(std::move(deal), *rows, *last, today));
        }
    }
    return out;
}

Result<Project> CreateProject(Repositories& repos,
                              const Actor& actor,
                              const DealChange& deal_change,
                              const ProjectChange& change,
                              Instant now,
                              Date today) {
    if (deal_change.stage_id) {
        auto stage = GetLiveStage(repos, actor.workspace_id, *deal_change.stage_id);
        if (!stage.ok()) {
            return InvalidArgument("stage " + std::to_string(*deal_change.stage_id) + " not found",
                                   "stage_id");
        }
        auto pipeline = ProjectPipeline(repos, actor.workspace_id, stage->pipeline_id);
        if (!pipeline.ok()) {
            return InvalidArgument(
                "stage " + std::to_string(stage->id) + " is not in a project pipeline", "stage_id");
        }
    } else if (deal_change.pipeline_id) {
        auto pipeline = ProjectPipeline(repos, actor.workspace_id, *deal_change.pipeline_id);
        if (!pipeline.ok()) {
            return pipeline.status();
        }
    } else {
        return InvalidArgument("pipeline_id is required", "pipeline_id");
    }
    ProjectDetails details;
    details.workspace_id = actor.workspace_id;
    PIPECRM_RETURN_IF_ERROR(ApplyChange(details, change, actor));
    auto deal = CreateDeal(repos, actor, deal_change, now);
    if (!deal.ok()) {
        return deal.status();
    }
    details.deal_id = deal->id;
    details.update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Projects().SaveDetails(details));
    return LoadProject(repos, actor.workspace_id, deal->id, today);
}

Result<Project> UpdateProject(Repositories& repos,
                              const Actor& actor,
                              Id deal_id,
                              const ProjectChange& change,
                              Instant now,
                              Date today) {
    auto project = LoadProject(repos, actor.workspace_id, deal_id, today);
    if (!project.ok()) {
        return project.status();
    }
    ProjectDetails details = project->details;
    PIPECRM_RETURN_IF_ERROR(ApplyChange(details, change, actor));
    details.update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Projects().SaveDetails(details));
    return LoadProject(repos, actor.workspace_id, deal_id, today);
}

Result<Project> SetProjectMember(Repositories& repos,
                                 const Actor& actor,
                                 Id deal_id,
                                 Id user_id,
                                 int hours_per_week,
                                 Instant now,
                                 Date today) {
    auto project = LoadProject(repos, actor.workspace_id, deal_id, today);
    if (!project.ok()) {
        return project.status();
    }
    auto user = repos.Users().Get(actor.workspace_id, user_id);
    if (!user.ok() || !user->active) {
        return InvalidArgument("user " + std::to_string(user_id) + " is not an active user",
                               "user_id");
    }
    ProjectMember member{actor.workspace_id, deal_id, user_id, hours_per_week, now};
    PIPECRM_RETURN_IF_ERROR(ValidateProjectMember(member));
    PIPECRM_RETURN_IF_ERROR(repos.Projects().SaveMember(member));
    return LoadProject(repos, actor.workspace_id, deal_id, today);
}

Result<Project> RemoveProjectMember(
    Repositories& repos, const Actor& actor, Id deal_id, Id user_id, Date today) {
    auto project = LoadProject(repos, actor.workspace_id, deal_id, today);
    if (!project.ok()) {
        return project.status();
    }
    auto removed = repos.Projects().RemoveMember(actor.workspace_id, deal_id, user_id);
    if (!removed.ok()) {
        return removed.status();
    }
    if (!*removed) {
        return NotFound("user " + std::to_string(user_id) + " is not a member of project " +
                        std::to_string(deal_id));
    }
    return LoadProject(repos, actor.workspace_id, deal_id, today);
}

Result<Project> AddProjectRisk(Repositories& repos,
                               const Actor& actor,
                               Id deal_id,
                               const RiskChange& change,
                               Instant now,
                               Date today) {
    return AddItem<ProjectRisk>(repos, actor, deal_id, change, now, today);
}

Result<Project> UpdateProjectRisk(Repositories& repos,
                                  const Actor& actor,
                                  Id deal_id,
                                  Id risk_id,
                                  const RiskChange& change,
                                  Instant now,
                                  Date today) {
    return UpdateItem(repos, actor, deal_id, &Project::risks, risk_id, "risk", change, now, today);
}

Result<Project> AddProjectMilestone(Repositories& repos,
                                    const Actor& actor,
                                    Id deal_id,
                                    const MilestoneChange& change,
                                    Instant now,
                                    Date today) {
    return AddItem<ProjectMilestone>(repos, actor, deal_id, change, now, today);
}

Result<Project> UpdateProjectMilestone(Repositories& repos,
                                       const Actor& actor,
                                       Id deal_id,
                                       Id milestone_id,
                                       const MilestoneChange& change,
                                       Instant now,
                                       Date today) {
    return UpdateItem(repos, actor, deal_id, &Project::milestones, milestone_id, "milestone",
                      change, now, today);
}

Result<Project> LinkProjectDeals(Repositories& repos,
                                 const Actor& actor,
                                 Id deal_id,
                                 const std::vector<Id>& deal_ids,
                                 Instant now,
                                 Date today) {
    auto project = LoadProject(repos, actor.workspace_id, deal_id, today);
    if (!project.ok()) {
        return project.status();
    }
    for (Id linked : deal_ids) {
        if (linked == deal_id || !GetLiveDeal(repos, actor.workspace_id, linked).ok()) {
            return InvalidArgument("deal " + std::to_string(linked) + " cannot be linked",
                                   "deal_ids");
        }
    }
    for (Id linked : deal_ids) {
        auto added = repos.Projects().LinkDeal(actor.workspace_id, deal_id, linked, now);
        if (!added.ok()) {
            return added.status();
        }
    }
    return LoadProject(repos, actor.workspace_id, deal_id, today);
}

}  // namespace pipecrm::domain

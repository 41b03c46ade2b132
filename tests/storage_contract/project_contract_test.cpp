// The project side tables of migration 0013 on both backends (the storage contract): a
// project pipeline from the template, details saved twice stay one row, members added,
// changed and removed, risks and milestones inserted and updated, links made once; every read
// scoped by workspace and leaving out deleted projects.
#include <gtest/gtest.h>

#include "contract_store.hpp"
#include "domain/deal_service.hpp"
#include "domain/pipeline_service.hpp"
#include "domain/project_service.hpp"

namespace pipecrm::storage {
namespace {

using domain::Repositories;

const Instant kNow = FromUnixSeconds(1767262800);  // 2026-01-01T10:20:00Z
const Date kToday = FromDayNumber(ToDayNumber(std::chrono::floor<std::chrono::days>(kNow)));

class ProjectContract : public ContractTest {
  protected:
    void SetUp() override {
        ContractTest::SetUp();
        a_ = AddWorkspace("a@example.com", kNow);
        b_ = AddWorkspace("b@example.com", kNow);
    }

    domain::Actor ActorOf(const domain::CreatedWorkspace& w) const {
        return {w.workspace_id, w.admin_user_id, "VND"};
    }

    // A project pipeline of `w` and a project in it; returns the project's id.
    Id AddProject(const domain::CreatedWorkspace& w, const std::string& title) {
        Id id = 0;
        Write([&](Repositories& repos) -> Status {
            domain::PipelineChange pipeline;
            pipeline.name = "Delivery";
            pipeline.kind = domain::PipelineKind::kProject;
            auto created = domain::CreatePipeline(repos, ActorOf(w), pipeline, kNow);
            PIPECRM_RETURN_IF_ERROR(created.status());
            domain::DealChange deal;
            deal.title = title;
            deal.pipeline_id = created->id;
            domain::ProjectChange project;
            project.progress = 10;
            auto made = domain::CreateProject(repos, ActorOf(w), deal, project, kNow, kToday);
            PIPECRM_RETURN_IF_ERROR(made.status());
            id = made->deal.id;
            return Status::Ok();
        });
        return id;
    }

    domain::Project Load(const domain::CreatedWorkspace& w, Id id) {
        std::optional<domain::Project> out;
        Status status = store().Read([&](Repositories& repos) -> Status {
            auto project = domain::LoadProject(repos, w.workspace_id, id, kToday);
            PIPECRM_RETURN_IF_ERROR(project.status());
            out = std::move(*project);
            return Status::Ok();
        });
        EXPECT_TRUE(status.ok()) << status.ToString();
        return out.value_or(domain::Project{});
    }

    domain::CreatedWorkspace a_;
    domain::CreatedWorkspace b_;
};

TEST_P(ProjectContract, SideRowsAreWrittenReadAndScopedByWorkspace) {
    const Id project = AddProject(a_, "Website");
    const Id other = AddProject(b_, "Other");
    const Id sale = [&] {
        Id id = 0;
        Write([&](Repositories& repos) -> Status {
            domain::DealChange deal;
            deal.title = "Sale";
            auto made = domain::CreateDeal(repos, ActorOf(a_), deal, kNow);
            id = made.ok() ? made->id : 0;
            return made.status();
        });
        return id;
    }();
    Write([&](Repositories& repos) -> Status {
        domain::ProjectChange change;
        change.progress = 40;
        change.budget = "1500.5";
        change.budget_currency = "USD";
        PIPECRM_RETURN_IF_ERROR(
            domain::UpdateProject(repos, ActorOf(a_), project, change, kNow, kToday).status());
        PIPECRM_RETURN_IF_ERROR(domain::SetProjectMember(repos, ActorOf(a_), project,
                                                         a_.admin_user_id, 30, kNow, kToday)
                                    .status());
        PIPECRM_RETURN_IF_ERROR(domain::SetProjectMember(repos, ActorOf(a_), project,
                                                         a_.admin_user_id, 35, kNow, kToday)
                                    .status());
        domain::RiskChange risk;
        risk.description = "Supplier late";
        risk.likelihood = domain::RiskLevel::kHigh;
        risk.impact = domain::RiskLevel::kHigh;
        PIPECRM_RETURN_IF_ERROR(
            domain::AddProjectRisk(repos, ActorOf(a_), project, risk, kNow, kToday).status());
        domain::MilestoneChange milestone;
        milestone.name = "Launch";
        milestone.due_date = kToday + std::chrono::days{10};
        PIPECRM_RETURN_IF_ERROR(
            domain::AddProjectMilestone(repos, ActorOf(a_), project, milestone, kNow, kToday)
                .status());
        PIPECRM_RETURN_IF_ERROR(
            domain::LinkProjectDeals(repos, ActorOf(a_), project, {sale, sale}, kNow, kToday)
                .status());
        return Status::Ok();
    });

    const domain::Project p = Load(a_, project);
    EXPECT_EQ(p.details.progress, 40);
    EXPECT_EQ(p.details.budget, (Money{150050, "USD"}));
    ASSERT_EQ(p.members.size(), 1u);
    EXPECT_EQ(p.members[0].hours_per_week, 35);
    ASSERT_EQ(p.risks.size(), 1u);
    EXPECT_EQ(p.risks[0].impact, domain::RiskLevel::kHigh);
    EXPECT_EQ(p.status, domain::ProjectStatus::kAtRisk);
    ASSERT_EQ(p.milestones.size(), 1u);
    EXPECT_EQ(p.milestones[0].due_date, kToday + std::chrono::days{10});
    EXPECT_EQ(p.linked_deal_ids, (std::vector<Id>{sale}));

    // Workspace b sees only its own project, with nothing of a's attached.
    Status status = store().Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Projects().Members(b_.workspace_id, std::nullopt)->size(), 0u);
        EXPECT_EQ(repos.Projects().Risks(b_.workspace_id, std::nullopt)->size(), 0u);
        EXPECT_EQ(repos.Projects().Details(b_.workspace_id, std::nullopt)->size(), 1u);
        EXPECT_EQ(domain::LoadProject(repos, b_.workspace_id, project, kToday).status().code(),
                  ErrorCode::kNotFound);
        auto all = domain::LoadProjects(repos, b_.workspace_id, std::nullopt, kToday);
        EXPECT_EQ(all->size(), 1u);
        EXPECT_EQ(all->front().deal.id, other);
        return Status::Ok();
    });
    ASSERT_TRUE(status.ok()) << status.ToString();

    // A member removed once; a deleted project leaves every list.
    Write([&](Repositories& repos) -> Status {
        EXPECT_TRUE(*repos.Projects().RemoveMember(a_.workspace_id, project, a_.admin_user_id));
        EXPECT_FALSE(*repos.Projects().RemoveMember(a_.workspace_id, project, a_.admin_user_id));
        return domain::DeleteDeal(repos, ActorOf(a_), project, kNow).status();
    });
    status = store().Read([&](Repositories& repos) -> Status {
        EXPECT_EQ(repos.Projects().Risks(a_.workspace_id, std::nullopt)->size(), 0u);
        EXPECT_EQ(repos.Projects().Details(a_.workspace_id, project)->size(), 0u);
        EXPECT_EQ(domain::LoadProjects(repos, a_.workspace_id, std::nullopt, kToday)->size(), 0u);
        return Status::Ok();
    });
    ASSERT_TRUE(status.ok()) << status.ToString();
}

PIPECRM_CONTRACT_BACKENDS(ProjectContract);

}  // namespace
}  // namespace pipecrm::storage

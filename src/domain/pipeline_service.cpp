#include "domain/pipeline_service.hpp"

#include "domain/project_template.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Status CheckName(const std::string& name) {
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) {
        return InvalidArgument("name must not be empty", "name");
    }
    if (name.size() > 255) {
        return InvalidArgument("name is longer than 255 bytes", "name");
    }
    return Status::Ok();
}

Status ApplyStageChange(Stage& stage, const StageChange& change) {
    if (change.name) {
        PIPECRM_RETURN_IF_ERROR(CheckName(*change.name));
        stage.name = *change.name;
    }
    if (change.deal_probability) {
        if (*change.deal_probability < 0 || *change.deal_probability > 100) {
            return InvalidArgument("deal_probability must be between 0 and 100",
                                   "deal_probability");
        }
        stage.deal_probability = *change.deal_probability;
    }
    if (change.is_deal_rot_enabled) {
        stage.is_deal_rot_enabled = *change.is_deal_rot_enabled;
    }
    if (change.days_to_rotten) {
        if (change.days_to_rotten->has_value() && **change.days_to_rotten < 1) {
            return InvalidArgument("days_to_rotten must be at least 1", "days_to_rotten");
        }
        stage.days_to_rotten = *change.days_to_rotten;
    }
    return Status::Ok();
}

Status RequireEmpty(Repositories& repos,
                    Id workspace_id,
                    OptionalId pipeline_id,
                    OptionalId stage_id,
                    const std::string& what) {
    auto count = repos.Deals().CountLive(workspace_id, pipeline_id, stage_id);
    if (!count.ok()) {
        return count.status();
    }
    if (*count > 0) {
        return FailedPrecondition(what + " still has " + std::to_string(*count) +
                                  " deals; move or delete them first");
    }
    return Status::Ok();
}

}  // namespace

Result<Pipeline> GetLivePipeline(Repositories& repos, Id workspace_id, Id pipeline_id) {
    return LiveOnly(repos.Pipelines().Get(workspace_id, pipeline_id), NotDeleted<Pipeline>,
                    "pipeline", pipeline_id);
}

Result<Stage> GetLiveStage(Repositories& repos, Id workspace_id, Id stage_id) {
    return LiveOnly(repos.Stages().Get(workspace_id, stage_id), NotDeleted<Stage>, "stage",
                    stage_id);
}

Result<Pipeline> CreatePipeline(Repositories& repos,
                                const Actor& actor,
                                const PipelineChange& change,
                                Instant now) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    PIPECRM_RETURN_IF_ERROR(CheckName(*change.name));
    const PipelineKind kind = change.kind.value_or(PipelineKind::kDeal);
    std::vector<std::string> stage_names;
    if (kind == PipelineKind::kProject) {
        auto names = ProjectTemplateStages(change.language.value_or("en"));
        if (!names.ok()) {
            return names.status();
        }
        stage_names = std::move(*names);
    } else if (change.language) {
        return InvalidArgument("language is for project pipelines", "language");
    }
    auto max_order = repos.Pipelines().MaxOrder(actor.workspace_id);
    if (!max_order.ok()) {
        return max_order.status();
    }
    Pipeline pipeline;
    pipeline.workspace_id = actor.workspace_id;
    pipeline.name = *change.name;
    pipeline.order_nr = *max_order + 1;
    pipeline.is_deal_probability_enabled = change.is_deal_probability_enabled.value_or(true);
    pipeline.kind = kind;
    pipeline.add_time = now;
    pipeline.update_time = now;
    auto id = repos.Pipelines().Insert(pipeline);
    if (!id.ok()) {
        return id.status();
    }
    pipeline.id = *id;
    for (std::size_t i = 0; i < stage_names.size(); ++i) {
        Stage stage;
        stage.workspace_id = actor.workspace_id;
        stage.pipeline_id = pipeline.id;
        stage.name = stage_names[i];
        stage.order_nr = static_cast<int>(i) + 1;
        stage.add_time = now;
        stage.update_time = now;
        auto stage_id = repos.Stages().Insert(stage);
        if (!stage_id.ok()) {
            return stage_id.status();
        }
    }
    return pipeline;
}

Result<Pipeline> UpdatePipeline(Repositories& repos,
                                const Actor& actor,
                                Id pipeline_id,
                                const PipelineChange& change,
                                Instant now) {
    auto pipeline = GetLivePipeline(repos, actor.workspace_id, pipeline_id);
    if (!pipeline.ok()) {
        return pipeline.status();
    }
    if (change.kind && *change.kind != pipeline->kind) {
        return InvalidArgument("a pipeline's kind cannot change", "kind");
    }
    if (change.language) {
        return InvalidArgument("language is only read when a project pipeline is created",
                               "language");
    }
    if (change.name) {
        PIPECRM_RETURN_IF_ERROR(CheckName(*change.name));
        pipeline->name = *change.name;
    }
    if (change.is_deal_probability_enabled) {
        pipeline->is_deal_probability_enabled = *change.is_deal_probability_enabled;
    }
    pipeline->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Pipelines().Update(*pipeline));
    return pipeline;
}

Result<Pipeline> DeletePipeline(Repositories& repos,
                                const Actor& actor,
                                Id pipeline_id,
                                Instant now) {
    auto pipeline = GetLivePipeline(repos, actor.workspace_id, pipeline_id);
    if (!pipeline.ok()) {
        return pipeline.status();
    }
    PIPECRM_RETURN_IF_ERROR(RequireEmpty(repos, actor.workspace_id, pipeline_id, std::nullopt,
                                         "pipeline " + std::to_string(pipeline_id)));
    ListOptions all;
    all.limit = 100000;
    auto stages = repos.Stages().List(actor.workspace_id, pipeline_id, all);
    if (!stages.ok()) {
        return stages.status();
    }
    for (Stage& stage : *stages) {
        stage.is_deleted = true;
        stage.update_time = now;
        PIPECRM_RETURN_IF_ERROR(repos.Stages().Update(stage));
    }
    pipeline->is_deleted = true;
    pipeline->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Pipelines().Update(*pipeline));
    return pipeline;
}

Result<Stage> CreateStage(Repositories& repos,
                          const Actor& actor,
                          const StageChange& change,
                          Instant now) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    if (!change.pipeline_id) {
        return InvalidArgument("pipeline_id is required", "pipeline_id");
    }
    auto pipeline = GetLivePipeline(repos, actor.workspace_id, *change.pipeline_id);
    if (!pipeline.ok()) {
        return InvalidArgument(
            "pipeline " + std::to_string(*change.pipeline_id) + " does not exist", "pipeline_id");
    }
    Stage stage;
    stage.workspace_id = actor.workspace_id;
    stage.pipeline_id = pipeline->id;
    PIPECRM_RETURN_IF_ERROR(ApplyStageChange(stage, change));
    auto max_order = repos.Stages().MaxOrder(actor.workspace_id, pipeline->id);
    if (!max_order.ok()) {
        return max_order.status();
    }
    stage.order_nr = *max_order + 1;
    stage.add_time = now;
    stage.update_time = now;
    auto id = repos.Stages().Insert(stage);
    if (!id.ok()) {
        return id.status();
    }
    stage.id = *id;
    return stage;
}

Result<Stage> UpdateStage(
    Repositories& repos, const Actor& actor, Id stage_id, const StageChange& change, Instant now) {
    auto stage = GetLiveStage(repos, actor.workspace_id, stage_id);
    if (!stage.ok()) {
        return stage.status();
    }
    if (change.pipeline_id && *change.pipeline_id != stage->pipeline_id) {
        auto pipeline = GetLivePipeline(repos, actor.workspace_id, *change.pipeline_id);
        if (!pipeline.ok()) {
            return InvalidArgument(
                "pipeline " + std::to_string(*change.pipeline_id) + " does not exist",
                "pipeline_id");
        }
        PIPECRM_RETURN_IF_ERROR(RequireEmpty(repos, actor.workspace_id, std::nullopt, stage_id,
                                             "stage " + std::to_string(stage_id)));
        auto max_order = repos.Stages().MaxOrder(actor.workspace_id, pipeline->id);
        if (!max_order.ok()) {
            return max_order.status();
        }
        stage->pipeline_id = pipeline->id;
        stage->order_nr = *max_order + 1;
    }
    PIPECRM_RETURN_IF_ERROR(ApplyStageChange(*stage, change));
    stage->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Stages().Update(*stage));
    return stage;
}

Result<Stage> DeleteStage(Repositories& repos, const Actor& actor, Id stage_id, Instant now) {
    auto stage = GetLiveStage(repos, actor.workspace_id, stage_id);
    if (stage.ok()) {
        PIPECRM_RETURN_IF_ERROR(RequireEmpty(repos, actor.workspace_id, std::nullopt, stage_id,
                                             "stage " + std::to_string(stage_id)));
    }
    return SoftDelete(std::move(stage), now,
                      [&](const Stage& st) { return repos.Stages().Update(st); });
}

}  // namespace pipecrm::domain

// Pipeline and stage use cases over the storage ports.
#pragma once

#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/pipeline.hpp"
#include "domain/repositories.hpp"
#include "domain/stage.hpp"

namespace pipecrm::domain {

struct PipelineChange {
    std::optional<std::string> name;
    std::optional<bool> is_deal_probability_enabled;
    std::optional<PipelineKind> kind;     ///< set at creation only
    std::optional<std::string> language;  ///< a project pipeline's template: "en" or "vi"
};

struct StageChange {
    std::optional<std::string> name;
    std::optional<Id> pipeline_id;
    std::optional<int> deal_probability;
    std::optional<bool> is_deal_rot_enabled;
    std::optional<std::optional<int>> days_to_rotten;
};

/// Creates a pipeline, ordered last. kInvalidArgument("name") for an empty name. A project
/// pipeline gets the template's five stages (ProjectTemplateStages) in `language` (default
/// "en"); kInvalidArgument("language") for another language.
Result<Pipeline> CreatePipeline(Repositories& repos,
                                const Actor& actor,
                                const PipelineChange& change,
                                Instant now);
/// kInvalidArgument("kind") for a change of kind.
Result<Pipeline> UpdatePipeline(Repositories& repos,
                                const Actor& actor,
                                Id pipeline_id,
                                const PipelineChange& change,
                                Instant now);
/// Soft-deletes a pipeline and its stages. kFailedPrecondition while deals are in it.
Result<Pipeline> DeletePipeline(Repositories& repos,
                                const Actor& actor,
                                Id pipeline_id,
                                Instant now);

/// Creates a stage, ordered last in its pipeline. kInvalidArgument naming the field.
Result<Stage> CreateStage(Repositories& repos,
                          const Actor& actor,
                          const StageChange& change,
                          Instant now);
/// Changes a stage. Moving it to another pipeline is refused while deals are in it.
Result<Stage> UpdateStage(
    Repositories& repos, const Actor& actor, Id stage_id, const StageChange& change, Instant now);
/// Soft-deletes a stage. kFailedPrecondition while deals are in it.
Result<Stage> DeleteStage(Repositories& repos, const Actor& actor, Id stage_id, Instant now);

/// A live (not deleted) pipeline or kNotFound.
Result<Pipeline> GetLivePipeline(Repositories& repos, Id workspace_id, Id pipeline_id);
/// A live stage or kNotFound.
Result<Stage> GetLiveStage(Repositories& repos, Id workspace_id, Id stage_id);

}  // namespace pipecrm::domain

// A pipeline: an ordered list of stages that deals move through.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// A deal pipeline, or a project pipeline whose deals are projects (docs/projects.md).
enum class PipelineKind { kDeal, kProject };

inline std::string_view PipelineKindName(PipelineKind kind) {
    return kind == PipelineKind::kProject ? "project" : "deal";
}

inline std::optional<PipelineKind> ParsePipelineKind(std::string_view text) {
    if (text == "deal") {
        return PipelineKind::kDeal;
    }
    if (text == "project") {
        return PipelineKind::kProject;
    }
    return std::nullopt;
}

struct Pipeline {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    int order_nr = 0;
    bool is_deal_probability_enabled = true;
    bool is_deleted = false;
    PipelineKind kind = PipelineKind::kDeal;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain

// The default stages of a new project pipeline: Idea, Planning, In progress, Review, Done, in
// English or Vietnamese.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace pipecrm::domain {

/// The five stage names in `language` ("en" or "vi"); kInvalidArgument("language") otherwise.
Result<std::vector<std::string>> ProjectTemplateStages(std::string_view language);

}  // namespace pipecrm::domain

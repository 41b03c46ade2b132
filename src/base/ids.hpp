// Row identifiers. Every row also carries the workspace (tenant) it belongs to.
#pragma once

#include <cstdint>
#include <optional>

namespace pipecrm {

using Id = std::int64_t;
using OptionalId = std::optional<Id>;

}  // namespace pipecrm

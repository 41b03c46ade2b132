// The shared repositories write SQLite's placeholders; PostgreSQL numbers its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pipecrm::storage::postgres {

/// Rewrites `?N` to `$N` and a bare `?` to `$K`, K one more than the largest number so far (the
/// rule SQLite numbers them by), outside quoted text, quoted names and comments. `used` gets,
/// per parameter number - 1 up to the largest, whether the SQL names it.
std::string RewritePlaceholders(std::string_view sql, std::vector<bool>* used = nullptr);

}  // namespace pipecrm::storage::postgres

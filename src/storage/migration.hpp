// One numbered schema migration, as embedded in the binary by embed_migrations.cmake. Each
// backend has its own list in its own SQL dialect, with the same numbers and names.
#pragma once

#include <string_view>

namespace pipecrm::storage {

struct Migration {
    int number;
    std::string_view name;
    std::string_view sql;
};

}  // namespace pipecrm::storage

// A tenant: one company on a PipeCRM server. Every row belongs to exactly one workspace.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

enum class Language { kEnglish, kVietnamese };

struct Workspace {
    Id id = 0;
    std::string name;
    Language language = Language::kEnglish;
    std::string default_currency = "VND";
    std::string phone_region = "VN";
    std::string time_zone = "Asia/Ho_Chi_Minh";
    Visibility default_visibility = Visibility::kEveryone;  ///< for new records
    Instant add_time;
};

}  // namespace pipecrm::domain

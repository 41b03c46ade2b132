// A person who signs in to PipeCRM: a rep, a manager or an admin.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

enum class Role { kAdmin, kManager, kMember };

std::string_view RoleName(Role role);

struct User {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    std::string email;  ///< lower case
    Role role = Role::kMember;
    std::string password_hash;  ///< argon2id string; empty until a password is set
    std::string default_currency = "VND";
    std::string locale = "en_US";
    std::string time_zone = "Asia/Ho_Chi_Minh";
    bool active = true;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain

// An organization: a company that persons work for and deals are made with.
#pragma once

#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/custom_field.hpp"
#include "domain/deal.hpp"
#include "domain/included_field.hpp"

namespace pipecrm::domain {

struct Organization {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    Id owner_id = 0;
    std::string address;
    Visibility visible_to = Visibility::kEveryone;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
    /// Every live custom field and its value; filled only by LoadCustomFields.
    std::vector<CustomFieldValue> custom_fields;
    /// The optional fields asked for with include_fields; filled only by LoadIncludedFields.
    std::vector<IncludedField> included_fields;
};

}  // namespace pipecrm::domain

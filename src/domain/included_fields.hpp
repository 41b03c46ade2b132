// v2's `include_fields`: the optional fields of deals, persons and organizations, checked
// against Pipedrive's catalog and loaded for a page of records at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/custom_field.hpp"
#include "domain/deal.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// The optional field names of the entity's v2 shape, in catalog order.
std::vector<std::string_view> IncludeFieldNames(FieldEntity entity);

/// Checks the names of a v2 `include_fields` list: the catalog's names, in the order asked,
/// each once. kInvalidArgument naming include_fields, and listing the allowed names, for a
/// name the entity does not have.
Result<std::vector<std::string_view>> ParseIncludeFields(FieldEntity entity,
                                                         const std::vector<std::string>& names);

/// Fills `included_fields` of every record with `names` (from ParseIncludeFields) and their
/// values: one query per family of figures the names need (RecordExtras), whatever the number
/// of records; none for fields that are always 0 or null. Does nothing when `names` is empty.
Status LoadIncludedFields(Repositories& repos,
                          Id workspace_id,
                          const std::vector<std::string_view>& names,
                          std::vector<Deal>& deals);
Status LoadIncludedFields(Repositories& repos,
                          Id workspace_id,
                          const std::vector<std::string_view>& names,
                          std::vector<Person>& persons);
Status LoadIncludedFields(Repositories& repos,
                          Id workspace_id,
                          const std::vector<std::string_view>& names,
                          std::vector<Organization>& organizations);

}  // namespace pipecrm::domain

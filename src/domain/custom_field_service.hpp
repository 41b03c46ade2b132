// Custom field use cases over the storage ports: define, rename, re-option and delete fields;
// check and write values; load every live field's value for a page of records at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/custom_field.hpp"
#include "domain/deal.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// A requested change to a field definition. Empty fields stay as they are.
struct CustomFieldChange {
    std::optional<std::string> name;
    std::optional<FieldType> type;                    ///< required on create, fixed after
    std::optional<std::vector<OptionInput>> options;  ///< enum and set only; replaces all
    /// On create, the new field's key: 40 lower-case hex characters, chosen at random by the
    /// caller outside the write job, so that a job run twice makes the same field.
    std::string key;
};

/// Creates a field, ordered last. kInvalidArgument naming name, field_type or options.
Result<CustomField> CreateCustomField(Repositories& repos,
                                      const Actor& actor,
                                      FieldEntity entity,
                                      const CustomFieldChange& change,
                                      Instant now);
/// Renames a field or replaces its options; kNotFound for an unknown or deleted field, or one
/// of another entity.
Result<CustomField> UpdateCustomField(Repositories& repos,
                                      const Actor& actor,
                                      FieldEntity entity,
                                      Id field_id,
                                      const CustomFieldChange& change,
                                      Instant now);
/// Soft delete: the field and its values disappear from every response. kNotFound as above.
Result<CustomField> DeleteCustomField(
    Repositories& repos, const Actor& actor, FieldEntity entity, Id field_id, Instant now);
/// A live field of the entity, or kNotFound.
Result<CustomField> GetLiveCustomField(Repositories& repos,
                                       Id workspace_id,
                                       FieldEntity entity,
                                       Id field_id);

/// A checked value, ready to write; no value clears it.
struct FieldWrite {
    Id field_id = 0;
    std::optional<std::string> value;
};

/// Checks assignments against the entity's live fields: kInvalidArgument naming an unknown
/// key, or a value of the wrong type, an unknown option, user, person or organization. Reads
/// nothing when `assignments` is empty.
Result<std::vector<FieldWrite>> CheckFieldAssignments(
    Repositories& repos,
    Id workspace_id,
    FieldEntity entity,
    const std::vector<FieldAssignment>& assignments);
/// Writes checked values of one record.
Status WriteFieldValues(Repositories& repos,
                        Id workspace_id,
                        FieldEntity entity,
                        Id entity_id,
                        const std::vector<FieldWrite>& writes);

/// Fills `custom_fields` of every record with each live field of its entity and the record's
/// value or none: one query for the fields and, when there are any, one for the values,
/// whatever the number of records.
Status LoadCustomFields(Repositories& repos, Id workspace_id, std::vector<Deal>& deals);
Status LoadCustomFields(Repositories& repos, Id workspace_id, std::vector<Person>& persons);
Status LoadCustomFields(Repositories& repos,
                        Id workspace_id,
                        std::vector<Organization>& organizations);

/// The same for one record, passing a failed lookup through.
template <typename T>
Result<T> WithCustomFields(Repositories& repos, Result<T> row) {
    if (!row.ok()) {
        return row;
    }
    std::vector<T> rows{std::move(*row)};
    PIPECRM_RETURN_IF_ERROR(LoadCustomFields(repos, rows.front().workspace_id, rows));
    return std::move(rows.front());
}

/// The same for a list of records (a page), passing a failed lookup through.
template <typename T>
Result<std::vector<T>> WithCustomFields(Repositories& repos,
                                        Id workspace_id,
                                        Result<std::vector<T>> rows) {
    if (rows.ok()) {
        PIPECRM_RETURN_IF_ERROR(LoadCustomFields(repos, workspace_id, *rows));
    }
    return rows;
}

}  // namespace pipecrm::domain

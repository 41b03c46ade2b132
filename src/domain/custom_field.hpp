// Custom fields: workspace-defined fields of deals, persons and organizations (their
// definitions, and the rules that check a value against its field's type).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// The kinds of record that carry custom fields.
enum class FieldEntity { kDeal, kPerson, kOrganization };
std::string_view FieldEntityName(FieldEntity entity);  ///< "deal", "person", "organization"

/// Pipedrive's field types that custom fields may have.
enum class FieldType {
    kVarchar,   ///< text up to 255 bytes
    kText,      ///< long text
    kDouble,    ///< a number
    kMonetary,  ///< an amount in a currency
    kDate,      ///< YYYY-MM-DD
    kEnum,      ///< one option id
    kSet,       ///< several option ids
    kPhone,     ///< a phone number as typed
    kUser,      ///< a user id
    kPeople,    ///< a person id
    kOrg,       ///< an organization id
};
std::string_view FieldTypeName(FieldType type);
std::optional<FieldType> ParseFieldType(std::string_view name);
/// True for enum and set, whose values are option ids.
bool HasOptions(FieldType type);

struct FieldOption {
    Id id = 0;  ///< unique within the field, never reused
    std::string label;
};

struct CustomField {
    Id id = 0;
    Id workspace_id = 0;
    FieldEntity entity = FieldEntity::kDeal;
    std::string key;  ///< 40 lower-case hex characters, fixed at creation
    std::string name;
    FieldType type = FieldType::kVarchar;
    std::vector<FieldOption> options;  ///< enum and set only
    Id last_option_id = 0;             ///< the highest option id ever given
    int order_nr = 0;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

/// One custom field's value on a record, ready to render: every live field of the entity
/// appears, with no value when it is not set. `value` is the canonical text (see
/// CheckFieldValue).
struct CustomFieldValue {
    std::string key;
    FieldType type = FieldType::kVarchar;
    std::optional<std::string> value;
};

/// A value as it arrives in a request, before it is checked against its field's type.
struct FieldInput {
    enum class Kind { kNull, kString, kNumber, kIntegers, kMoney, kOther };
    Kind kind = Kind::kNull;
    std::string text;                    ///< kString; kNumber and kMoney as decimal text
    bool is_integer = false;             ///< kNumber written as a whole number
    std::vector<std::int64_t> integers;  ///< kIntegers
    std::string currency;                ///< kMoney
};

/// "Set the field with this key to this value" (a null value clears it).
struct FieldAssignment {
    std::string key;
    FieldInput value;
};

/// An option as it arrives: a new label, or (with an id) a relabelled existing option.
struct OptionInput {
    std::optional<Id> id;
    std::string label;
};

/// Checks `input` against the field's type and returns its canonical text, or no value for
/// null (and for "" or []). Canonical texts: varchar, text, phone as given; double as the
/// decimal text; monetary "<amount> <CUR>" exact in the currency's minor units; date
/// "YYYY-MM-DD"; enum, user, people, org the id; set the option ids joined by ",". Fails with
/// kInvalidArgument naming the field's key. Does not check that users, persons or
/// organizations exist (that needs storage).
Result<std::optional<std::string>> CheckFieldValue(const CustomField& field,
                                                   const FieldInput& input);

/// The field's options after a change to `inputs`: inputs with an id keep that option's id
/// (it must be one of `current`), others get ids after `last_option_id`, which is advanced.
/// Labels are trimmed, 1..255 bytes without control characters and distinct. kInvalidArgument
/// naming "options".
Result<std::vector<FieldOption>> BuildOptions(const std::vector<FieldOption>& current,
                                              const std::vector<OptionInput>& inputs,
                                              Id& last_option_id);

/// `value` (canonical, as stored) without the option ids the field no longer has: an enum
/// whose option is gone has no value, a set keeps its remaining ids.
std::optional<std::string> LiveOptionsOnly(const CustomField& field, const std::string& value);

}  // namespace pipecrm::domain

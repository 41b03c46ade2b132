// A saved filter: named conditions on one kind of record (deals, persons, organizations,
// products, activities), and the catalog of fields and operators conditions may use.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// What a filter lists; named as Pipedrive's `type` (deals, org, people, products, activity).
enum class FilterType { kDeals, kOrg, kPeople, kProducts, kActivity };

std::string_view FilterTypeName(FilterType type);
std::optional<FilterType> ParseFilterType(std::string_view text);
/// Pipedrive's condition `object` for the type: deal, organization, person, product, activity.
std::string_view FilterObjectName(FilterType type);

/// Pipedrive's operators, spelled as in its API: "=", "!=", "<", ">", "<=", ">=", "IS NULL",
/// "IS NOT NULL", "LIKE '$%'" (starts with), "LIKE '%$'" (ends with), "LIKE '%$%'" (contains),
/// "NOT LIKE '%$%'" (does not contain).
enum class FilterOperator {
    kEqual,
    kNotEqual,
    kLess,
    kGreater,
    kLessOrEqual,
    kGreaterOrEqual,
    kIsNull,
    kIsNotNull,
    kStartsWith,
    kEndsWith,
    kContains,
    kNotContains,
};

std::string_view FilterOperatorName(FilterOperator op);
std::optional<FilterOperator> ParseFilterOperator(std::string_view text);

/// How a field's values compare, which decides the operators it takes and how its value reads.
enum class FieldKind {
    kId,      ///< a reference or id: a positive integer
    kNumber,  ///< a decimal number
    kMoney,   ///< a decimal amount in the record's own currency
    kText,
    kTime,    ///< a point in time, compared by UTC day: the value is "YYYY-MM-DD"
    kDate,    ///< a calendar date "YYYY-MM-DD"
    kStatus,  ///< a deal status: open, won or lost
    kBool,    ///< 0/1, true/false
};

std::string_view FieldKindName(FieldKind kind);
/// The operators a field of this kind accepts.
std::span<const FilterOperator> OperatorsFor(FieldKind kind);

/// One field conditions may name: by `key`, or by `id` (the id GET /v1/dealFields,
/// /personFields and /organizationFields give the same key).
struct FilterField {
    int id;
    std::string_view key;
    std::string_view name;
    FieldKind kind;
};

/// The fields a filter of this type may use.
std::span<const FilterField> FilterFields(FilterType type);
/// The field named by key, by numeric id (as text), or by the alias owner_id/user_id.
const FilterField* FindFilterField(FilterType type, std::string_view key_or_id);

/// One condition. After validation `field` is the catalog key and `value` is normalized text
/// (empty for IS NULL and IS NOT NULL).
struct FilterCondition {
    std::string object;
    std::string field;
    FilterOperator op = FilterOperator::kEqual;
    std::optional<std::string> value;
    std::optional<std::string> extra_value;
};

/// Pipedrive's two groups: every condition of `all` (glue "and") and at least one of `any`
/// (glue "or") when it is not empty.
struct FilterConditions {
    std::vector<FilterCondition> all;
    std::vector<FilterCondition> any;

    bool empty() const { return all.empty() && any.empty(); }
};

/// Pipedrive allows at most 16 conditions in a filter.
inline constexpr std::size_t kMaxFilterConditions = 16;

/// Checks every condition against the type's catalog and normalizes it in place (field key,
/// value text). kInvalidArgument with field "conditions" and a message naming the group and
/// condition at fault.
Status ValidateFilterConditions(FilterType type, FilterConditions& conditions);

struct Filter {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    FilterType type = FilterType::kDeals;
    Id user_id = 0;  ///< who created it
    int visible_to = 1;
    bool temporary = false;
    bool is_deleted = false;
    FilterConditions conditions;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain

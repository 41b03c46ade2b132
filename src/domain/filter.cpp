#include "domain/filter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace pipecrm::domain {
namespace {

constexpr std::array<std::string_view, 5> kTypeNames = {"deals", "org", "people", "products",
                                                        "activity"};
constexpr std::array<std::string_view, 5> kObjectNames = {"deal", "organization", "person",
                                                          "product", "activity"};
constexpr std::array<std::string_view, 12> kOperatorNames = {
    "=",       "!=",          "<",         ">",         "<=",         ">=",
    "IS NULL", "IS NOT NULL", "LIKE '$%'", "LIKE '%$'", "LIKE '%$%'", "NOT LIKE '%$%'"};

using Op = FilterOperator;
constexpr std::array kIdOps = {Op::kEqual, Op::kNotEqual, Op::kIsNull, Op::kIsNotNull};
constexpr std::array kOrderedOps = {Op::kEqual,   Op::kNotEqual,    Op::kLess,
                                    Op::kGreater, Op::kLessOrEqual, Op::kGreaterOrEqual,
                                    Op::kIsNull,  Op::kIsNotNull};
constexpr std::array kTextOps = {Op::kEqual,      Op::kNotEqual, Op::kIsNull,   Op::kIsNotNull,
                                 Op::kStartsWith, Op::kEndsWith, Op::kContains, Op::kNotContains};
constexpr std::array kChoiceOps = {Op::kEqual, Op::kNotEqual};

// Ids of deal, person and organization fields are those of GET /v1/dealFields,
// /personFields and /organizationFields (src/http/handlers/field_routes.cpp); a functional
// test checks they agree.
constexpr std::array kDealFields = {
    FilterField{1, "id", "ID", FieldKind::kId},
    FilterField{2, "title", "Title", FieldKind::kText},
    FilterField{3, "value", "Value", FieldKind::kMoney},
    FilterField{4, "currency", "Currency", FieldKind::kText},
    FilterField{5, "stage_id", "Stage", FieldKind::kId},
    FilterField{6, "pipeline_id", "Pipeline", FieldKind::kId},
    FilterField{7, "status", "Status", FieldKind::kStatus},
    FilterField{8, "person_id", "Contact person", FieldKind::kId},
    FilterField{9, "org_id", "Organization", FieldKind::kId},
    FilterField{10, "user_id", "Owner", FieldKind::kId},
    FilterField{11, "add_time", "Deal created", FieldKind::kTime},
    FilterField{12, "update_time", "Update time", FieldKind::kTime},
    FilterField{13, "stage_change_time", "Last stage change", FieldKind::kTime},
    FilterField{14, "won_time", "Won time", FieldKind::kTime},
    FilterField{15, "lost_time", "Lost time", FieldKind::kTime},
    FilterField{16, "close_time", "Deal closed on", FieldKind::kTime},
    FilterField{17, "expected_close_date", "Expected close date", FieldKind::kDate},
    FilterField{18, "lost_reason", "Lost reason", FieldKind::kText},
    FilterField{19, "visible_to", "Visible to", FieldKind::kNumber},
    FilterField{20, "probability", "Probability", FieldKind::kNumber},
};

// Emails (3) and phones (4) are not filterable yet.
constexpr std::array kPersonFields = {
    FilterField{1, "id", "ID", FieldKind::kId},
    FilterField{2, "name", "Name", FieldKind::kText},
    FilterField{5, "org_id", "Organization", FieldKind::kId},
    FilterField{6, "owner_id", "Owner", FieldKind::kId},
    FilterField{7, "add_time", "Person created", FieldKind::kTime},
    FilterField{8, "update_time", "Update time", FieldKind::kTime},
    FilterField{9, "visible_to", "Visible to", FieldKind::kNumber},
};

constexpr std::array kOrganizationFields = {
    FilterField{1, "id", "ID", FieldKind::kId},
    FilterField{2, "name", "Name", FieldKind::kText},
    FilterField{3, "address", "Address", FieldKind::kText},
    FilterField{4, "owner_id", "Owner", FieldKind::kId},
    FilterField{5, "add_time", "Organization created", FieldKind::kTime},
    FilterField{6, "update_time", "Update time", FieldKind::kTime},
    FilterField{7, "visible_to", "Visible to", FieldKind::kNumber},
};

constexpr std::array kProductFields = {
    FilterField{1, "id", "ID", FieldKind::kId},
    FilterField{2, "name", "Name", FieldKind::kText},
    FilterField{3, "code", "Product code", FieldKind::kText},
    FilterField{4, "unit", "Unit", FieldKind::kText},
    FilterField{5, "tax", "Tax", FieldKind::kNumber},
    FilterField{6, "category", "Category", FieldKind::kText},
    FilterField{7, "owner_id", "Owner", FieldKind::kId},
    FilterField{8, "add_time", "Product created", FieldKind::kTime},
    FilterField{9, "update_time", "Update time", FieldKind::kTime},
    FilterField{10, "visible_to", "Visible to", FieldKind::kNumber},
};

constexpr std::array kActivityFields = {
    FilterField{1, "id", "ID", FieldKind::kId},
    FilterField{2, "subject", "Subject", FieldKind::kText},
    FilterField{3, "type", "Type", FieldKind::kText},
    FilterField{4, "user_id", "Assigned to user", FieldKind::kId},
    FilterField{5, "deal_id", "Deal", FieldKind::kId},
    FilterField{6, "person_id", "Contact person", FieldKind::kId},
    FilterField{7, "org_id", "Organization", FieldKind::kId},
    FilterField{8, "due_date", "Due date", FieldKind::kDate},
    FilterField{9, "done", "Done", FieldKind::kBool},
    FilterField{10, "add_time", "Add time", FieldKind::kTime},
    FilterField{11, "update_time", "Update time", FieldKind::kTime},
};

template <std::size_t N>
std::optional<std::size_t> IndexOf(const std::array<std::string_view, N>& names,
                                   std::string_view text) {
    auto found = std::find(names.begin(), names.end(), text);
    if (found == names.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(found - names.begin());
}

bool ParsesAsNumber(std::string_view text) {
    double number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size() &&
           std::isfinite(number);
}

bool ParsesAsId(std::string_view text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    return ec == std::errc() && end == text.data() + text.size() && id > 0;
}

// The value in its normal text form, or an error message.
Result<std::string> NormalizeValue(const FilterField& field,
                                   FilterOperator op,
                                   const std::string& value) {
    switch (field.kind) {
        case FieldKind::kId:
            if (!ParsesAsId(value)) {
                return InvalidArgument("needs a positive integer id");
            }
            return value;
        case FieldKind::kNumber:
        case FieldKind::kMoney:
            if (!ParsesAsNumber(value)) {
                return InvalidArgument("needs a number");
            }
            return value;
        case FieldKind::kText:
            if (value.size() > 1000) {
                return InvalidArgument("value is longer than 1000 bytes");
            }
            if (value.empty() && op != FilterOperator::kEqual && op != FilterOperator::kNotEqual) {
                return InvalidArgument("needs a non-empty value");
            }
            return value;
        case FieldKind::kTime:
        case FieldKind::kDate: {
            auto date = ParseDate(value);
            if (!date.ok()) {
                return InvalidArgument("needs a date YYYY-MM-DD");
            }
            return FormatDate(*date);
        }
        case FieldKind::kStatus:
            if (value != "open" && value != "won" && value != "lost") {
                return InvalidArgument("needs open, won or lost");
            }
            return value;
        case FieldKind::kBool:
            if (value == "1" || value == "true") {
                return std::string("1");
            }
            if (value == "0" || value == "false") {
                return std::string("0");
            }
            return InvalidArgument("needs 0 or 1");
    }
    return InvalidArgument("has an unknown kind");
}

Status ValidateCondition(FilterType type, FilterCondition& condition) {
    const std::string_view object = FilterObjectName(type);
    if (condition.object.empty()) {
        condition.object = std::string(object);
    } else if (condition.object != object) {
        return InvalidArgument("object \"" + condition.object + "\" is not supported in a " +
                               std::string(FilterTypeName(type)) + " filter (only \"" +
                               std::string(object) + "\")");
    }
    const FilterField* field = FindFilterField(type, condition.field);
    if (field == nullptr) {
        return InvalidArgument("field_id \"" + condition.field + "\" is not a " +
                               std::string(FilterTypeName(type)) + " field");
    }
    condition.field = std::string(field->key);
    const auto ops = OperatorsFor(field->kind);
    if (std::find(ops.begin(), ops.end(), condition.op) == ops.end()) {
        return InvalidArgument("operator " + std::string(FilterOperatorName(condition.op)) +
                               " does not apply to " + std::string(FieldKindName(field->kind)) +
                               " field \"" + condition.field + "\"");
    }
    if (condition.op == FilterOperator::kIsNull || condition.op == FilterOperator::kIsNotNull) {
        condition.value.reset();
        return Status::Ok();
    }
    if (!condition.value) {
        return InvalidArgument("field \"" + condition.field + "\" needs a value");
    }
    auto value = NormalizeValue(*field, condition.op, *condition.value);
    if (!value.ok()) {
        return InvalidArgument("value of \"" + condition.field + "\" " + value.status().message());
    }
    condition.value = std::move(*value);
    return Status::Ok();
}

}  // namespace

std::string_view FilterTypeName(FilterType type) {
    return kTypeNames[static_cast<std::size_t>(type)];
}

std::optional<FilterType> ParseFilterType(std::string_view text) {
    auto index = IndexOf(kTypeNames, text);
    if (!index) {
        return std::nullopt;
    }
    return static_cast<FilterType>(*index);
}

std::string_view FilterObjectName(FilterType type) {
    return kObjectNames[static_cast<std::size_t>(type)];
}

std::string_view FilterOperatorName(FilterOperator op) {
    return kOperatorNames[static_cast<std::size_t>(op)];
}

std::optional<FilterOperator> ParseFilterOperator(std::string_view text) {
    auto index = IndexOf(kOperatorNames, text);
    if (!index) {
        return std::nullopt;
    }
    return static_cast<FilterOperator>(*index);
}

std::string_view FieldKindName(FieldKind kind) {
    switch (kind) {
        case FieldKind::kId:
            return "id";
        case FieldKind::kNumber:
            return "number";
        case FieldKind::kMoney:
            return "money";
        case FieldKind::kText:
            return "text";
        case FieldKind::kTime:
            return "time";
        case FieldKind::kDate:
            return "date";
        case FieldKind::kStatus:
            return "status";
        case FieldKind::kBool:
            return "bool";
    }
    return "unknown";
}

std::span<const FilterOperator> OperatorsFor(FieldKind kind) {
    switch (kind) {
        case FieldKind::kId:
            return kIdOps;
        case FieldKind::kNumber:
        case FieldKind::kMoney:
        case FieldKind::kTime:
        case FieldKind::kDate:
            return kOrderedOps;
        case FieldKind::kText:
            return kTextOps;
        case FieldKind::kStatus:
        case FieldKind::kBool:
            return kChoiceOps;
    }
    return {};
}

std::span<const FilterField> FilterFields(FilterType type) {
    switch (type) {
        case FilterType::kDeals:
            return kDealFields;
        case FilterType::kOrg:
            return kOrganizationFields;
        case FilterType::kPeople:
            return kPersonFields;
        case FilterType::kProducts:
            return kProductFields;
        case FilterType::kActivity:
            return kActivityFields;
    }
    return {};
}

const FilterField* FindFilterField(FilterType type, std::string_view key_or_id) {
    // Pipedrive calls the owner user_id on deals and activities, owner_id elsewhere.
    if (key_or_id == "owner_id" || key_or_id == "user_id") {
        key_or_id =
            (type == FilterType::kDeals || type == FilterType::kActivity) ? "user_id" : "owner_id";
    }
    int id = 0;
    auto [end, ec] = std::from_chars(key_or_id.data(), key_or_id.data() + key_or_id.size(), id);
    const bool numeric = ec == std::errc() && end == key_or_id.data() + key_or_id.size();
    for (const FilterField& field : FilterFields(type)) {
        if (numeric ? field.id == id : field.key == key_or_id) {
            return &field;
        }
    }
    return nullptr;
}

Status ValidateFilterConditions(FilterType type, FilterConditions& conditions) {
    if (conditions.all.size() + conditions.any.size() > kMaxFilterConditions) {
        return InvalidArgument("conditions: a filter has at most 16 conditions", "conditions");
    }
    int group_nr = 1;
    for (auto* group : {&conditions.all, &conditions.any}) {
        int condition_nr = 1;
        for (FilterCondition& condition : *group) {
            Status status = ValidateCondition(type, condition);
            if (!status.ok()) {
                return InvalidArgument("conditions: group " + std::to_string(group_nr) +
                                           ", condition " + std::to_string(condition_nr) + ": " +
                                           status.message(),
                                       "conditions");
            }
            ++condition_nr;
        }
        ++group_nr;
    }
    return Status::Ok();
}

}  // namespace pipecrm::domain

#include "domain/custom_field.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>
#include <utility>

#include "base/money.hpp"

namespace pipecrm::domain {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 11> kTypeNames = {{
    {FieldType::kVarchar, "varchar"},
    {FieldType::kText, "text"},
    {FieldType::kDouble, "double"},
    {FieldType::kMonetary, "monetary"},
    {FieldType::kDate, "date"},
    {FieldType::kEnum, "enum"},
    {FieldType::kSet, "set"},
    {FieldType::kPhone, "phone"},
    {FieldType::kUser, "user"},
    {FieldType::kPeople, "people"},
    {FieldType::kOrg, "org"},
}};

Status Refuse(const CustomField& field, const std::string& expected) {
    return InvalidArgument(
        "custom field " + field.key + " (" + field.name + ") must be " + expected, field.key);
}

std::string Trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) {
        return {};
    }
    return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

bool HasOption(const CustomField& field, Id id) {
    for (const FieldOption& option : field.options) {
        if (option.id == id) {
            return true;
        }
    }
    return false;
}

std::string JoinIds(const std::vector<std::int64_t>& ids) {
    std::string text;
    for (std::int64_t id : ids) {
        text += (text.empty() ? "" : ",") + std::to_string(id);
    }
    return text;
}

std::vector<std::int64_t> SplitIds(std::string_view text) {
    std::vector<std::int64_t> ids;
    while (!text.empty()) {
        const auto comma = text.find(',');
        std::string_view part = text.substr(0, comma);
        std::int64_t id = 0;
        std::from_chars(part.data(), part.data() + part.size(), id);
        ids.push_back(id);
        text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
    }
    return ids;
}

Result<std::optional<std::string>> CheckText(const CustomField& field,
                                             const FieldInput& input,
                                             std::size_t max_bytes,
                                             const std::string& expected) {
    if (input.kind != FieldInput::Kind::kString) {
        return Refuse(field, expected);
    }
    if (input.text.size() > max_bytes) {
        return Refuse(field, expected + " of at most " + std::to_string(max_bytes) + " bytes");
    }
    if (input.text.empty()) {
        return std::optional<std::string>();
    }
    return std::optional<std::string>(input.text);
}

Result<std::optional<std::string>> CheckId(const CustomField& field,
                                           const FieldInput& input,
                                           const std::string& expected) {
    if (input.kind != FieldInput::Kind::kNumber || !input.is_integer || input.text.empty() ||
        input.text.front() == '-' || input.text == "0") {
        return Refuse(field, expected);
    }
    return std::optional<std::string>(input.text);
}

}  // namespace

std::string_view FieldEntityName(FieldEntity entity) {
    switch (entity) {
        case FieldEntity::kDeal:
            return "deal";
        case FieldEntity::kPerson:
            return "person";
        case FieldEntity::kOrganization:
            return "organization";
    }
    return "deal";
}

std::string_view FieldTypeName(FieldType type) {
    for (const auto& [t, name] : kTypeNames) {
        if (t == type) {
            return name;
        }
    }
    return "varchar";
}

std::optional<FieldType> ParseFieldType(std::string_view name) {
    for (const auto& [type, n] : kTypeNames) {
        if (n == name) {
            return type;
        }
    }
    return std::nullopt;
}

bool HasOptions(FieldType type) {
    return type == FieldType::kEnum || type == FieldType::kSet;
}

Result<std::optional<std::string>> CheckFieldValue(const CustomField& field,
                                                   const FieldInput& input) {
    if (input.kind == FieldInput::Kind::kNull) {
        return std::optional<std::string>();
    }
    switch (field.type) {
        case FieldType::kVarchar:
            return CheckText(field, input, 255, "a string");
        case FieldType::kText:
            return CheckText(field, input, 65535, "a string");
        case FieldType::kPhone:
            return CheckText(field, input, 64, "a phone number as a string");
        case FieldType::kDouble: {
            double value = 0;
            const char* end = input.text.data() + input.text.size();
            if (input.kind != FieldInput::Kind::kNumber ||
                std::from_chars(input.text.data(), end, value).ptr != end ||
                !std::isfinite(value)) {
                return Refuse(field, "a number");
            }
            return std::optional<std::string>(input.text);
        }
        case FieldType::kMonetary: {
            const char* shape = "an object {\"value\": number, \"currency\": \"USD\"}";
            if (input.kind != FieldInput::Kind::kMoney) {
                return Refuse(field, shape);
            }
            std::string currency = input.currency;
            for (char& c : currency) {
                if (c >= 'a' && c <= 'z') {
                    c = static_cast<char>(c - 'a' + 'A');
                }
            }
            if (!IsKnownCurrency(currency)) {
                return Refuse(field, "in a known currency, not \"" + input.currency + "\"");
            }
            auto amount = ParseAmount(input.text, currency);
            if (!amount.ok()) {
                return Refuse(field, shape + std::string(": ") + amount.status().message());
            }
            return std::optional<std::string>(FormatAmount(*amount, currency) + " " + currency);
        }
        case FieldType::kDate: {
            if (input.kind != FieldInput::Kind::kString) {
                return Refuse(field, "a date as \"YYYY-MM-DD\"");
            }
            auto date = ParseDate(input.text);
            if (!date.ok()) {
                return Refuse(field, "a date as \"YYYY-MM-DD\"");
            }
            return std::optional<std::string>(FormatDate(*date));
        }
        case FieldType::kEnum: {
            auto id = CheckId(field, input, "the id of one of its options");
            if (id.ok() && *id && !HasOption(field, std::stoll(**id))) {
                return Refuse(field, "the id of one of its options, not " + **id);
            }
            return id;
        }
        case FieldType::kSet: {
            if (input.kind != FieldInput::Kind::kIntegers) {
                return Refuse(field, "an array of ids of its options");
            }
            std::vector<std::int64_t> ids;
            for (std::int64_t id : input.integers) {
                if (!HasOption(field, id)) {
                    return Refuse(field, "an array of ids of its options; " + std::to_string(id) +
                                             " is not one");
                }
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
                    ids.push_back(id);
                }
            }
            if (ids.empty()) {
                return std::optional<std::string>();
            }
            return std::optional<std::string>(JoinIds(ids));
        }
        case FieldType::kUser:
            return CheckId(field, input, "a user id");
        case FieldType::kPeople:
            return CheckId(field, input, "a person id");
        case FieldType::kOrg:
            return CheckId(field, input, "an organization id");
    }
    return Refuse(field, "a valid value");
}

Result<std::vector<FieldOption>> BuildOptions(const std::vector<FieldOption>& current,
                                              const std::vector<OptionInput>& inputs,
                                              Id& last_option_id) {
    std::vector<FieldOption> options;
    std::set<std::string> labels;
    Id last = last_option_id;
    for (const OptionInput& input : inputs) {
        FieldOption option;
        option.label = Trimmed(input.label);
        if (option.label.empty() || option.label.size() > 255) {
            return InvalidArgument("option labels must be 1 to 255 bytes", "options");
        }
        for (char c : option.label) {
            if (static_cast<unsigned char>(c) < 0x20) {
                return InvalidArgument("option labels must not hold control characters", "options");
            }
        }
        if (!labels.insert(option.label).second) {
            return InvalidArgument("option \"" + option.label + "\" is given twice", "options");
        }
        if (input.id) {
            bool known = false;
            for (const FieldOption& existing : current) {
                known = known || existing.id == *input.id;
            }
            if (!known) {
                return InvalidArgument("option " + std::to_string(*input.id) + " does not exist",
                                       "options");
            }
            option.id = *input.id;
        } else {
            option.id = ++last;
        }
        options.push_back(std::move(option));
    }
    last_option_id = last;
    return options;
}

std::optional<std::string> LiveOptionsOnly(const CustomField& field, const std::string& value) {
    if (!HasOptions(field.type)) {
        return value;
    }
    std::vector<std::int64_t> ids;
    for (std::int64_t id : SplitIds(value)) {
        if (HasOption(field, id)) {
            ids.push_back(id);
        }
    }
    if (ids.empty()) {
        return std::nullopt;
    }
    return JoinIds(ids);
}

}  // namespace pipecrm::domain

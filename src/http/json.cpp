#include "http/json.hpp"

#include <array>
#include <charconv>
#include <memory>

#include "rapidjson/error/en.h"

namespace pipecrm::http {

namespace {

// The bytes JSON strings must escape: control characters, '"' and '\\'.
constexpr std::array<bool, 256> kNeedsEscape = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) {
        table[static_cast<std::size_t>(c)] = true;
    }
    table['"'] = true;
    table['\\'] = true;
    return table;
}();

// Appends `value` as a JSON string body (without quotes), escaping what JSON requires.
void AppendEscaped(std::string& out, std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::size_t start = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (!kNeedsEscape[c]) {
            continue;
        }
        out.append(value.data() + start, i - start);
        start = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
                out.append(escaped, sizeof escaped);
            }
        }
    }
    out.append(value.data() + start, value.size() - start);
}

// Two digits of `value` (0..99) at `out`.
void TwoDigits(char* out, unsigned value) {
    out[0] = static_cast<char>('0' + value / 10);
    out[1] = static_cast<char>('0' + value % 10);
}

// "YYYY-MM-DD" into out[0..9]; years 0..9999.
void FormatDay(char* out, std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd{day};
    const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));
    TwoDigits(out, year / 100 % 100);
    TwoDigits(out + 2, year % 100);
    out[4] = '-';
    TwoDigits(out + 5, static_cast<unsigned>(ymd.month()));
    out[7] = '-';
    TwoDigits(out + 8, static_cast<unsigned>(ymd.day()));
}

// A JSON number as exact decimal text: integers as they are, doubles shortest.
std::optional<std::string> DecimalText(const rapidjson::Value& v) {
    if (v.IsInt64()) {
        return std::to_string(v.GetInt64());
    }
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.GetDouble(), std::chars_format::fixed);
    if (ec != std::errc()) {
        return std::nullopt;
    }
    return std::string(buf, end);
}

}  // namespace

void JsonWriter::BeforeValue() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    const std::uint64_t bit = std::uint64_t{1} << (depth_ & 63);
    if (has_items_ & bit) {
        out_ += ',';
    }
    has_items_ |= bit;
}

void JsonWriter::Open(char bracket) {
    BeforeValue();
    out_ += bracket;
    ++depth_;
    has_items_ &= ~(std::uint64_t{1} << (depth_ & 63));
}

void JsonWriter::Close(char bracket) {
    --depth_;
    out_ += bracket;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
    BeforeValue();
    // Keys are the API's own field names: plain ASCII, nothing to escape.
    out_ += '"';
    out_ += key;
    out_ += "\":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
    BeforeValue();
    out_ += '"';
    AppendEscaped(out_, value);
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
    BeforeValue();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::Null() {
    BeforeValue();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
    BeforeValue();
    out_ += json;
    return *this;
}

JsonWriter& JsonWriter::OptionalId(const pipecrm::OptionalId& value) {
    return value ? Int(*value) : Null();
}

JsonWriter& JsonWriter::OptionalString(const std::optional<std::string>& value) {
    return value ? String(*value) : Null();
}

JsonWriter& JsonWriter::OptionalInt(const std::optional<int>& value) {
    return value ? Int(*value) : Null();
}

JsonWriter& JsonWriter::StringOrNull(std::string_view value) {
    return value.empty() ? Null() : String(value);
}

JsonWriter& JsonWriter::Rfc3339(const std::optional<Instant>& value) {
    if (!value) {
        return Null();
    }
    BeforeValue();
    // "YYYY-MM-DDTHH:MM:SSZ" without printf: this runs for every time of every row.
    const auto day = std::chrono::floor<std::chrono::days>(*value);
    const auto seconds = static_cast<unsigned>((*value - day).count());
    char buf[22] = {'"'};
    FormatDay(buf + 1, day);
    buf[11] = 'T';
    TwoDigits(buf + 12, seconds / 3600);
    buf[14] = ':';
    TwoDigits(buf + 15, seconds / 60 % 60);
    buf[17] = ':';
    TwoDigits(buf + 18, seconds % 60);
    buf[20] = 'Z';
    buf[21] = '"';
    out_.append(buf, sizeof buf);
    return *this;
}

JsonWriter& JsonWriter::Date(const std::optional<pipecrm::Date>& value) {
    if (!value) {
        return Null();
    }
    BeforeValue();
    char buf[12] = {'"'};
    FormatDay(buf + 1, *value);
    buf[11] = '"';
    out_.append(buf, sizeof buf);
    return *this;
}

JsonWriter& JsonWriter::StartObject() {
    Open('{');
    return *this;
}

JsonWriter& JsonWriter::EndObject() {
    Close('}');
    return *this;
}

JsonWriter& JsonWriter::StartArray() {
    Open('[');
    return *this;
}

JsonWriter& JsonWriter::EndArray() {
    Close(']');
    return *this;
}

Result<JsonBody> JsonBody::Parse(const std::string& body) {
    JsonBody parsed;
    parsed.document_ = std::make_shared<rapidjson::Document>();
    if (body.empty()) {
        return InvalidArgument("the request body must be a JSON object");
    }
    // Iterative (no recursion however deep the nesting) and strict about UTF-8.
    constexpr unsigned kFlags =
        rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    rapidjson::ParseResult ok = parsed.document_->Parse<kFlags>(body.c_str(), body.size());
    if (!ok) {
        return InvalidArgument(std::string("the request body is not valid JSON: ") +
                               rapidjson::GetParseError_En(ok.Code()) + " at byte " +
                               std::to_string(ok.Offset()));
    }
    parsed.object_ = parsed.document_.get();
    if (!parsed.document_->IsObject()) {
        return InvalidArgument("the request body must be a JSON object");
    }
    return parsed;
}

const rapidjson::Value* JsonBody::Find(const char* key) const {
    auto member = object_->FindMember(key);
    return member == object_->MemberEnd() ? nullptr : &member->value;
}

Status JsonBody::OnlyKnownFields(std::initializer_list<std::string_view> known) const {
    for (const auto& member : object_->GetObject()) {
        std::string_view name(member.name.GetString(), member.name.GetStringLength());
        bool found = false;
        for (std::string_view k : known) {
            found = found || k == name;
        }
        if (!found) {
            return InvalidArgument("unknown field \"" + std::string(name) + "\"",
                                   std::string(name));
        }
    }
    return Status::Ok();
}

static Status WrongType(const char* key, const char* expected) {
    return InvalidArgument(std::string(key) + " must be " + expected, key);
}

Result<std::optional<std::string>> JsonBody::String(const char* key) const {
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return std::optional<std::string>();
    }
    if (!v->IsString()) {
        return WrongType(key, "a string");
    }
    return std::optional<std::string>(std::string(v->GetString(), v->GetStringLength()));
}

Result<std::optional<std::optional<std::string>>> JsonBody::NullableString(const char* key) const {
    using Out = std::optional<std::optional<std::string>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    if (v->IsNull()) {
        return Out(std::optional<std::string>());
    }
    if (!v->IsString()) {
        return WrongType(key, "a string or null");
    }
    return Out(std::string(v->GetString(), v->GetStringLength()));
}

Result<std::optional<std::int64_t>> JsonBody::Int(const char* key) const {
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return std::optional<std::int64_t>();
    }
    if (!v->IsInt64()) {
        return WrongType(key, "an integer");
    }
    return std::optional<std::int64_t>(v->GetInt64());
}

Result<std::optional<std::optional<std::int64_t>>> JsonBody::NullableInt(const char* key) const {
    using Out = std::optional<std::optional<std::int64_t>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    if (v->IsNull()) {
        return Out(std::optional<std::int64_t>());
    }
    if (!v->IsInt64()) {
        return WrongType(key, "an integer or null");
    }
    return Out(v->GetInt64());
}

Result<std::optional<bool>> JsonBody::Bool(const char* key) const {
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return std::optional<bool>();
    }
    if (!v->IsBool()) {
        return WrongType(key, "true or false");
    }
    return std::optional<bool>(v->GetBool());
}

Result<std::optional<std::string>> JsonBody::Number(const char* key) const {
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return std::optional<std::string>();
    }
    if (!v->IsNumber()) {
        return WrongType(key, "a number");
    }
    auto text = DecimalText(*v);
    if (!text) {
        return InvalidArgument(std::string(key) + " is out of range", key);
    }
    return std::optional<std::string>(std::move(*text));
}

Result<std::optional<std::optional<pipecrm::Date>>> JsonBody::NullableDate(const char* key) const {
    using Out = std::optional<std::optional<pipecrm::Date>>;
    auto text = NullableString(key);
    if (!text.ok()) {
        return WrongType(key, "a date as \"YYYY-MM-DD\" or null");
    }
    if (!text->has_value()) {
        return Out();
    }
    if (!text->value().has_value()) {
        return Out(std::optional<pipecrm::Date>());
    }
    auto date = ParseDate(***text);
    if (!date.ok()) {
        return InvalidArgument(std::string(key) + ": " + date.status().message(), key);
    }
    return Out(*date);
}

Result<std::optional<JsonBody>> JsonBody::Object(const char* key) const {
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return std::optional<JsonBody>();
    }
    if (!v->IsObject()) {
        return WrongType(key, "an object");
    }
    JsonBody item;
    item.document_ = document_;
    item.object_ = v;
    return std::optional<JsonBody>(std::move(item));
}

Result<std::optional<std::optional<std::string>>> JsonBody::ScalarText(const char* key) const {
    using Out = std::optional<std::optional<std::string>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    if (v->IsNull()) {
        return Out(std::optional<std::string>());
    }
    if (v->IsBool()) {
        return Out(std::string(v->GetBool() ? "true" : "false"));
    }
    if (v->IsNumber()) {
        auto number = Number(key);
        if (!number.ok()) {
            return number.status();
        }
        return Out(std::move(**number));
    }
    if (!v->IsString()) {
        return WrongType(key, "a string, number, boolean or null");
    }
    return Out(std::string(v->GetString(), v->GetStringLength()));
}

Result<std::optional<std::vector<JsonBody>>> JsonBody::Objects(const char* key) const {
    using Out = std::optional<std::vector<JsonBody>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    std::vector<JsonBody> items;
    if (v->IsNull()) {
        return Out(std::move(items));
    }
    if (!v->IsArray()) {
        return WrongType(key, "an array of objects");
    }
    for (const auto& element : v->GetArray()) {
        if (!element.IsObject()) {
            return WrongType(key, "an array of objects");
        }
        JsonBody item;
        item.document_ = document_;
        item.object_ = &element;
        items.push_back(std::move(item));
    }
    return Out(std::move(items));
}

Result<std::optional<std::vector<std::int64_t>>> JsonBody::Ints(const char* key) const {
    using Out = std::optional<std::vector<std::int64_t>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    std::vector<std::int64_t> items;
    if (v->IsNull()) {
        return Out(std::move(items));
    }
    if (!v->IsArray()) {
        return WrongType(key, "an array of integers");
    }
    for (const auto& element : v->GetArray()) {
        if (!element.IsInt64()) {
            return WrongType(key, "an array of integers");
        }
        items.push_back(element.GetInt64());
    }
    return Out(std::move(items));
}

Result<std::optional<std::string>> JsonBody::AddressText(const char* key) const {
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return std::optional<std::string>();
    }
    if (v->IsNull()) {
        return std::optional<std::string>(std::string());
    }
    if (v->IsString()) {
        return std::optional<std::string>(std::string(v->GetString(), v->GetStringLength()));
    }
    if (v->IsObject()) {
        auto value = v->FindMember("value");
        if (value != v->MemberEnd() && value->value.IsString()) {
            return std::optional<std::string>(
                std::string(value->value.GetString(), value->value.GetStringLength()));
        }
    }
    return WrongType(key, "an object {\"value\": string}, a string or null");
}

Result<std::optional<std::vector<LabeledValue>>> JsonBody::LabeledValues(const char* key) const {
    using Out = std::optional<std::vector<LabeledValue>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    std::vector<LabeledValue> items;
    if (v->IsNull()) {
        return Out(std::move(items));
    }
    const char* kShape = "an array of {\"value\": string, \"label\": string, \"primary\": bool}";
    if (!v->IsArray()) {
        return WrongType(key, kShape);
    }
    for (const auto& element : v->GetArray()) {
        if (!element.IsObject()) {
            return WrongType(key, kShape);
        }
        LabeledValue item;
        for (const auto& member : element.GetObject()) {
            std::string_view name(member.name.GetString(), member.name.GetStringLength());
            if (name == "value" && member.value.IsString()) {
                item.value.assign(member.value.GetString(), member.value.GetStringLength());
            } else if (name == "label" && member.value.IsString()) {
                item.label.assign(member.value.GetString(), member.value.GetStringLength());
            } else if (name == "primary" && member.value.IsBool()) {
                item.primary = member.value.GetBool();
            } else {
                return WrongType(key, kShape);
            }
        }
        items.push_back(std::move(item));
    }
    return Out(std::move(items));
}

namespace {

domain::FieldInput ToFieldInput(const rapidjson::Value& v) {
    using Kind = domain::FieldInput::Kind;
    domain::FieldInput input;
    input.kind = Kind::kOther;
    if (v.IsNull()) {
        input.kind = Kind::kNull;
    } else if (v.IsString()) {
        input.kind = Kind::kString;
        input.text.assign(v.GetString(), v.GetStringLength());
    } else if (v.IsNumber()) {
        if (auto text = DecimalText(v)) {
            input.kind = Kind::kNumber;
            input.text = *text;
            input.is_integer = v.IsInt64();
        }
    } else if (v.IsArray()) {
        input.kind = Kind::kIntegers;
        for (const auto& element : v.GetArray()) {
            if (!element.IsInt64()) {
                input.kind = Kind::kOther;
                break;
            }
            input.integers.push_back(element.GetInt64());
        }
    } else if (v.IsObject() && v.MemberCount() == 2) {
        auto value = v.FindMember("value");
        auto currency = v.FindMember("currency");
        if (value != v.MemberEnd() && value->value.IsNumber() && currency != v.MemberEnd() &&
            currency->value.IsString()) {
            if (auto text = DecimalText(value->value)) {
                input.kind = Kind::kMoney;
                input.text = *text;
                input.currency.assign(currency->value.GetString(),
                                      currency->value.GetStringLength());
            }
        }
    }
    return input;
}

}  // namespace

Result<std::vector<domain::FieldAssignment>> JsonBody::CustomFields(const char* key) const {
    std::vector<domain::FieldAssignment> assignments;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return assignments;
    }
    if (!v->IsObject()) {
        return WrongType(key, "an object of custom field keys and values");
    }
    for (const auto& member : v->GetObject()) {
        assignments.push_back({std::string(member.name.GetString(), member.name.GetStringLength()),
                               ToFieldInput(member.value)});
    }
    return assignments;
}

Result<std::optional<std::vector<domain::OptionInput>>> JsonBody::Options(const char* key) const {
    using Out = std::optional<std::vector<domain::OptionInput>>;
    const rapidjson::Value* v = Find(key);
    if (v == nullptr) {
        return Out();
    }
    const char* kShape = "an array of labels or of {\"label\": string, \"id\": integer}";
    if (!v->IsArray()) {
        return WrongType(key, kShape);
    }
    std::vector<domain::OptionInput> options;
    for (const auto& element : v->GetArray()) {
        domain::OptionInput option;
        if (element.IsString()) {
            option.label.assign(element.GetString(), element.GetStringLength());
        } else if (element.IsObject()) {
            auto label = element.FindMember("label");
            auto id = element.FindMember("id");
            if (label == element.MemberEnd() || !label->value.IsString() ||
                (id != element.MemberEnd() && !id->value.IsInt64())) {
                return WrongType(key, kShape);
            }
            option.label.assign(label->value.GetString(), label->value.GetStringLength());
            if (id != element.MemberEnd()) {
                option.id = id->value.GetInt64();
            }
        } else {
            return WrongType(key, kShape);
        }
        options.push_back(std::move(option));
    }
    return Out(std::move(options));
}

}  // namespace pipecrm::http

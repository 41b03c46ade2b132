#include "http/json.hpp"

#include <charconv>
#include <memory>

#include "rapidjson/error/en.h"

namespace pipecrm::http {

JsonWriter& JsonWriter::Key(std::string_view key) {
    writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return *this;
}
JsonWriter& JsonWriter::Int(std::int64_t value) {
    writer_.Int64(value);
    return *this;
}
JsonWriter& JsonWriter::Bool(bool value) {
    writer_.Bool(value);
    return *this;
}
JsonWriter& JsonWriter::Null() {
    writer_.Null();
    return *this;
}
JsonWriter& JsonWriter::Raw(std::string_view json) {
    writer_.RawValue(json.data(), json.size(), rapidjson::kNumberType);
    return *this;
}
JsonWriter& JsonWriter::OptionalId(const pipecrm::OptionalId& value) {
    return value ? Int(*value) : Null();
}
JsonWriter& JsonWriter::OptionalString(const std::optional<std::string>& value) {
    return value ? String(*value) : Null();
}
JsonWriter& JsonWriter::Rfc3339(const std::optional<Instant>& value) {
    return value ? String(FormatRfc3339(*value)) : Null();
}
JsonWriter& JsonWriter::Date(const std::optional<pipecrm::Date>& value) {
    return value ? String(FormatDate(*value)) : Null();
}
JsonWriter& JsonWriter::StartObject() {
    writer_.StartObject();
    return *this;
}
JsonWriter& JsonWriter::EndObject() {
    writer_.EndObject();
    return *this;
}
JsonWriter& JsonWriter::StartArray() {
    writer_.StartArray();
    return *this;
}
JsonWriter& JsonWriter::EndArray() {
    writer_.EndArray();
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
    if (!parsed.document_->IsObject()) {
        return InvalidArgument("the request body must be a JSON object");
    }
    return parsed;
}

const rapidjson::Value* JsonBody::Find(const char* key) const {
    auto member = document_->FindMember(key);
    return member == document_->MemberEnd() ? nullptr : &member->value;
}

Status JsonBody::OnlyKnownFields(std::initializer_list<std::string_view> known) const {
    for (const auto& member : document_->GetObject()) {
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
    if (v->IsInt64()) {
        return std::optional<std::string>(std::to_string(v->GetInt64()));
    }
    if (!v->IsNumber()) {
        return WrongType(key, "a number");
    }
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v->GetDouble(), std::chars_format::fixed);
    if (ec != std::errc()) {
        return InvalidArgument(std::string(key) + " is out of range", key);
    }
    return std::optional<std::string>(std::string(buf, end));
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

}  // namespace pipecrm::http

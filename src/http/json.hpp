// JSON in and out for the API: a streaming writer for responses and a checked reader for
// request bodies, so handlers never touch RapidJSON's DOM or its error codes directly.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/custom_field.hpp"

namespace pipecrm::http {

/// A streaming JSON writer into a string, written for the hot paths (a page of 50 deals is
/// ~33 KB): no DOM, no printf, commas tracked per nesting level. Keys must be plain ASCII names
/// (they are written as given); values are escaped. Not safe for concurrent use.
class JsonWriter {
  public:
    JsonWriter() { out_.reserve(1024); }

    JsonWriter& Key(std::string_view key);
    JsonWriter& String(std::string_view value);
    JsonWriter& Int(std::int64_t value);
    JsonWriter& Bool(bool value);
    JsonWriter& Null();
    JsonWriter& Raw(std::string_view json);  ///< an already-encoded JSON value
    JsonWriter& OptionalId(const pipecrm::OptionalId& value);
    JsonWriter& OptionalString(const std::optional<std::string>& value);
    JsonWriter& OptionalInt(const std::optional<int>& value);
    /// The string, or null when it is empty (Pipedrive's "not set").
    JsonWriter& StringOrNull(std::string_view value);
    JsonWriter& Rfc3339(const std::optional<Instant>& value);
    JsonWriter& Date(const std::optional<pipecrm::Date>& value);
    JsonWriter& StartObject();
    JsonWriter& EndObject();
    JsonWriter& StartArray();
    JsonWriter& EndArray();

    std::string Take() { return std::move(out_); }

  private:
    /// Puts the comma that separates this value from the previous one, if any.
    void BeforeValue();
    void Open(char bracket);
    void Close(char bracket);

    std::string out_;
    std::uint64_t has_items_ = 0;  // bit d: the container at depth d already has an item
    int depth_ = 0;
    bool after_key_ = false;
};

/// One item of a Pipedrive list of labeled values: emails and phones.
struct LabeledValue {
    std::string value;
    std::string label;
    bool primary = false;
};

/// A parsed request body that must be a JSON object. Each getter names the field in its error.
/// "Absent" and "null" differ: Nullable* getters return an outer empty optional when the key
/// is absent and an inner empty optional for null.
class JsonBody {
  public:
    /// kInvalidArgument when the body is not a JSON object.
    static Result<JsonBody> Parse(const std::string& body);

    /// kInvalidArgument naming the first key not in `known`.
    Status OnlyKnownFields(std::initializer_list<std::string_view> known) const;

    Result<std::optional<std::string>> String(const char* key) const;
    Result<std::optional<std::optional<std::string>>> NullableString(const char* key) const;
    Result<std::optional<std::int64_t>> Int(const char* key) const;
    Result<std::optional<std::optional<std::int64_t>>> NullableInt(const char* key) const;
    Result<std::optional<bool>> Bool(const char* key) const;
    /// A JSON number, returned as exact decimal text (ints as they are, doubles shortest).
    Result<std::optional<std::string>> Number(const char* key) const;
    Result<std::optional<std::optional<pipecrm::Date>>> NullableDate(const char* key) const;
    /// Pipedrive's address: an object whose "value" is the text (other keys are ignored), a plain
    /// string, or null (which clears it to "").
    Result<std::optional<std::string>> AddressText(const char* key) const;
    /// A nested object, readable with the same getters.
    Result<std::optional<JsonBody>> Object(const char* key) const;
    /// A string as it is, a number as Number() gives it, true/false as "true"/"false"; the
    /// inner optional is empty for null.
    Result<std::optional<std::optional<std::string>>> ScalarText(const char* key) const;
    /// An array of objects, each readable with the same getters; null gives an empty list.
    Result<std::optional<std::vector<JsonBody>>> Objects(const char* key) const;
    /// An array of integers (ids); null gives an empty list.
    Result<std::optional<std::vector<std::int64_t>>> Ints(const char* key) const;
    /// An array of {value, label?, primary?} objects; null or [] clears.
    Result<std::optional<std::vector<LabeledValue>>> LabeledValues(const char* key) const;
    /// v2's custom_fields: an object of field key -> value, each value read into a
    /// domain::FieldInput (null, string, number, array of integers, {value, currency}) for the
    /// domain to check against its field's type. Absent gives an empty list.
    Result<std::vector<domain::FieldAssignment>> CustomFields(const char* key) const;
    /// A field's options: an array of labels, or of {label, id?} objects.
    Result<std::optional<std::vector<domain::OptionInput>>> Options(const char* key) const;

  private:
    JsonBody() = default;
    const rapidjson::Value* Find(const char* key) const;
    std::shared_ptr<rapidjson::Document> document_;  // shared: Result<T> needs copyable T
    const rapidjson::Value* object_ = nullptr;       // this object, inside document_
};

}  // namespace pipecrm::http

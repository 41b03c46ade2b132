// Request bodies: any bytes through JsonBody and every typed getter a handler uses.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    auto parsed = pipecrm::http::JsonBody::Parse(body);
    if (!parsed.ok()) {
        return 0;
    }
    const pipecrm::http::JsonBody& json = *parsed;
    (void)json.OnlyKnownFields({"title", "value", "currency", "emails"});
    for (const char* key : {"title", "value", "currency", "stage_id", "emails", "address",
                            "expected_close_date", "done", "due_time"}) {
        (void)json.String(key);
        (void)json.NullableString(key);
        (void)json.Int(key);
        (void)json.NullableInt(key);
        (void)json.Bool(key);
        (void)json.Number(key);
        (void)json.NullableDate(key);
        (void)json.LabeledValues(key);
        (void)json.AddressText(key);
    }
    return 0;
}

// The HMAC-SHA256 signature of a webhook delivery (docs/api.md, "Verifying deliveries").
#pragma once

#include <string>
#include <string_view>

#include "base/time.hpp"

namespace pipecrm::automation {

/// HMAC-SHA256 of `message` under `key`, as lower-case hex (64 characters).
std::string HmacSha256Hex(std::string_view key, std::string_view message);

/// The X-PipeCRM-Signature value: "t=<unix seconds>,v1=<HmacSha256Hex(secret, "<t>." + body)>".
std::string SignatureHeader(std::string_view secret, Instant at, std::string_view body);

}  // namespace pipecrm::automation

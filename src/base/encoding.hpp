// Small encodings: hex and URL-safe base64 (opaque cursors, token digests).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pipecrm {

std::string HexEncode(std::string_view bytes);
/// URL-safe base64 without padding.
std::string Base64UrlEncode(std::string_view bytes);
/// nullopt when the text is not valid URL-safe base64.
std::optional<std::string> Base64UrlDecode(std::string_view text);
/// `text` without leading and trailing spaces and tabs (HTTP header values, cookie pairs).
std::string_view TrimSpaces(std::string_view text);

}  // namespace pipecrm

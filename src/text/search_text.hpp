// Text as search compares it: Unicode NFC on the way in, case and Vietnamese diacritics
// folded away ("Nguyễn Văn A" -> "nguyen van a"), phone numbers in E.164.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pipecrm::text {

/// NFC-normalized UTF-8; invalid UTF-8 comes back with U+FFFD in place of bad bytes.
std::string ToNfc(std::string_view utf8);

/// Lower case, without diacritics (đ counts as d), NFC: what search matching compares.
std::string FoldForSearch(std::string_view utf8);

/// "+84912345678" for a number typed in any common form ("0912 345 678", "+84 912-345-678"),
/// read in `region` (ISO 3166 code, e.g. "VN") when it has no country code; nullopt when it is
/// not a phone number. Safe for concurrent use.
std::optional<std::string> NormalizePhone(std::string_view typed, std::string_view region);

}  // namespace pipecrm::text

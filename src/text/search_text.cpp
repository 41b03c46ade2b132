#include "text/search_text.hpp"

#include <phonenumbers/phonenumberutil.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace pipecrm::text {
namespace {

const icu::Normalizer2* Nfc() {
    UErrorCode error = U_ZERO_ERROR;
    return icu::Normalizer2::getNFCInstance(error);
}

const icu::Normalizer2* Nfd() {
    UErrorCode error = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(error);
}

std::string ToUtf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// Plain ASCII is already NFC and has no diacritics: most titles, names and all emails. (One
// pass over every byte, without stopping early, which the compiler turns into vector code.)
bool IsAscii(std::string_view utf8) {
    unsigned char any = 0;
    for (char c : utf8) {
        any |= static_cast<unsigned char>(c);
    }
    return any < 0x80;
}

}  // namespace

std::string ToNfc(std::string_view utf8) {
    if (IsAscii(utf8)) {
        return std::string(utf8);
    }
    UErrorCode error = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const icu::UnicodeString normalized = Nfc()->normalize(input, error);
    return U_SUCCESS(error) ? ToUtf8(normalized) : ToUtf8(input);
}

std::string FoldForSearch(std::string_view utf8) {
    if (IsAscii(utf8)) {
        std::string folded(utf8);
        for (char& c : folded) {
            c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return folded;
    }
    UErrorCode error = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const icu::UnicodeString decomposed = Nfd()->normalize(input, error);
    if (U_FAILURE(error)) {
        icu::UnicodeString lower = input;
        return ToUtf8(lower.toLower());
    }
    icu::UnicodeString folded;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue;  // the diacritics, separated from their letters by NFD
        }
        if (c == 0x0110 || c == 0x0111) {  // Đ đ have no decomposition
            folded.append(static_cast<UChar32>('d'));
            continue;
        }
        folded.append(u_tolower(c));
    }
    return ToUtf8(folded);
}

std::optional<std::string> NormalizePhone(std::string_view typed, std::string_view region) {
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(std::string(typed), std::string(region), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR) {
        return std::nullopt;
    }
    if (!util->IsPossibleNumber(number)) {
        return std::nullopt;
    }
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return formatted;
}

}  // namespace pipecrm::text

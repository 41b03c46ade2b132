#include "base/money.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace pipecrm {
namespace {

// The currencies a Vietnamese or international sales team meets; sorted by code.
constexpr std::array kCurrencies = {
    CurrencyInfo{"AED", 2, "United Arab Emirates Dirham", "AED"},
    CurrencyInfo{"AUD", 2, "Australian Dollar", "A$"},
    CurrencyInfo{"BHD", 3, "Bahraini Dinar", "BHD"},
    CurrencyInfo{"BRL", 2, "Brazilian Real", "R$"},
    CurrencyInfo{"CAD", 2, "Canadian Dollar", "CA$"},
    CurrencyInfo{"CHF", 2, "Swiss Franc", "CHF"},
    CurrencyInfo{"CNY", 2, "Chinese Yuan", "CN¥"},
    CurrencyInfo{"CZK", 2, "Czech Koruna", "Kč"},
    CurrencyInfo{"DKK", 2, "Danish Krone", "kr"},
    CurrencyInfo{"EUR", 2, "Euro", "€"},
    CurrencyInfo{"GBP", 2, "British Pound", "£"},
    CurrencyInfo{"HKD", 2, "Hong Kong Dollar", "HK$"},
    CurrencyInfo{"IDR", 2, "Indonesian Rupiah", "Rp"},
    CurrencyInfo{"INR", 2, "Indian Rupee", "₹"},
    CurrencyInfo{"JPY", 0, "Japanese Yen", "¥"},
    CurrencyInfo{"KHR", 2, "Cambodian Riel", "៛"},
    CurrencyInfo{"KRW", 0, "South Korean Won", "₩"},
    CurrencyInfo{"KWD", 3, "Kuwaiti Dinar", "KWD"},
    CurrencyInfo{"LAK", 2, "Lao Kip", "₭"},
    CurrencyInfo{"MMK", 2, "Myanmar Kyat", "K"},
    CurrencyInfo{"MXN", 2, "Mexican Peso", "MX$"},
    CurrencyInfo{"MYR", 2, "Malaysian Ringgit", "RM"},
    CurrencyInfo{"NOK", 2, "Norwegian Krone", "kr"},
    CurrencyInfo{"NZD", 2, "New Zealand Dollar", "NZ$"},
    CurrencyInfo{"PHP", 2, "Philippine Peso", "₱"},
    CurrencyInfo{"PLN", 2, "Polish Zloty", "zł"},
    CurrencyInfo{"SEK", 2, "Swedish Krona", "kr"},
    CurrencyInfo{"SGD", 2, "Singapore Dollar", "S$"},
    CurrencyInfo{"THB", 2, "Thai Baht", "฿"},
    CurrencyInfo{"TWD", 2, "New Taiwan Dollar", "NT$"},
    CurrencyInfo{"USD", 2, "US Dollar", "$"},
    CurrencyInfo{"VND", 0, "Vietnamese Dong", "₫"},
    CurrencyInfo{"ZAR", 2, "South African Rand", "R"},
};

const CurrencyInfo* Find(std::string_view code) {
    for (const auto& info : kCurrencies) {
        if (info.code == code) {
            return &info;
        }
    }
    return nullptr;
}

std::int64_t Pow10(int digits) {
    std::int64_t p = 1;
    for (int i = 0; i < digits; ++i) {
        p *= 10;
    }
    return p;
}

}  // namespace

std::span<const CurrencyInfo> KnownCurrencies() {
    return kCurrencies;
}

bool IsKnownCurrency(std::string_view code) {
    return Find(code) != nullptr;
}

int MinorUnitDigits(std::string_view code) {
    const CurrencyInfo* info = Find(code);
    return info ? info->digits : 2;
}

Result<std::int64_t> ParseAmount(std::string_view text, std::string_view currency) {
    const int digits = MinorUnitDigits(currency);
    auto bad = [&] {
        std::string message = "not an amount of ";
        message.append(currency).append(": ").append(text);
        return InvalidArgument(std::move(message));
    };
    std::size_t pos = 0;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
        negative = text[pos] == '-';
        ++pos;
    }
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max() / 10;
    std::int64_t units = 0;
    int integer_digits = 0;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++integer_digits) {
        if (units > kMax) {
            return bad();
        }
        units = units * 10 + (text[pos] - '0');
    }
    int fraction_digits = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
            char c = text[pos];
            if (fraction_digits >= digits) {
                if (c != '0') {
                    std::string message = "amount ";
                    message.append(text).append(" has more decimals than ").append(currency);
                    message.append(" allows (").append(std::to_string(digits)).append(")");
                    return InvalidArgument(std::move(message));
                }
                continue;
            }
            if (units > kMax) {
                return bad();
            }
            units = units * 10 + (c - '0');
            ++fraction_digits;
        }
    }
    if (pos != text.size() || (integer_digits == 0 && fraction_digits == 0)) {
        return bad();
    }
    for (; fraction_digits < digits; ++fraction_digits) {
        if (units > kMax) {
            return bad();
        }
        units *= 10;
    }
    return negative ? -units : units;
}

Result<std::int64_t> AmountFromDouble(double value, std::string_view currency) {
    const int digits = MinorUnitDigits(currency);
    const double scaled = value * static_cast<double>(Pow10(digits));
    if (!std::isfinite(scaled) || std::fabs(scaled) > 9.0e15) {
        return InvalidArgument("amount is out of range");
    }
    const double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled))) {
        return InvalidArgument("amount has more decimals than " + std::string(currency) +
                               " allows (" + std::to_string(digits) + ")");
    }
    return static_cast<std::int64_t>(rounded);
}

std::string FormatAmount(std::int64_t minor_units, std::string_view currency) {
    const int digits = MinorUnitDigits(currency);
    const bool negative = minor_units < 0;
    // Work on the unsigned magnitude so that INT64_MIN renders too.
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(minor_units)
                                       : static_cast<std::uint64_t>(minor_units);
    const auto scale = static_cast<std::uint64_t>(Pow10(digits));
    std::string text = std::to_string(magnitude / scale);
    std::uint64_t fraction = magnitude % scale;
    if (digits > 0 && fraction != 0) {
        std::string frac = std::to_string(fraction);
        frac.insert(0, static_cast<std::size_t>(digits) - frac.size(), '0');
        while (!frac.empty() && frac.back() == '0') {
            frac.pop_back();
        }
        text += '.';
        text += frac;
    }
    return negative ? "-" + text : text;
}

}  // namespace pipecrm

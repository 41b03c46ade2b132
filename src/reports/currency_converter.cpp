#include "reports/currency_converter.hpp"

#include <algorithm>
#include <tuple>

namespace pipecrm::reports {
namespace {

__extension__ using Int128 = __int128;

Int128 PowerOfTen(int exponent) {
    Int128 result = 1;
    for (int i = 0; i < exponent; ++i) {
        result *= 10;
    }
    return result;
}

}  // namespace

Result<Rate> ParseRate(std::string_view text) {
    Rate rate;
    int digits = 0;
    bool point = false;
    for (const char c : text) {
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9') {
            return InvalidArgument("rate must be a positive decimal number, like 25400.5", "rate");
        }
        if (digits == 0 && c == '0' && !point) {
            continue;  // leading zeros
        }
        if (++digits > 18) {
            return InvalidArgument("rate has more than 18 digits", "rate");
        }
        rate.digits = rate.digits * 10 + (c - '0');
        if (point && ++rate.decimals > 12) {
            return InvalidArgument("rate has more than 12 decimals", "rate");
        }
    }
    if (rate.digits <= 0) {
        return InvalidArgument("rate must be a positive decimal number, like 25400.5", "rate");
    }
    return rate;
}

std::string FormatRate(const Rate& rate) {
    std::string digits = std::to_string(rate.digits);
    if (rate.decimals == 0) {
        return digits;
    }
    const auto decimals = static_cast<std::size_t>(rate.decimals);
    if (digits.size() <= decimals) {
        digits.insert(0, decimals - digits.size() + 1, '0');
    }
    std::string text =
        digits.substr(0, digits.size() - decimals) + "." + digits.substr(digits.size() - decimals);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text;
}

std::int64_t ConvertMinorUnits(std::int64_t minor_units,
                               std::string_view from,
                               std::string_view to,
                               const Rate& rate) {
    // minor(to) = minor(from) / 10^d(from) * rate * 10^d(to), rate = digits / 10^decimals.
    const Int128 numerator = Int128{minor_units} * rate.digits * PowerOfTen(MinorUnitDigits(to));
    const Int128 denominator = PowerOfTen(MinorUnitDigits(from) + rate.decimals);
    Int128 quotient = numerator / denominator;
    const Int128 remainder = numerator % denominator;
    if (remainder * 2 >= denominator) {
        ++quotient;
    } else if (remainder * 2 <= -denominator) {
        --quotient;
    }
    return static_cast<std::int64_t>(quotient);
}

CurrencyConverter::CurrencyConverter(std::string base_currency,
                                     const std::vector<domain::ExchangeRate>& rates)
    : base_(std::move(base_currency)) {
    for (const domain::ExchangeRate& r : rates) {
        auto rate = ParseRate(r.rate);
        if (rate.ok()) {
            versions_[r.currency].push_back({r.rate_date, r.entered_time, r.id, *rate});
        }
    }
    for (auto& [currency, list] : versions_) {
        std::sort(list.begin(), list.end(), [](const Version& a, const Version& b) {
            return std::tie(a.day, a.entered, a.id) < std::tie(b.day, b.entered, b.id);
        });
    }
}

std::optional<std::int64_t> CurrencyConverter::ToBase(const Money& value,
                                                      const std::optional<ClosedOn>& closed) {
    if (value.currency == base_) {
        return value.minor_units;
    }
    const auto found = versions_.find(value.currency);
    if (found == versions_.end() || found->second.empty()) {
        missing_.insert(value.currency);
        return std::nullopt;
    }
    const std::vector<Version>& list = found->second;
    if (!closed) {
        return ConvertMinorUnits(value.minor_units, value.currency, base_, list.back().rate);
    }
    // The date to use: the close day or the latest before it, else the earliest date.
    auto after = std::upper_bound(list.begin(), list.end(), closed->day,
                                  [](Date day, const Version& v) { return day < v.day; });
    const Date day = after == list.begin() ? list.front().day : std::prev(after)->day;
    auto first =
        std::find_if(list.begin(), list.end(), [&](const Version& v) { return v.day == day; });
    const Version* chosen = &*first;
    for (auto it = first; it != list.end() && it->day == day; ++it) {
        // Whole seconds: a version entered in the second the deal closed counts as later.
        if (it->entered < closed->at) {
            chosen = &*it;
        }
    }
    return ConvertMinorUnits(value.minor_units, value.currency, base_, chosen->rate);
}

}  // namespace pipecrm::reports

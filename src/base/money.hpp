// Money: integer minor units plus an ISO 4217 currency code; never floating point.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/status.hpp"

namespace pipecrm {

struct Money {
    std::int64_t minor_units = 0;
    std::string currency;  ///< ISO 4217, upper case, e.g. "VND", "USD"

    bool operator==(const Money&) const = default;
};

/// An ISO 4217 currency PipeCRM knows: code, minor-unit digits, English name, symbol.
struct CurrencyInfo {
    std::string_view code;
    int digits;
    std::string_view name;
    std::string_view symbol;
};

/// Every known currency, sorted by code.
std::span<const CurrencyInfo> KnownCurrencies();

/// True for the ISO 4217 codes PipeCRM knows the minor unit of.
bool IsKnownCurrency(std::string_view code);
/// Decimal places of the currency's minor unit: 0 for VND and JPY, 2 for USD, 3 for KWD.
/// Unknown codes are treated as 2.
int MinorUnitDigits(std::string_view code);

/// Parses a decimal amount ("1500", "1500.5", "-3.25") into minor units of `currency`.
/// Fails with kInvalidArgument when the text is not a number, has more decimals than the
/// currency allows, or does not fit.
Result<std::int64_t> ParseAmount(std::string_view text, std::string_view currency);
/// Converts a JSON number to minor units, exactly when it has no more decimals than allowed.
Result<std::int64_t> AmountFromDouble(double value, std::string_view currency);
/// Renders minor units as a plain decimal number: 150050 USD -> "1500.5", 2000000 VND -> "2000000".
std::string FormatAmount(std::int64_t minor_units, std::string_view currency);

}  // namespace pipecrm

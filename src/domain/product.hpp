// A product a business sells, and a product attached to a deal with quantity and price.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/money.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"

namespace pipecrm::domain {

/// A product's price in one currency, with what it costs the seller (both minor units).
struct ProductPrice {
    Money price;
    std::int64_t cost = 0;
};

struct Product {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    std::string code;
    std::string unit;
    double tax = 0;  ///< percent
    std::string description;
    std::string category;
    bool is_linkable = true;
    Visibility visible_to = Visibility::kEveryone;
    std::vector<ProductPrice> prices;  ///< at most one per currency
    Id owner_id = 0;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

enum class DiscountType { kPercentage, kAmount };
enum class TaxMethod { kNone, kExclusive, kInclusive };

/// "percentage"/"amount" and "exclusive"/"inclusive"/"none", as the API and storage write them.
std::string_view DiscountTypeName(DiscountType type);
std::optional<DiscountType> ParseDiscountType(std::string_view text);
std::string_view TaxMethodName(TaxMethod method);
std::optional<TaxMethod> ParseTaxMethod(std::string_view text);

/// A product on a deal: price in the deal's currency, quantity, discount and tax.
struct DealProduct {
    Id id = 0;  ///< Pipedrive's product_attachment_id
    Id workspace_id = 0;
    Id deal_id = 0;
    Id product_id = 0;
    std::int64_t item_price = 0;  ///< minor units of the deal's currency
    double quantity = 1;
    double discount = 0;  ///< percent, or minor units when kAmount
    DiscountType discount_type = DiscountType::kPercentage;
    double tax = 0;  ///< percent
    TaxMethod tax_method = TaxMethod::kNone;
    bool is_enabled = true;
    std::string comments;
    Instant add_time;
    Instant update_time;
};

/// item_price × quantity, less the discount, plus the tax when it is exclusive; in minor units,
/// rounded half away from zero. (An inclusive tax is already in the price.)
std::int64_t DealProductSum(const DealProduct& line);

}  // namespace pipecrm::domain

// A product a business sells, and a product attached to a deal with quantity and price.
#pragma once

#include <cstdint>
#include <string>

#include "base/ids.hpp"
#include "base/money.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct Product {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    std::string code;
    std::string unit;
    Money price;
    Id owner_id = 0;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

enum class DiscountType { kPercentage, kAmount };

struct DealProduct {
    Id id = 0;
    Id workspace_id = 0;
    Id deal_id = 0;
    Id product_id = 0;
    std::int64_t item_price = 0;  ///< minor units of the deal's currency
    double quantity = 1;
    double discount = 0;
    DiscountType discount_type = DiscountType::kPercentage;
    Instant add_time;
    Instant update_time;
};

/// item_price × quantity less the discount, in minor units, rounded half away from zero.
std::int64_t DealProductSum(const DealProduct& line);

}  // namespace pipecrm::domain

// The products on a deal. When a deal has enabled product lines, its value is their total
// (recomputed, with a value_changed event, after every change to them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/product.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Empty fields stay as they are. item_price is decimal text in the deal's currency.
struct DealProductChange {
    std::optional<Id> product_id;
    std::optional<std::string> item_price;
    std::optional<double> quantity;
    std::optional<double> discount;
    std::optional<DiscountType> discount_type;
    std::optional<double> tax;
    std::optional<TaxMethod> tax_method;
    std::optional<bool> is_enabled;
    std::optional<std::string> comments;
};

/// Lines of a live deal; kNotFound for an unknown or deleted deal.
Result<std::vector<DealProduct>> ListDealProducts(Repositories& repos, Id workspace_id, Id deal_id);
/// Adds a line. product_id, item_price and quantity are required; the product must be live and
/// linkable. kInvalidArgument naming the field.
Result<DealProduct> AddDealProduct(Repositories& repos,
                                   const Actor& actor,
                                   Id deal_id,
                                   const DealProductChange& change,
                                   Instant now);
Result<DealProduct> UpdateDealProduct(Repositories& repos,
                                      const Actor& actor,
                                      Id deal_id,
                                      Id line_id,
                                      const DealProductChange& change,
                                      Instant now);
Result<DealProduct> RemoveDealProduct(
    Repositories& repos, const Actor& actor, Id deal_id, Id line_id, Instant now);

}  // namespace pipecrm::domain

// Product use cases over the storage ports.
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

/// A price as it arrives: decimal text read in its currency.
struct PriceInput {
    std::string currency;
    std::string price;
    std::string cost = "0";
};

/// Empty fields stay as they are.
struct ProductChange {
    std::optional<std::string> name;
    std::optional<std::string> code;
    std::optional<std::string> unit;
    std::optional<double> tax;
    std::optional<std::string> description;
    std::optional<std::string> category;
    std::optional<bool> is_linkable;
    std::optional<Visibility> visible_to;
    std::optional<Id> owner_id;
    std::optional<std::vector<PriceInput>> prices;  ///< replaces all prices
};

/// Creates a product. Name required; at most one price per currency, each read exactly in its
/// currency's minor units; tax 0..100. kInvalidArgument naming the field.
Result<Product> CreateProduct(Repositories& repos,
                              const Actor& actor,
                              const ProductChange& change,
                              Instant now);
Result<Product> UpdateProduct(Repositories& repos,
                              const Actor& actor,
                              Id product_id,
                              const ProductChange& change,
                              Instant now);
/// Soft delete; deals keep the product lines they have.
Result<Product> DeleteProduct(Repositories& repos, const Actor& actor, Id product_id, Instant now);
/// A live product or kNotFound.
Result<Product> GetLiveProduct(Repositories& repos, Id workspace_id, Id product_id);

}  // namespace pipecrm::domain

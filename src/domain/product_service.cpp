#include "domain/product_service.hpp"

#include <tuple>

#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Result<std::vector<ProductPrice>> CheckedPrices(const std::vector<PriceInput>& inputs) {
    std::vector<ProductPrice> prices;
    for (const PriceInput& input : inputs) {
        std::string currency = input.currency;
        for (char& c : currency) {
            if (c >= 'a' && c <= 'z') {
                c = static_cast<char>(c - 'a' + 'A');
            }
        }
        if (!IsKnownCurrency(currency)) {
            return InvalidArgument("unknown currency \"" + input.currency + "\"", "prices");
        }
        for (const ProductPrice& existing : prices) {
            if (existing.price.currency == currency) {
                return InvalidArgument("two prices in " + currency, "prices");
            }
        }
        auto price = ParseAmount(input.price, currency);
        auto cost = ParseAmount(input.cost, currency);
        if (!price.ok() || !cost.ok()) {
            return InvalidArgument(!price.ok() ? price.status().message() : cost.status().message(),
                                   "prices");
        }
        if (*price < 0 || *cost < 0) {
            return InvalidArgument("prices and costs must not be negative", "prices");
        }
        prices.push_back({Money{*price, currency}, *cost});
    }
    return prices;
}

Status Apply(Repositories& repos, const Actor& actor, const ProductChange& change, Product& p) {
    if (change.name) {
        if (change.name->find_first_not_of(" \t\r\n") == std::string::npos) {
            return InvalidArgument("name must not be empty", "name");
        }
        p.name = *change.name;
    }
    for (const auto& [value, target, field] :
         {std::tuple{&change.code, &p.code, "code"}, std::tuple{&change.unit, &p.unit, "unit"},
          std::tuple{&change.category, &p.category, "category"}}) {
        if (*value) {
            if ((*value)->size() > 255) {
                return InvalidArgument(std::string(field) + " is longer than 255 bytes", field);
            }
            *target = **value;
        }
    }
    if (change.description) {
        p.description = *change.description;
    }
    if (change.tax) {
        if (!(*change.tax >= 0 && *change.tax <= 100)) {
            return InvalidArgument("tax must be a percentage from 0 to 100", "tax");
        }
        p.tax = *change.tax;
    }
    if (change.is_linkable) {
        p.is_linkable = *change.is_linkable;
    }
    if (change.visible_to) {
        p.visible_to = *change.visible_to;
    }
    if (change.owner_id) {
        PIPECRM_RETURN_IF_ERROR(CheckOwner(repos, actor.workspace_id, *change.owner_id));
        p.owner_id = *change.owner_id;
    }
    if (change.prices) {
        auto prices = CheckedPrices(*change.prices);
        if (!prices.ok()) {
            return prices.status();
        }
        p.prices = std::move(*prices);
    }
    return Status::Ok();
}

}  // namespace

Result<Product> GetLiveProduct(Repositories& repos, Id workspace_id, Id product_id) {
    return LiveOnly(repos.Products().Get(workspace_id, product_id), NotDeleted<Product>, "product",
                    product_id);
}

Result<Product> CreateProduct(Repositories& repos,
                              const Actor& actor,
                              const ProductChange& change,
                              Instant now) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    Product product;
    product.workspace_id = actor.workspace_id;
    product.owner_id = actor.user_id;
    product.visible_to = actor.default_visibility;
    PIPECRM_RETURN_IF_ERROR(Apply(repos, actor, change, product));
    product.add_time = now;
    product.update_time = now;
    auto id = repos.Products().Insert(product);
    if (!id.ok()) {
        return id.status();
    }
    product.id = *id;
    return product;
}

Result<Product> UpdateProduct(Repositories& repos,
                              const Actor& actor,
                              Id product_id,
                              const ProductChange& change,
                              Instant now) {
    auto product = GetLiveProduct(repos, actor.workspace_id, product_id);
    if (!product.ok()) {
        return product.status();
    }
    PIPECRM_RETURN_IF_ERROR(Apply(repos, actor, change, *product));
    product->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Products().Update(*product));
    return product;
}

Result<Product> DeleteProduct(Repositories& repos, const Actor& actor, Id product_id, Instant now) {
    auto product = SoftDelete(GetLiveProduct(repos, actor.workspace_id, product_id), now,
                              [&](const Product& p) { return repos.Products().Update(p); });
    const std::string name = product.ok() ? product->name : "";
    return AuditDeletion(std::move(product), repos, actor, "product", name, now);
}

}  // namespace pipecrm::domain

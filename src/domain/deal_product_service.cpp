#include "domain/deal_product_service.hpp"

#include "domain/deal_service.hpp"
#include "domain/product_service.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Status Apply(Repositories& repos,
             const Deal& deal,
             const DealProductChange& change,
             DealProduct& line) {
    if (change.product_id) {
        auto product = GetLiveProduct(repos, deal.workspace_id, *change.product_id);
        if (!product.ok() || !product->is_linkable) {
            if (!product.ok() && product.status().code() != ErrorCode::kNotFound) {
                return product.status();
            }
            return InvalidArgument("product " + std::to_string(*change.product_id) +
                                       " does not exist or cannot be added",
                                   "product_id");
        }
        line.product_id = *change.product_id;
    }
    if (change.item_price) {
        auto price = ParseAmount(*change.item_price, deal.value.currency);
        if (!price.ok() || *price < 0) {
            return InvalidArgument(
                price.ok() ? "item_price must not be negative" : price.status().message(),
                "item_price");
        }
        line.item_price = *price;
    }
    if (change.quantity) {
        if (!(*change.quantity > 0 && *change.quantity < 1e9)) {
            return InvalidArgument("quantity must be above 0", "quantity");
        }
        line.quantity = *change.quantity;
    }
    if (change.discount_type) {
        line.discount_type = *change.discount_type;
    }
    if (change.discount) {
        line.discount = *change.discount;
    }
    if (line.discount < 0 ||
        (line.discount_type == DiscountType::kPercentage && line.discount > 100)) {
        return InvalidArgument("discount must be 0..100 percent, or a non-negative amount",
                               "discount");
    }
    if (change.tax) {
        if (!(*change.tax >= 0 && *change.tax <= 100)) {
            return InvalidArgument("tax must be a percentage from 0 to 100", "tax");
        }
        line.tax = *change.tax;
    }
    if (change.tax_method) {
        line.tax_method = *change.tax_method;
    }
    if (change.is_enabled) {
        line.is_enabled = *change.is_enabled;
    }
    if (change.comments) {
        line.comments = *change.comments;
    }
    return Status::Ok();
}

// The deal's value becomes the total of its enabled lines, when it has any.
Status RecomputeValue(Repositories& repos, const Actor& actor, const Deal& deal, Instant now) {
    auto lines = repos.Products().ListForDeal(deal.workspace_id, deal.id);
    if (!lines.ok()) {
        return lines.status();
    }
    std::int64_t total = 0;
    bool any = false;
    for (const DealProduct& line : *lines) {
        if (line.is_enabled) {
            total += DealProductSum(line);
            any = true;
        }
    }
    if (!any) {
        return Status::Ok();
    }
    DealChange change;
    change.value = FormatAmount(total, deal.value.currency);
    auto updated = UpdateDeal(repos, actor, deal.id, change, now);
    return updated.ok() ? Status::Ok() : updated.status();
}

Result<DealProduct> LineOf(Repositories& repos, Id workspace_id, Id deal_id, Id line_id) {
    auto line = repos.Products().GetDealProduct(workspace_id, line_id);
    if (line.ok() && line->deal_id != deal_id) {
        return NotFound("deal " + std::to_string(deal_id) + " has no product line " +
                        std::to_string(line_id));
    }
    return line;
}

}  // namespace

Result<std::vector<DealProduct>> ListDealProducts(Repositories& repos,
                                                  Id workspace_id,
                                                  Id deal_id) {
    auto deal = GetLiveDeal(repos, workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    return repos.Products().ListForDeal(workspace_id, deal_id);
}

Result<DealProduct> AddDealProduct(Repositories& repos,
                                   const Actor& actor,
                                   Id deal_id,
                                   const DealProductChange& change,
                                   Instant now) {
    for (const auto& [present, field] : {std::pair{change.product_id.has_value(), "product_id"},
                                         std::pair{change.item_price.has_value(), "item_price"},
                                         std::pair{change.quantity.has_value(), "quantity"}}) {
        if (!present) {
            return InvalidArgument(std::string(field) + " is required", field);
        }
    }
    auto deal = GetLiveDeal(repos, actor.workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    DealProduct line;
    line.workspace_id = actor.workspace_id;
    line.deal_id = deal_id;
    PIPECRM_RETURN_IF_ERROR(Apply(repos, *deal, change, line));
    line.add_time = now;
    line.update_time = now;
    auto id = repos.Products().InsertDealProduct(line);
    if (!id.ok()) {
        return id.status();
    }
    line.id = *id;
    PIPECRM_RETURN_IF_ERROR(RecomputeValue(repos, actor, *deal, now));
    return line;
}

Result<DealProduct> UpdateDealProduct(Repositories& repos,
                                      const Actor& actor,
                                      Id deal_id,
                                      Id line_id,
                                      const DealProductChange& change,
                                      Instant now) {
    auto deal = GetLiveDeal(repos, actor.workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    auto line = LineOf(repos, actor.workspace_id, deal_id, line_id);
    if (!line.ok()) {
        return line.status();
    }
    PIPECRM_RETURN_IF_ERROR(Apply(repos, *deal, change, *line));
    line->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Products().UpdateDealProduct(*line));
    PIPECRM_RETURN_IF_ERROR(RecomputeValue(repos, actor, *deal, now));
    return line;
}

Result<DealProduct> RemoveDealProduct(
    Repositories& repos, const Actor& actor, Id deal_id, Id line_id, Instant now) {
    auto deal = GetLiveDeal(repos, actor.workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    auto line = LineOf(repos, actor.workspace_id, deal_id, line_id);
    if (!line.ok()) {
        return line.status();
    }
    PIPECRM_RETURN_IF_ERROR(repos.Products().DeleteDealProduct(actor.workspace_id, line_id));
    PIPECRM_RETURN_IF_ERROR(RecomputeValue(repos, actor, *deal, now));
    return line;
}

}  // namespace pipecrm::domain

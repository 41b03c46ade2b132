// v2 products: list, get, create, update, delete.
#include <cstdlib>

#include "domain/product_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

Result<std::vector<domain::PriceInput>> ParsePrices(const std::vector<JsonBody>& items) {
    std::vector<domain::PriceInput> prices;
    for (const JsonBody& item : items) {
        auto known = item.OnlyKnownFields({"price", "currency", "cost", "direct_cost", "notes"});
        if (!known.ok()) {
            return InvalidArgument("prices: " + known.message(), "prices");
        }
        std::optional<std::string> currency;
        std::optional<std::string> price;
        std::optional<std::string> cost;
        auto in_prices = [](const Status& status) {
            return status.ok() ? status : InvalidArgument("prices: " + status.message(), "prices");
        };
        PIPECRM_RETURN_IF_ERROR(in_prices(Take(item.String("currency"), currency)));
        PIPECRM_RETURN_IF_ERROR(in_prices(Take(item.Number("price"), price)));
        PIPECRM_RETURN_IF_ERROR(in_prices(Take(item.Number("cost"), cost)));
        if (!currency || !price) {
            return InvalidArgument("each price needs a price and a currency", "prices");
        }
        prices.push_back({*currency, *price, cost.value_or("0")});
    }
    return prices;
}

Result<domain::ProductChange> ParseProductBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"name", "code", "unit", "tax", "description", "category",
                               "is_linkable", "visible_to", "owner_id", "prices"}));
    domain::ProductChange change;
    std::optional<std::string> tax;
    std::optional<std::vector<JsonBody>> prices;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("code"), change.code));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("unit"), change.unit));
    PIPECRM_RETURN_IF_ERROR(Take(body->Number("tax"), tax));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("description"), change.description));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("category"), change.category));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("is_linkable"), change.is_linkable));
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), change.visible_to));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("owner_id"), change.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Objects("prices"), prices));
    if (tax) {
        change.tax = std::strtod(tax->c_str(), nullptr);
    }
    if (prices) {
        std::vector<domain::PriceInput> parsed;
        PIPECRM_RETURN_IF_ERROR(Take(ParsePrices(*prices), parsed));
        change.prices = std::move(parsed);
    }
    return change;
}

}  // namespace

void AddProductRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/products",
               CursorListRoute<domain::Product>(
                   store,
                   [](const RouteContext& ctx) -> Result<domain::ContactQuery> {
                       domain::ContactQuery query;
                       PIPECRM_RETURN_IF_ERROR(ReadCommonListParams(ctx, query));
                       return query;
                   },
                   [](domain::Repositories& repos, const domain::ContactQuery& query) {
                       return repos.Products().List(query);
                   },
                   WriteProductV2, domain::FilterType::kProducts));
    AddItemRoutes<domain::Product, domain::ProductChange>(
        router, store, clock,
        {"/api/v2/products", ParseProductBody, domain::GetLiveProduct, domain::CreateProduct,
         domain::UpdateProduct, domain::DeleteProduct, WriteProductV2});
}

}  // namespace pipecrm::http

// v2 deal products: the products on a deal (list, add, update, delete).
#include <cstdlib>

#include "domain/deal_product_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

// A line as answered: the line, its product's name, and the deal's currency.
struct LineView {
    domain::DealProduct line;
    std::string name;
    std::string currency;
    int order_nr = 0;  ///< 1.. in a list; 0 when answering one line
};

void WriteLine(JsonWriter& w, const LineView& view) {
    const domain::DealProduct& l = view.line;
    w.StartObject();
    w.Key("id").Int(l.id);
    w.Key("deal_id").Int(l.deal_id);
    w.Key("product_id").Int(l.product_id);
    w.Key("product_variation_id").Null();
    w.Key("name").String(view.name);
    w.Key("order_nr").Int(view.order_nr);
    w.Key("item_price").Raw(FormatAmount(l.item_price, view.currency));
    w.Key("quantity").Raw(FormatNumber(l.quantity));
    w.Key("discount").Raw(FormatNumber(l.discount));
    w.Key("discount_type").String(domain::DiscountTypeName(l.discount_type));
    w.Key("tax").Raw(FormatNumber(l.tax));
    w.Key("tax_method").String(domain::TaxMethodName(l.tax_method));
    w.Key("sum").Raw(FormatAmount(domain::DealProductSum(l), view.currency));
    w.Key("currency").String(view.currency);
    w.Key("is_enabled").Bool(l.is_enabled);
    w.Key("add_time").Rfc3339(l.add_time);
    w.Key("update_time").Rfc3339(l.update_time);
    w.Key("comments").StringOrNull(l.comments);
    w.Key("billing_frequency").String("one-time");
    w.Key("billing_frequency_cycles").Null();
    w.Key("billing_start_date").Null();
    w.EndObject();
}

Result<LineView> ViewOf(domain::Repositories& repos, domain::DealProduct line, int order_nr) {
    auto deal = repos.Deals().Get(line.workspace_id, line.deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    auto product = repos.Products().Get(line.workspace_id, line.product_id);
    return LineView{std::move(line), product.ok() ? product->name : "", deal->value.currency,
                    order_nr};
}

Result<domain::DealProductChange> ParseLineBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"product_id", "item_price", "quantity", "discount", "discount_type",
                               "tax", "tax_method", "is_enabled", "comments"}));
    domain::DealProductChange change;
    std::optional<std::int64_t> product_id;
    std::optional<std::string> quantity, discount, tax, discount_type, tax_method;
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("product_id"), product_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Number("item_price"), change.item_price));
    PIPECRM_RETURN_IF_ERROR(Take(body->Number("quantity"), quantity));
    PIPECRM_RETURN_IF_ERROR(Take(body->Number("discount"), discount));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("discount_type"), discount_type));
    PIPECRM_RETURN_IF_ERROR(Take(body->Number("tax"), tax));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("tax_method"), tax_method));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("is_enabled"), change.is_enabled));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("comments"), change.comments));
    change.product_id = product_id;
    for (const auto& [text, target] :
         {std::pair{&quantity, &change.quantity}, std::pair{&discount, &change.discount},
          std::pair{&tax, &change.tax}}) {
        if (*text) {
            *target = std::strtod((*text)->c_str(), nullptr);
        }
    }
    if (discount_type) {
        change.discount_type = domain::ParseDiscountType(*discount_type);
        if (!change.discount_type) {
            return InvalidArgument("discount_type must be percentage or amount", "discount_type");
        }
    }
    if (tax_method) {
        change.tax_method = domain::ParseTaxMethod(*tax_method);
        if (!change.tax_method) {
            return InvalidArgument("tax_method must be exclusive, inclusive or none", "tax_method");
        }
    }
    return change;
}

Response OneLine(const LineView& view, int status = 200) {
    JsonWriter w;
    WriteLine(w, view);
    return SuccessResponse(w.Take(), status);
}

struct DealAndLine {
    Id deal_id = 0;
    Id line_id = 0;
    domain::DealProductChange change;
};

Result<DealAndLine> ParseDealAndLine(const RouteContext& ctx, bool has_line, bool has_body) {
    DealAndLine input;
    PIPECRM_RETURN_IF_ERROR(Take(ctx.IdParam(0), input.deal_id));
    if (has_line) {
        PIPECRM_RETURN_IF_ERROR(Take(ctx.IdParam(1), input.line_id));
    }
    if (has_body) {
        PIPECRM_RETURN_IF_ERROR(Take(ParseLineBody(ctx.request), input.change));
    }
    return input;
}

}  // namespace

void AddDealProductRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    const std::string base = "/api/v2/deals/{id}/products";

    router.Add("GET", base, [&store](const RouteContext& ctx, Responder respond) {
        auto deal_id = ctx.IdParam(0);
        if (!deal_id.ok()) {
            respond(ErrorResponse(deal_id.status()));
            return;
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<LineView>>(
            store,
            [&](domain::Repositories& repos) -> Result<std::vector<LineView>> {
                auto lines = domain::ListDealProducts(repos, workspace_id, *deal_id);
                if (!lines.ok()) {
                    return lines.status();
                }
                std::vector<LineView> views;
                int order = 0;
                for (domain::DealProduct& line : *lines) {
                    auto view = ViewOf(repos, std::move(line), ++order);
                    if (!view.ok()) {
                        return view.status();
                    }
                    views.push_back(std::move(*view));
                }
                return views;
            },
            [](const std::vector<LineView>& views) {
                return SuccessResponse(ToJsonArray(views, WriteLine), 200,
                                       "{\"next_cursor\":null}");
            },
            respond);
    });

    router.Add("POST", base,
               WriteRoute<LineView>(
                   store, clock,
                   [](const RouteContext& ctx) { return ParseDealAndLine(ctx, false, true); },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const DealAndLine& input, Instant now) -> Result<LineView> {
                       auto line =
                           domain::AddDealProduct(repos, actor, input.deal_id, input.change, now);
                       if (!line.ok()) {
                           return line.status();
                       }
                       return ViewOf(repos, std::move(*line), 0);
                   },
                   [](const LineView& view) { return OneLine(view, 201); }));

    router.Add(
        "PATCH", base + "/{product_attachment_id}",
        WriteRoute<LineView>(
            store, clock, [](const RouteContext& ctx) { return ParseDealAndLine(ctx, true, true); },
            [](domain::Repositories& repos, const domain::Actor& actor, const DealAndLine& input,
               Instant now) -> Result<LineView> {
                auto line = domain::UpdateDealProduct(repos, actor, input.deal_id, input.line_id,
                                                      input.change, now);
                if (!line.ok()) {
                    return line.status();
                }
                return ViewOf(repos, std::move(*line), 0);
            },
            [](const LineView& view) { return OneLine(view); }));

    router.Add(
        "DELETE", base + "/{product_attachment_id}",
        WriteRoute<domain::DealProduct>(
            store, clock,
            [](const RouteContext& ctx) { return ParseDealAndLine(ctx, true, false); },
            [](domain::Repositories& repos, const domain::Actor& actor, const DealAndLine& input,
               Instant now) {
                return domain::RemoveDealProduct(repos, actor, input.deal_id, input.line_id, now);
            },
            [](const domain::DealProduct& line) { return SuccessResponse(IdObject(line.id)); }));
}

}  // namespace pipecrm::http

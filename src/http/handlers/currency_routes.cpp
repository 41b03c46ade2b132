// v1 currencies (under /api/v1 and /v1): the currencies deal values may use.
#include "base/money.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

std::string Upper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

}  // namespace

void AddCurrencyRoutes(Router& router, const ApiServices&) {
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/currencies", [](const RouteContext& ctx, Responder respond) {
            const std::string* term = ctx.request.Query("term");
            const std::string wanted = term ? Upper(*term) : std::string();
            JsonWriter w;
            w.StartArray();
            int id = 0;
            for (const CurrencyInfo& currency : KnownCurrencies()) {
                ++id;
                if (!wanted.empty() &&
                    Upper(std::string(currency.code)).find(wanted) == std::string::npos &&
                    Upper(std::string(currency.name)).find(wanted) == std::string::npos) {
                    continue;
                }
                w.StartObject();
                w.Key("id").Int(id);
                w.Key("code").String(currency.code);
                w.Key("name").String(currency.name);
                w.Key("decimal_points").Int(currency.digits);
                w.Key("symbol").String(currency.symbol);
                w.Key("active_flag").Bool(true);
                w.Key("is_custom_flag").Bool(false);
                w.EndObject();
            }
            w.EndArray();
            respond(SuccessResponse(w.Take()));
        });
    }
}

}  // namespace pipecrm::http

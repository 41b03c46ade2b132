#include "reports/exchange_rate_service.hpp"

#include "base/money.hpp"
#include "reports/currency_converter.hpp"

namespace pipecrm::reports {

Result<domain::ExchangeRate> AddExchangeRate(domain::Repositories& repos,
                                             const domain::Actor& actor,
                                             const RateInput& input,
                                             Instant now) {
    auto workspace = repos.Workspaces().Get(actor.workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    std::string currency = input.currency;
    for (char& c : currency) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    if (currency.empty()) {
        return InvalidArgument("currency is required", "currency");
    }
    if (!IsKnownCurrency(currency)) {
        return InvalidArgument("unknown currency \"" + input.currency + "\"", "currency");
    }
    if (currency == workspace->default_currency) {
        return InvalidArgument(currency + " is the base currency; its rate is always 1",
                               "currency");
    }
    if (!input.date) {
        return InvalidArgument("date is required (YYYY-MM-DD)", "date");
    }
    auto rate = ParseRate(input.rate);
    if (!rate.ok()) {
        return rate.status();
    }
    domain::ExchangeRate row;
    row.workspace_id = actor.workspace_id;
    row.currency = currency;
    row.rate_date = *input.date;
    row.rate = FormatRate(*rate);
    if (actor.user_id > 0) {
        row.entered_by = actor.user_id;
    }
    row.entered_time = now;
    auto id = repos.Reports().AddRate(row);
    if (!id.ok()) {
        return id.status();
    }
    row.id = *id;
    return row;
}

Result<CurrentRates> ListExchangeRates(domain::Repositories& repos, Id workspace_id) {
    auto workspace = repos.Workspaces().Get(workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    auto rates = repos.Reports().Rates(workspace_id);
    if (!rates.ok()) {
        return rates.status();
    }
    CurrentRates out;
    out.base_currency = workspace->default_currency;
    // Sorted by currency, date, entered_time: keep the last of each (currency, date).
    for (domain::ExchangeRate& r : *rates) {
        if (!out.rates.empty() && out.rates.back().currency == r.currency &&
            out.rates.back().rate_date == r.rate_date) {
            out.rates.back() = std::move(r);
        } else {
            out.rates.push_back(std::move(r));
        }
    }
    return out;
}

}  // namespace pipecrm::reports

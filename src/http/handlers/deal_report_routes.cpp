// v1 deal summary and deal timeline (under /api/v1 and /v1): deal counts and values per
// currency, overall or per period of a date field, in the user's time zone.
#include <map>
#include <string>

#include "domain/custom_field_service.hpp"
#include "domain/deal_reports.hpp"
#include "domain/references.hpp"
#include "http/api.hpp"
#include "http/handlers/deal_names.hpp"
#include "http/handlers/handler_support.hpp"
#include "text/time_zone.hpp"

namespace pipecrm::http {
namespace {

constexpr int kMaxPeriods = 1000;
constexpr int kMaxTimelineDeals = 100000;

// An amount of money as a JSON number in major units.
void Amount(JsonWriter& w, std::int64_t minor_units, const std::string& currency) {
    w.Raw(FormatAmount(minor_units, currency));
}

// {"USD": 12.5, ...}
void AmountsByCurrency(JsonWriter& w, const domain::CurrencyAmounts& amounts) {
    w.StartObject();
    for (const auto& [currency, minor_units] : amounts) {
        w.Key(currency);
        Amount(w, minor_units, currency);
    }
    w.EndObject();
}

// Values are converted into the user's currency. Without exchange rates only amounts already
// in that currency convert; any other leaves the converted figures null rather than wrong.
void ConvertedOrNull(JsonWriter& w,
                     const char* key,
                     std::optional<std::int64_t> minor_units,
                     const std::string& currency) {
    w.Key(key);
    if (minor_units) {
        Amount(w, *minor_units, currency);
    } else {
        w.Null();
    }
    w.Key((std::string(key) + "_formatted").c_str());
    if (minor_units) {
        w.String(FormatMoney(*minor_units, currency));
    } else {
        w.Null();
    }
}

std::string RenderSummary(const std::vector<domain::CurrencyTotals>& totals,
                          const std::string& user_currency) {
    std::int64_t count = 0;
    std::optional<std::int64_t> converted = 0;
    std::optional<std::int64_t> weighted_converted = 0;
    for (const domain::CurrencyTotals& t : totals) {
        count += t.count;
        if (t.currency != user_currency) {
            converted.reset();
            weighted_converted.reset();
        } else if (converted) {
            *converted += t.value;
            *weighted_converted += t.weighted_value;
        }
    }
    JsonWriter w;
    w.StartObject();
    for (const bool weighted : {false, true}) {
        w.Key(weighted ? "weighted_values_total" : "values_total").StartObject();
        for (const domain::CurrencyTotals& t : totals) {
            const std::int64_t value = weighted ? t.weighted_value : t.value;
            w.Key(t.currency).StartObject();
            w.Key("value");
            Amount(w, value, t.currency);
            w.Key("count").Int(t.count);
            w.Key("value_formatted").String(FormatMoney(value, t.currency));
            ConvertedOrNull(w, "value_converted",
                            t.currency == user_currency ? std::optional(value) : std::nullopt,
                            user_currency);
            w.EndObject();
        }
        w.EndObject();
    }
    w.Key("total_count").Int(count);
    ConvertedOrNull(w, "total_currency_converted_value", converted, user_currency);
    ConvertedOrNull(w, "total_weighted_currency_converted_value", weighted_converted,
                    user_currency);
    w.EndObject();
    return w.Take();
}

// GET /v1/deals/summary?status&user_id&pipeline_id&stage_id&label_id
RouteHandler SummaryRoute(domain::Store& store) {
    return [&store](const RouteContext& ctx, Responder respond) {
        domain::DealQuery query;
        query.workspace_id = ctx.principal->user.workspace_id;
        FilterParam filter;
        Status parsed = [&]() -> Status {
            PIPECRM_RETURN_IF_ERROR(
                Take(FilterParam::Read(ctx.request, domain::FilterType::kDeals), filter));
            if (const std::string* status = ctx.request.Query("status")) {
                auto parsed_status = OpenWonOrLost(*status);
                if (!parsed_status.ok()) {
                    return parsed_status.status();
                }
                query.statuses = {*parsed_status};
            }
            PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "user_id"), query.owner_id));
            PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "pipeline_id"), query.pipeline_id));
            PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "label_id"), query.label_id));
            return Take(QueryId(ctx.request, "stage_id"), query.stage_id);
        }();
        if (!parsed.ok()) {
            respond(ErrorResponse(parsed));
            return;
        }
        ReadThen<std::vector<domain::CurrencyTotals>>(
            store,
            [&](domain::Repositories& repos) -> Result<std::vector<domain::CurrencyTotals>> {
                PIPECRM_RETURN_IF_ERROR(filter.ApplyTo(repos, query));
                return repos.Deals().Totals(query);
            },
            [&](const std::vector<domain::CurrencyTotals>& totals) {
                return SuccessResponse(RenderSummary(totals, ctx.principal->user.default_currency));
            },
            respond);
    };
}

struct TimelineRequest {
    domain::DealQuery query;
    FilterParam filter;
    domain::DealDateField field = domain::DealDateField::kAddTime;
    std::vector<Date> starts;          ///< amount + 1 period starts (local days)
    std::vector<std::int64_t> bounds;  ///< the same, as DateFieldKey values
    bool exclude_deals = false;
};

// A required parameter's text; kInvalidArgument naming it when missing or empty.
Result<std::string> Required(const Request& request, const char* name) {
    const std::string* text = request.Query(name);
    if (text == nullptr || text->empty()) {
        return InvalidArgument(std::string(name) + " is required", name);
    }
    return *text;
}

Result<TimelineRequest> ParseTimeline(const RouteContext& ctx) {
    const Request& request = ctx.request;
    const domain::User& user = ctx.principal->user;
    TimelineRequest out;
    PIPECRM_RETURN_IF_ERROR(
        Take(FilterParam::Read(request, domain::FilterType::kDeals), out.filter));
    if (request.Query("totals_convert_currency") != nullptr) {
        return InvalidArgument("totals_convert_currency needs exchange rates, not supported yet",
                               "totals_convert_currency");
    }
    std::optional<Date> start;
    PIPECRM_RETURN_IF_ERROR(Take(QueryDate(request, "start_date"), start));
    if (!start) {
        return InvalidArgument("start_date is required (YYYY-MM-DD)", "start_date");
    }
    std::string interval_text;
    PIPECRM_RETURN_IF_ERROR(Take(Required(request, "interval"), interval_text));
    const auto interval = domain::ParseTimelineInterval(interval_text);
    if (!interval) {
        return InvalidArgument("interval must be day, week, month or quarter", "interval");
    }
    OptionalId amount;
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "amount"), amount));
    if (!amount || *amount > kMaxPeriods) {
        return InvalidArgument(
            "amount is required: the number of periods, 1 to " + std::to_string(kMaxPeriods),
            "amount");
    }
    std::string field_text;
    PIPECRM_RETURN_IF_ERROR(Take(Required(request, "field_key"), field_text));
    const auto field = domain::ParseDealDateField(field_text);
    if (!field) {
        return InvalidArgument(
            "field_key must be a deal date field: add_time, update_time, stage_change_time, "
            "won_time, lost_time, close_time or expected_close_date",
            "field_key");
    }
    std::optional<bool> exclude;
    PIPECRM_RETURN_IF_ERROR(Take(QueryFlag(request, "exclude_deals"), exclude));
    out.exclude_deals = exclude.value_or(false);
    out.field = *field;
    out.starts = domain::PeriodStarts(*start, *interval, static_cast<int>(*amount));
    for (Date day : out.starts) {
        if (domain::IsCalendarDate(out.field)) {
            out.bounds.push_back(ToDayNumber(day));
            continue;
        }
        auto begins = text::StartOfLocalDay(day, user.time_zone);
        if (!begins.ok()) {
            return begins.status();
        }
        out.bounds.push_back(ToUnixSeconds(*begins));
    }
    domain::DealQuery& query = out.query;
    query.workspace_id = user.workspace_id;
    query.statuses = {domain::DealStatus::kOpen, domain::DealStatus::kWon};
    query.date_range = {out.field, out.bounds.front(), out.bounds.back()};
    query.options.limit = kMaxTimelineDeals;
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "user_id"), query.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "pipeline_id"), query.pipeline_id));
    return out;
}

struct Timeline {
    NamedDeals deals;
    std::vector<domain::TimelinePeriod> periods;
};

std::string RenderTimeline(const TimelineRequest& request, const Timeline& timeline) {
    JsonWriter w;
    w.StartArray();
    for (std::size_t i = 0; i < timeline.periods.size(); ++i) {
        const domain::TimelinePeriod& period = timeline.periods[i];
        const domain::PeriodTotals& t = period.totals;
        w.StartObject();
        w.Key("period_start").String(FormatDate(request.starts[i]) + " 00:00:00");
        w.Key("period_end")
            .String(FormatDate(request.starts[i + 1] - std::chrono::days{1}) + " 23:59:59");
        w.Key("deals").StartArray();
        if (!request.exclude_deals) {
            for (std::size_t index : period.deals) {
                WriteDealV1Strict(w, timeline.deals.deals[index], timeline.deals.names[index]);
            }
        }
        w.EndArray();
        w.Key("totals").StartObject();
        w.Key("count").Int(t.count);
        w.Key("values");
        AmountsByCurrency(w, t.values);
        w.Key("weighted_values");
        AmountsByCurrency(w, t.weighted_values);
        w.Key("open_count").Int(t.open_count);
        w.Key("open_values");
        AmountsByCurrency(w, t.open_values);
        w.Key("weighted_open_values");
        AmountsByCurrency(w, t.weighted_open_values);
        w.Key("won_count").Int(t.won_count);
        w.Key("won_values");
        AmountsByCurrency(w, t.won_values);
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    return w.Take();
}

// GET /v1/deals/timeline?start_date&interval&amount&field_key&user_id&pipeline_id&exclude_deals
RouteHandler TimelineRoute(domain::Store& store) {
    return [&store](const RouteContext& ctx, Responder respond) {
        auto request = ParseTimeline(ctx);
        if (!request.ok()) {
            respond(ErrorResponse(request.status()));
            return;
        }
        ReadThen<Timeline>(
            store,
            [&](domain::Repositories& repos) -> Result<Timeline> {
                PIPECRM_RETURN_IF_ERROR(request->filter.ApplyTo(repos, request->query));
                auto deals = domain::WithCustomFields(repos, request->query.workspace_id,
                                                      repos.Deals().List(request->query));
                if (!deals.ok()) {
                    return deals.status();
                }
                if (deals->size() > static_cast<std::size_t>(kMaxTimelineDeals)) {
                    return InvalidArgument("more than " + std::to_string(kMaxTimelineDeals) +
                                               " deals fall in these periods; ask for fewer",
                                           "amount");
                }
                Timeline timeline;
                auto named = WithNames(repos, request->query.workspace_id, std::move(*deals));
                if (!named.ok()) {
                    return named.status();
                }
                timeline.deals = std::move(*named);
                std::map<Id, int> probability;
                for (std::size_t i = 0; i < timeline.deals.deals.size(); ++i) {
                    probability[timeline.deals.deals[i].stage_id] =
                        timeline.deals.names[i].stage_probability;
                }
                timeline.periods = domain::BuildTimeline(timeline.deals.deals, request->field,
                                                         request->bounds, probability);
                return timeline;
            },
            [&](const Timeline& timeline) {
                return SuccessResponse(RenderTimeline(*request, timeline));
            },
            respond);
    };
}

}  // namespace

void AddDealReportRoutes(Router& router, const ApiServices& services) {
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/deals/summary", SummaryRoute(services.store));
        router.Add("GET", prefix + "/deals/timeline", TimelineRoute(services.store));
    }
}

}  // namespace pipecrm::http

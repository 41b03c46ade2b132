// Campaigns and promotions: /api/v1/campaigns list and add (admins add), get, attribute deals
// (POST .../{id}/deals) and the report (GET .../{id}/report).
#include <cstdio>

#include "base/money.hpp"
#include "domain/campaign_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

Result<domain::Campaign> ParseCampaignBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"name", "offer", "channel", "start_date", "end_date", "filter_id"}));
    domain::Campaign c;
    std::optional<std::string> name;
    std::optional<std::string> offer;
    std::optional<std::string> channel;
    std::optional<std::optional<Date>> start;
    std::optional<std::optional<Date>> end;
    std::optional<std::optional<std::int64_t>> filter_id;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), name));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("offer"), offer));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("channel"), channel));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableDate("start_date"), start));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableDate("end_date"), end));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("filter_id"), filter_id));
    if (!start || !start->has_value()) {
        return InvalidArgument("start_date is required", "start_date");
    }
    if (!end || !end->has_value()) {
        return InvalidArgument("end_date is required", "end_date");
    }
    c.name = name.value_or("");
    c.offer = offer.value_or("");
    c.channel = channel.value_or("");
    c.start_date = **start;
    c.end_date = **end;
    if (filter_id && filter_id->has_value()) {
        c.filter_id = **filter_id;
    }
    return c;
}

void WriteCampaign(JsonWriter& w, const domain::Campaign& c) {
    w.StartObject();
    w.Key("id").Int(c.id);
    w.Key("name").String(c.name);
    w.Key("offer").String(c.offer);
    w.Key("channel").String(c.channel);
    w.Key("start_date").String(FormatDate(c.start_date));
    w.Key("end_date").String(FormatDate(c.end_date));
    w.Key("filter_id");
    if (c.filter_id) {
        w.Int(*c.filter_id);
    } else {
        w.Null();
    }
    w.Key("user_id").Int(c.created_by);
    w.Key("add_time").String(FormatSqlTime(c.add_time));
    w.EndObject();
}

// A rate as a JSON number with four decimals.
std::string Ratio(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

void WriteReport(JsonWriter& w, const domain::CampaignReport& r) {
    w.StartObject();
    w.Key("campaign");
    WriteCampaign(w, r.campaign);
    w.Key("deals").Int(r.deals);
    w.Key("won").Int(r.won);
    w.Key("lost").Int(r.lost);
    w.Key("win_rate").Raw(Ratio(r.win_rate));
    w.Key("conversion").Raw(Ratio(r.conversion));
    w.Key("by_currency").StartArray();
    for (const domain::CampaignTotals& t : r.by_currency) {
        w.StartObject();
        w.Key("currency").String(t.currency);
        w.Key("deals").Int(t.deals);
        w.Key("open").Int(t.open);
        w.Key("won").Int(t.won);
        w.Key("lost").Int(t.lost);
        w.Key("won_value").Raw(FormatAmount(t.won_value, t.currency));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

struct IdAndAttribution {
    Id id = 0;
    domain::Attribution attribution;
};

Result<IdAndAttribution> ParseAttribution(const RouteContext& ctx) {
    auto id = ctx.IdParam(0);
    if (!id.ok()) {
        return id.status();
    }
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"deal_ids", "segment"}));
    IdAndAttribution out;
    out.id = *id;
    std::optional<std::vector<std::int64_t>> deal_ids;
    std::optional<bool> segment;
    PIPECRM_RETURN_IF_ERROR(Take(body->Ints("deal_ids"), deal_ids));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("segment"), segment));
    out.attribution.deal_ids = deal_ids.value_or(std::vector<std::int64_t>{});
    out.attribution.from_segment = segment.value_or(false);
    if (out.attribution.deal_ids.empty() && !out.attribution.from_segment) {
        return InvalidArgument("give deal_ids or \"segment\": true", "deal_ids");
    }
    return out;
}

template <typename T, typename Job, typename WriteFn>
RouteHandler ReadByIdRoute(domain::Store& store, Job job, WriteFn write) {
    return [&store, job, write](const RouteContext& ctx, Responder respond) {
        const Id workspace_id = ctx.principal->user.workspace_id;
        auto id = ctx.IdParam(0);
        if (!id.ok()) {
            respond(ErrorResponse(id.status()));
            return;
        }
        ReadThen<T>(
            store, [&](domain::Repositories& repos) { return job(repos, workspace_id, *id); },
            [&](const T& value) { return SuccessResponse(ToJson(value, write)); }, respond);
    };
}

}  // namespace

void AddCampaignRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    const std::string path = "/api/v1/campaigns";
    router.Add("GET", path, [&store](const RouteContext& ctx, Responder respond) {
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<domain::Campaign>>(
            store,
            [&](domain::Repositories& repos) { return repos.Campaigns().List(workspace_id); },
            [](const std::vector<domain::Campaign>& campaigns) {
                return SuccessResponse(ToJsonArray(campaigns, WriteCampaign));
            },
            respond);
    });
    router.Add(
        "POST", path,
        WriteRoute<domain::Campaign>(
            store, clock, [](const RouteContext& ctx) { return ParseCampaignBody(ctx.request); },
            domain::CreateCampaign,
            [](const domain::Campaign& c) {
                return SuccessResponse(ToJson(c, WriteCampaign), 201);
            }),
        Access::kAdmin);
    router.Add("GET", path + "/{id}",
               ReadByIdRoute<domain::Campaign>(
                   store,
                   [](domain::Repositories& repos, Id workspace_id, Id id) {
                       return repos.Campaigns().Get(workspace_id, id);
                   },
                   WriteCampaign));
    router.Add("POST", path + "/{id}/deals",
               WriteRoute<std::int64_t>(
                   store, clock, ParseAttribution,
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdAndAttribution& input, Instant now) {
                       return domain::AttributeDeals(repos, actor, input.id, input.attribution,
                                                     now);
                   },
                   [](const std::int64_t& added) {
                       JsonWriter w;
                       w.StartObject();
                       w.Key("added").Int(added);
                       w.EndObject();
                       return SuccessResponse(w.Take());
                   }));
    router.Add("GET", path + "/{id}/report",
               ReadByIdRoute<domain::CampaignReport>(store, domain::ReportCampaign, WriteReport));
}

}  // namespace pipecrm::http

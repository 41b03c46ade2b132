// Reports (issue 7) under /api/v1/reports/<name>: JSON by default, CSV with ?format=csv; and
// the workspace's exchange rates under /api/v1/exchange-rates and forecast snapshots on demand
// (both changes are for admins).
// The maths is in src/reports; these handlers only read the options and render.
#include <string>

#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "reports/exchange_rate_service.hpp"
#include "reports/forecast_snapshot.hpp"
#include "reports/goal_service.hpp"
#include "reports/report_catalog.hpp"
#include "reports/report_facts.hpp"
#include "reports/report_render.hpp"

namespace pipecrm::http {
namespace {

struct ReportQuery {
    reports::ReportRequest request;
    bool csv = false;
};

Result<ReportQuery> ParseReportQuery(const RouteContext& ctx, Instant now) {
    const Request& request = ctx.request;
    ReportQuery out;
    out.request.now = now;
    out.request.time_zone = ctx.principal->user.time_zone;
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "pipeline_id"), out.request.pipeline_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "owner_id"), out.request.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "team_id"), out.request.team_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryDate(request, "from"), out.request.from));
    PIPECRM_RETURN_IF_ERROR(Take(QueryDate(request, "to"), out.request.to));
    if (const std::string* format = request.Query("format")) {
        if (*format == "csv") {
            out.csv = true;
        } else if (*format != "json") {
            return InvalidArgument("format must be json or csv", "format");
        }
    }
    return out;
}

RouteHandler ReportRoute(domain::Store& store, const Clock& clock, std::string name) {
    return [&store, &clock, name](const RouteContext& ctx, Responder respond) {
        auto query = ParseReportQuery(ctx, clock.Now());
        if (!query.ok()) {
            respond(ErrorResponse(query.status()));
            return;
        }
        // Derived data (the funnel's) first folds in what changed, as the system.
        const Status prepared = reports::PrepareReport(store, ctx.principal->user.workspace_id,
                                                       query->request.time_zone, name, clock.Now());
        if (!prepared.ok()) {
            respond(ErrorResponse(prepared));
            return;
        }
        ReadThen<reports::ReportTable>(
            store,
            [&](domain::Repositories& repos) {
                return reports::LoadAndRunReport(repos, ctx.principal->user.workspace_id, name,
                                                 query->request);
            },
            [&](const reports::ReportTable& table) {
                Response response;
                if (query->csv) {
                    response.content_type = "text/csv; charset=utf-8";
                    response.body = reports::RenderCsv(table);
                    response.headers.emplace_back("Content-Disposition",
                                                  "attachment; filename=\"" + name + ".csv\"");
                } else {
                    response = SuccessResponse(reports::RenderJson(table));
                }
                // The others are kept by the GET response cache until the data changes.
                if (reports::ReportDependsOnClock(name)) {
                    response.headers.emplace_back("Cache-Control", "no-store");
                }
                return response;
            },
            respond);
    };
}

void WriteRate(JsonWriter& w, const domain::ExchangeRate& r) {
    w.StartObject();
    w.Key("id").Int(r.id);
    w.Key("currency").String(r.currency);
    w.Key("date").String(FormatDate(r.rate_date));
    w.Key("rate").Raw(r.rate);
    w.Key("entered_by");
    if (r.entered_by) {
        w.Int(*r.entered_by);
    } else {
        w.Null();
    }
    w.Key("entered_time").String(FormatSqlTime(r.entered_time));
    w.EndObject();
}

// POST /api/v1/exchange-rates {"currency", "date", "rate"}
Result<reports::RateInput> ParseRate(const RouteContext& ctx) {
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"currency", "date", "rate"}));
    reports::RateInput input;
    std::optional<std::string> currency;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("currency"), currency));
    input.currency = currency.value_or("");
    std::optional<std::optional<Date>> date;
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableDate("date"), date));
    input.date = date.value_or(std::nullopt);
    // A number or a string; either way its exact decimal text.
    std::optional<std::optional<std::string>> rate;
    PIPECRM_RETURN_IF_ERROR(Take(body->ScalarText("rate"), rate));
    input.rate = rate.value_or(std::nullopt).value_or("");
    if (input.rate.empty()) {
        return InvalidArgument("rate is required", "rate");
    }
    return input;
}

void WriteGoal(JsonWriter& w, const domain::Goal& g, const std::string& base_currency) {
    w.StartObject();
    w.Key("id").Int(g.id);
    w.Key("assignee_type").String(domain::GoalAssigneeName(g.assignee));
    w.Key("assignee_id");
    if (g.assignee_id) {
        w.Int(*g.assignee_id);
    } else {
        w.Null();
    }
    w.Key("metric").String(domain::GoalMetricName(g.metric));
    w.Key("target");
    if (g.metric == domain::GoalMetric::kWonValue) {
        w.Raw(FormatAmount(g.target, base_currency));
    } else {
        w.Int(g.target);
    }
    w.Key("period").String(domain::GoalPeriodName(g.period));
    w.Key("start_date").String(FormatDate(g.start_date));
    w.Key("pipeline_id");
    if (g.pipeline_id) {
        w.Int(*g.pipeline_id);
    } else {
        w.Null();
    }
    w.Key("add_time").String(FormatSqlTime(g.add_time));
    w.EndObject();
}

// POST /api/v1/goals
Result<reports::GoalInput> ParseGoal(const RouteContext& ctx) {
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"assignee_type", "assignee_id", "metric", "target", "period",
                               "start_date", "pipeline_id"}));
    reports::GoalInput input;
    std::optional<std::string> text;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("assignee_type"), text));
    input.assignee_type = text.value_or("");
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("assignee_id"), input.assignee_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("metric"), text));
    input.metric = text.value_or("");
    std::optional<std::optional<std::string>> target;
    PIPECRM_RETURN_IF_ERROR(Take(body->ScalarText("target"), target));
    input.target = target.value_or(std::nullopt).value_or("");
    PIPECRM_RETURN_IF_ERROR(Take(body->String("period"), text));
    input.period = text.value_or("");
    std::optional<std::optional<Date>> start;
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableDate("start_date"), start));
    input.start_date = start.value_or(std::nullopt);
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("pipeline_id"), input.pipeline_id));
    return input;
}

struct GoalList {
    std::string base_currency;
    std::vector<domain::Goal> goals;
};

struct AddedGoal {
    std::string base_currency;
    domain::Goal goal;
};

}  // namespace

void AddReportRoutes(Router& router, const ApiServices& services) {
    for (const std::string& name : reports::ReportNames()) {
        router.Add("GET", "/api/v1/reports/" + name,
                   ReportRoute(services.store, services.clock, name));
    }
    domain::Store& store = services.store;
    router.Add(
        "GET", "/api/v1/exchange-rates", [&store](const RouteContext& ctx, Responder respond) {
            ReadThen<reports::CurrentRates>(
                store,
                [&](domain::Repositories& repos) {
                    return reports::ListExchangeRates(repos, ctx.principal->user.workspace_id);
                },
                [](const reports::CurrentRates& current) {
                    JsonWriter w;
                    w.StartArray();
                    for (const domain::ExchangeRate& r : current.rates) {
                        WriteRate(w, r);
                    }
                    w.EndArray();
                    JsonWriter extra;
                    extra.StartObject();
                    extra.Key("base_currency").String(current.base_currency);
                    extra.EndObject();
                    return SuccessResponse(w.Take(), 200, extra.Take());
                },
                respond);
        });
    router.Add("GET", "/api/v1/goals", [&store](const RouteContext& ctx, Responder respond) {
        ReadThen<GoalList>(
            store,
            [&](domain::Repositories& repos) -> Result<GoalList> {
                const Id workspace_id = ctx.principal->user.workspace_id;
                auto workspace = repos.Workspaces().Get(workspace_id);
                auto goals = repos.Reports().Goals(workspace_id);
                if (!workspace.ok() || !goals.ok()) {
                    return !workspace.ok() ? workspace.status() : goals.status();
                }
                return GoalList{workspace->default_currency, std::move(*goals)};
            },
            [](const GoalList& list) {
                JsonWriter w;
                w.StartArray();
                for (const domain::Goal& g : list.goals) {
                    WriteGoal(w, g, list.base_currency);
                }
                w.EndArray();
                return SuccessResponse(w.Take());
            },
            respond);
    });
    router.Add("POST", "/api/v1/goals",
               WriteRoute<AddedGoal>(
                   store, services.clock, ParseGoal,
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const reports::GoalInput& input, Instant now) -> Result<AddedGoal> {
                       auto goal = reports::AddGoal(repos, actor, input, now);
                       auto workspace = repos.Workspaces().Get(actor.workspace_id);
                       if (!goal.ok() || !workspace.ok()) {
                           return !goal.ok() ? goal.status() : workspace.status();
                       }
                       return AddedGoal{workspace->default_currency, *goal};
                   },
                   [](const AddedGoal& added) {
                       JsonWriter w;
                       WriteGoal(w, added.goal, added.base_currency);
                       return SuccessResponse(w.Take(), 201);
                   }),
               Access::kAdmin);
    router.Add(
        "DELETE", "/api/v1/goals/{id}",
        [&store](const RouteContext& ctx, Responder respond) {
            auto id = ctx.IdParam(0);
            if (!id.ok()) {
                respond(ErrorResponse(id.status()));
                return;
            }
            const Id workspace_id = ctx.principal->user.workspace_id;
            WriteThen<Id>(
                store,
                [workspace_id, goal_id = *id](domain::Repositories& repos) -> Result<Id> {
                    PIPECRM_RETURN_IF_ERROR(repos.Reports().DeleteGoal(workspace_id, goal_id));
                    return goal_id;
                },
                [](const Id& goal_id) { return SuccessResponse(IdObject(goal_id)); },
                std::move(respond));
        },
        Access::kAdmin);
    // A forecast snapshot on demand (the server also takes one a day by itself).
    const Clock& clock = services.clock;
    router.Add(
        "POST", "/api/v1/reports/forecast/snapshots",
        [&store, &clock](const RouteContext& ctx, Responder respond) {
            const Id workspace_id = ctx.principal->user.workspace_id;
            const Instant now = clock.Now();
            WriteThen<int>(
                store,
                [workspace_id, now](domain::Repositories& repos) {
                    return reports::TakeForecastSnapshot(repos, workspace_id, now,
                                                         reports::SnapshotWhen::kAlways);
                },
                [now](const int& rows) {
                    JsonWriter w;
                    w.StartObject();
                    w.Key("taken_time").String(FormatSqlTime(now));
                    w.Key("rows").Int(rows);
                    w.EndObject();
                    return SuccessResponse(w.Take(), 201);
                },
                std::move(respond));
        },
        Access::kAdmin);
    router.Add("POST", "/api/v1/exchange-rates",
               WriteRoute<domain::ExchangeRate>(
                   store, services.clock, ParseRate,
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const reports::RateInput& input,
                      Instant now) { return reports::AddExchangeRate(repos, actor, input, now); },
                   [](const domain::ExchangeRate& rate) {
                       JsonWriter w;
                       WriteRate(w, rate);
                       return SuccessResponse(w.Take(), 201);
                   }),
               Access::kAdmin);
}

}  // namespace pipecrm::http

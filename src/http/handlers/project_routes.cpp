// Projects (issue 10; docs/projects.md): /api/v1/projects list and create, get and change one,
// its members, risks, milestones and linked deals, and the portfolio under
// /api/v1/reports/portfolio. A project is a deal in a project pipeline, so it is moved, closed
// and deleted through the deal routes. Answers carry the status derived for today in the
// user's time zone, so GETs are Cache-Control: no-store.
#include <string>

#include "base/money.hpp"
#include "domain/project_service.hpp"
#include "domain/project_status.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "reports/portfolio.hpp"
#include "text/time_zone.hpp"

namespace pipecrm::http {
namespace {

Result<Date> TodayOf(const RouteContext& ctx, Instant now) {
    return text::LocalDay(now, ctx.principal->user.time_zone);
}

void WriteOptionalDate(JsonWriter& w, const char* key, const std::optional<Date>& date) {
    w.Key(key);
    if (date) {
        w.String(FormatDate(*date));
    } else {
        w.Null();
    }
}

void WriteOptionalId(JsonWriter& w, const char* key, const OptionalId& id) {
    w.Key(key);
    if (id) {
        w.Int(*id);
    } else {
        w.Null();
    }
}

void WriteProject(JsonWriter& w, const domain::Project& p) {
    const domain::Deal& d = p.deal;
    w.StartObject();
    w.Key("id").Int(d.id);
    w.Key("title").String(d.title);
    w.Key("pipeline_id").Int(d.pipeline_id);
    w.Key("stage_id").Int(d.stage_id);
    w.Key("owner_id").Int(d.owner_id);
    WriteOptionalId(w, "org_id", d.org_id);
    WriteOptionalId(w, "person_id", d.person_id);
    w.Key("deal_status").String(domain::DealStatusName(d.status));
    w.Key("project_status").String(domain::ProjectStatusName(p.status));
    w.Key("finished").Bool(p.finished);
    w.Key("stage_change_time").Rfc3339(d.stage_change_time);
    w.Key("add_time").Rfc3339(d.add_time);
    WriteOptionalDate(w, "start_date", p.details.start_date);
    WriteOptionalDate(w, "due_date", p.details.due_date);
    w.Key("progress").Int(p.details.progress);
    w.Key("budget");
    if (p.details.budget.currency.empty()) {
        w.Null();
    } else {
        w.Raw(FormatAmount(p.details.budget.minor_units, p.details.budget.currency));
    }
    w.Key("budget_currency");
    if (p.details.budget.currency.empty()) {
        w.Null();
    } else {
        w.String(p.details.budget.currency);
    }
    int hours = 0;
    w.Key("members").StartArray();
    for (const domain::ProjectMember& m : p.members) {
        hours += m.hours_per_week;
        w.StartObject();
        w.Key("user_id").Int(m.user_id);
        w.Key("hours_per_week").Int(m.hours_per_week);
        w.EndObject();
    }
    w.EndArray();
    w.Key("hours_per_week").Int(hours);
    int high = 0;
    w.Key("risks").StartArray();
    for (const domain::ProjectRisk& r : p.risks) {
        const bool is_high = domain::IsHighRisk(r);
        high += is_high ? 1 : 0;
        w.StartObject();
        w.Key("id").Int(r.id);
        w.Key("description").String(r.description);
        w.Key("likelihood").String(domain::RiskLevelName(r.likelihood));
        w.Key("impact").String(domain::RiskLevelName(r.impact));
        w.Key("contingency").String(r.contingency);
        w.Key("status").String(domain::RiskStatusName(r.status));
        w.Key("high").Bool(is_high);
        w.EndObject();
    }
    w.EndArray();
    w.Key("open_high_risks").Int(high);
    w.Key("milestones").StartArray();
    for (const domain::ProjectMilestone& m : p.milestones) {
        w.StartObject();
        w.Key("id").Int(m.id);
        w.Key("name").String(m.name);
        w.Key("due_date").String(FormatDate(m.due_date));
        w.Key("done").Bool(m.done);
        w.EndObject();
    }
    w.EndArray();
    w.Key("deal_ids").StartArray();
    for (Id id : p.linked_deal_ids) {
        w.Int(id);
    }
    w.EndArray();
    w.EndObject();
}

Response NoStore(Response response) {
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

Response ProjectResponse(const domain::Project& project, int status = 200) {
    return NoStore(SuccessResponse(ToJson(project, WriteProject), status));
}

// The project fields of a body: start_date, due_date, progress, budget, budget_currency.
Status ReadProjectChange(const JsonBody& body, domain::ProjectChange& change) {
    PIPECRM_RETURN_IF_ERROR(Take(body.NullableDate("start_date"), change.start_date));
    PIPECRM_RETURN_IF_ERROR(Take(body.NullableDate("due_date"), change.due_date));
    std::optional<std::int64_t> progress;
    PIPECRM_RETURN_IF_ERROR(Take(body.Int("progress"), progress));
    if (progress) {
        if (*progress < 0 || *progress > 100) {
            return InvalidArgument("progress must be between 0 and 100", "progress");
        }
        change.progress = static_cast<int>(*progress);
    }
    std::optional<std::optional<std::string>> budget;
    PIPECRM_RETURN_IF_ERROR(Take(body.ScalarText("budget"), budget));
    if (budget && *budget) {
        change.budget = **budget;
    }
    PIPECRM_RETURN_IF_ERROR(Take(body.String("budget_currency"), change.budget_currency));
    return Status::Ok();
}

// The request's `today` (in the user's zone) beside its parsed input.
template <typename T>
struct Dated {
    T input;
    Date today;
};

struct NewProject {
    domain::DealChange deal;
    domain::ProjectChange project;
};

Result<Dated<NewProject>> ParseNewProject(const RouteContext& ctx, Instant now) {
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(
        {"title", "pipeline_id", "stage_id", "owner_id", "org_id", "person_id", "value", "currency",
         "visible_to", "start_date", "due_date", "progress", "budget", "budget_currency"}));
    auto today = TodayOf(ctx, now);
    if (!today.ok()) {
        return today.status();
    }
    Dated<NewProject> out{{}, *today};
    domain::DealChange& deal = out.input.deal;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("title"), deal.title));
    if (!deal.title) {
        return InvalidArgument("title is required", "title");
    }
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("pipeline_id"), deal.pipeline_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("stage_id"), deal.stage_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("owner_id"), deal.owner_id));
    std::optional<std::optional<std::int64_t>> org;
    std::optional<std::optional<std::int64_t>> person;
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("org_id"), org));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("person_id"), person));
    if (org) {
        deal.org_id = *org;
    }
    if (person) {
        deal.person_id = *person;
    }
    std::optional<std::optional<std::string>> value;
    PIPECRM_RETURN_IF_ERROR(Take(body->ScalarText("value"), value));
    if (value && *value) {
        deal.value = **value;
    }
    PIPECRM_RETURN_IF_ERROR(Take(body->String("currency"), deal.currency));
    std::optional<domain::Visibility> visible_to;
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), visible_to));
    deal.visible_to = visible_to;
    PIPECRM_RETURN_IF_ERROR(ReadProjectChange(*body, out.input.project));
    return out;
}

template <typename T>
using IdDated = Dated<IdAndChange<T>>;

// The {id} parameter and the body read by `read(body, change)` with only `known` fields.
template <typename T, typename Read>
Result<IdDated<T>> ParseIdBody(const RouteContext& ctx,
                               Instant now,
                               std::initializer_list<std::string_view> known,
                               Read&& read) {
    auto id = ctx.IdParam(0);
    if (!id.ok()) {
        return id.status();
    }
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(known));
    auto today = TodayOf(ctx, now);
    if (!today.ok()) {
        return today.status();
    }
    IdDated<T> out{{*id, {}}, *today};
    PIPECRM_RETURN_IF_ERROR(read(*body, out.input.change));
    return out;
}

Result<std::optional<domain::RiskLevel>> Level(const JsonBody& body, const char* key) {
    std::optional<std::string> text;
    PIPECRM_RETURN_IF_ERROR(Take(body.String(key), text));
    if (!text) {
        return std::optional<domain::RiskLevel>();
    }
    auto level = domain::ParseRiskLevel(*text);
    if (!level) {
        return InvalidArgument(std::string(key) + " must be low, medium or high", key);
    }
    return std::optional<domain::RiskLevel>(*level);
}

Status ReadRisk(const JsonBody& body, domain::RiskChange& change) {
    PIPECRM_RETURN_IF_ERROR(Take(body.String("description"), change.description));
    PIPECRM_RETURN_IF_ERROR(Take(Level(body, "likelihood"), change.likelihood));
    PIPECRM_RETURN_IF_ERROR(Take(Level(body, "impact"), change.impact));
    PIPECRM_RETURN_IF_ERROR(Take(body.String("contingency"), change.contingency));
    std::optional<std::string> status;
    PIPECRM_RETURN_IF_ERROR(Take(body.String("status"), status));
    if (status) {
        change.status = domain::ParseRiskStatus(*status);
        if (!change.status) {
            return InvalidArgument("status must be open or closed", "status");
        }
    }
    return Status::Ok();
}

Status ReadMilestone(const JsonBody& body, domain::MilestoneChange& change) {
    PIPECRM_RETURN_IF_ERROR(Take(body.String("name"), change.name));
    std::optional<std::optional<Date>> due;
    PIPECRM_RETURN_IF_ERROR(Take(body.NullableDate("due_date"), due));
    if (due) {
        if (!*due) {
            return InvalidArgument("due_date must be a date", "due_date");
        }
        change.due_date = **due;
    }
    PIPECRM_RETURN_IF_ERROR(Take(body.Bool("done"), change.done));
    return Status::Ok();
}

struct MemberInput {
    Id user_id = 0;
    int hours_per_week = 0;
};

Status ReadMember(const JsonBody& body, MemberInput& member) {
    std::optional<std::int64_t> user;
    std::optional<std::int64_t> hours;
    PIPECRM_RETURN_IF_ERROR(Take(body.Int("user_id"), user));
    PIPECRM_RETURN_IF_ERROR(Take(body.Int("hours_per_week"), hours));
    if (!user) {
        return InvalidArgument("user_id is required", "user_id");
    }
    if (!hours) {
        return InvalidArgument("hours_per_week is required", "hours_per_week");
    }
    if (*hours < 0 || *hours > 168) {
        return InvalidArgument("hours_per_week must be between 0 and 168", "hours_per_week");
    }
    member.user_id = *user;
    member.hours_per_week = static_cast<int>(*hours);
    return Status::Ok();
}

Status ReadDealIds(const JsonBody& body, std::vector<std::int64_t>& ids) {
    std::optional<std::vector<std::int64_t>> list;
    PIPECRM_RETURN_IF_ERROR(Take(body.Ints("deal_ids"), list));
    if (!list || list->empty()) {
        return InvalidArgument("deal_ids must list at least one deal", "deal_ids");
    }
    ids = std::move(*list);
    return Status::Ok();
}

// A write whose parse needs the clock (for today) and that answers with the project.
template <typename Input, typename Parse, typename Apply>
RouteHandler ProjectWrite(
    domain::Store& store, const Clock& clock, Parse parse, Apply apply, int status = 200) {
    return [&store, &clock, parse, apply, status](const RouteContext& ctx, Responder respond) {
        const Instant now = clock.Now();
        Result<Input> input = parse(ctx, now);
        if (!input.ok()) {
            respond(ErrorResponse(input.status()));
            return;
        }
        WriteThen<domain::Project>(
            store,
            [apply, actor = ActorOf(ctx), input = std::move(*input),
             now](domain::Repositories& repos) { return apply(repos, actor, input, now); },
            [status](const domain::Project& project) { return ProjectResponse(project, status); },
            std::move(respond));
    };
}

// The id in the path's second parameter ({risk_id}, {milestone_id}, {user_id}).
template <typename T>
struct TwoIds {
    Id id = 0;
    Id second = 0;
    T change;
    Date today;
};

template <typename T, typename Read>
Result<TwoIds<T>> ParseTwoIds(const RouteContext& ctx,
                              Instant now,
                              std::initializer_list<std::string_view> known,
                              Read&& read) {
    auto second = ctx.IdParam(1);
    if (!second.ok()) {
        return second.status();
    }
    auto parsed = ParseIdBody<T>(ctx, now, known, read);
    if (!parsed.ok()) {
        return parsed.status();
    }
    return TwoIds<T>{parsed->input.id, *second, std::move(parsed->input.change), parsed->today};
}

}  // namespace

void AddProjectRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    const std::string path = "/api/v1/projects";

    router.Add("GET", path, [&store, &clock](const RouteContext& ctx, Responder respond) {
        auto pipeline_id = QueryId(ctx.request, "pipeline_id");
        auto today = TodayOf(ctx, clock.Now());
        if (!pipeline_id.ok() || !today.ok()) {
            respond(ErrorResponse(!pipeline_id.ok() ? pipeline_id.status() : today.status()));
            return;
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<domain::Project>>(
            store,
            [&](domain::Repositories& repos) {
                return domain::LoadProjects(repos, workspace_id, *pipeline_id, *today);
            },
            [](const std::vector<domain::Project>& projects) {
                return NoStore(SuccessResponse(ToJsonArray(projects, WriteProject)));
            },
            respond);
    });

    router.Add("POST", path,
               ProjectWrite<Dated<NewProject>>(
                   store, clock, ParseNewProject,
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const Dated<NewProject>& in, Instant now) {
                       return domain::CreateProject(repos, actor, in.input.deal, in.input.project,
                                                    now, in.today);
                   },
                   201));

    router.Add("GET", path + "/{id}", [&store, &clock](const RouteContext& ctx, Responder respond) {
        auto id = ctx.IdParam(0);
        auto today = TodayOf(ctx, clock.Now());
        if (!id.ok() || !today.ok()) {
            respond(ErrorResponse(!id.ok() ? id.status() : today.status()));
            return;
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<domain::Project>(
            store,
            [&](domain::Repositories& repos) {
                return domain::LoadProject(repos, workspace_id, *id, *today);
            },
            [](const domain::Project& project) { return ProjectResponse(project); }, respond);
    });

    router.Add("PATCH", path + "/{id}",
               ProjectWrite<IdDated<domain::ProjectChange>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseIdBody<domain::ProjectChange>(
                           ctx, now,
                           {"start_date", "due_date", "progress", "budget", "budget_currency"},
                           ReadProjectChange);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdDated<domain::ProjectChange>& in, Instant now) {
                       return domain::UpdateProject(repos, actor, in.input.id, in.input.change, now,
                                                    in.today);
                   }));

    router.Add("POST", path + "/{id}/members",
               ProjectWrite<IdDated<MemberInput>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseIdBody<MemberInput>(ctx, now, {"user_id", "hours_per_week"},
                                                       ReadMember);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdDated<MemberInput>& in, Instant now) {
                       return domain::SetProjectMember(
                           repos, actor, in.input.id, in.input.change.user_id,
                           in.input.change.hours_per_week, now, in.today);
                   }));

    router.Add("DELETE", path + "/{id}/members/{user_id}",
               ProjectWrite<TwoIds<int>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) -> Result<TwoIds<int>> {
                       auto id = ctx.IdParam(0);
                       auto user = ctx.IdParam(1);
                       auto today = TodayOf(ctx, now);
                       if (!id.ok() || !user.ok() || !today.ok()) {
                           return !id.ok() ? id.status()
                                           : (!user.ok() ? user.status() : today.status());
                       }
                       return TwoIds<int>{*id, *user, 0, *today};
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const TwoIds<int>& in, Instant) {
                       return domain::RemoveProjectMember(repos, actor, in.id, in.second, in.today);
                   }));

    router.Add("POST", path + "/{id}/risks",
               ProjectWrite<IdDated<domain::RiskChange>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseIdBody<domain::RiskChange>(
                           ctx, now,
                           {"description", "likelihood", "impact", "contingency", "status"},
                           ReadRisk);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdDated<domain::RiskChange>& in, Instant now) {
                       return domain::AddProjectRisk(repos, actor, in.input.id, in.input.change,
                                                     now, in.today);
                   },
                   201));
    router.Add("PATCH", path + "/{id}/risks/{risk_id}",
               ProjectWrite<TwoIds<domain::RiskChange>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseTwoIds<domain::RiskChange>(
                           ctx, now,
                           {"description", "likelihood", "impact", "contingency", "status"},
                           ReadRisk);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const TwoIds<domain::RiskChange>& in, Instant now) {
                       return domain::UpdateProjectRisk(repos, actor, in.id, in.second, in.change,
                                                        now, in.today);
                   }));

    router.Add("POST", path + "/{id}/milestones",
               ProjectWrite<IdDated<domain::MilestoneChange>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseIdBody<domain::MilestoneChange>(
                           ctx, now, {"name", "due_date", "done"}, ReadMilestone);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdDated<domain::MilestoneChange>& in, Instant now) {
                       return domain::AddProjectMilestone(repos, actor, in.input.id,
                                                          in.input.change, now, in.today);
                   },
                   201));
    router.Add("PATCH", path + "/{id}/milestones/{milestone_id}",
               ProjectWrite<TwoIds<domain::MilestoneChange>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseTwoIds<domain::MilestoneChange>(
                           ctx, now, {"name", "due_date", "done"}, ReadMilestone);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const TwoIds<domain::MilestoneChange>& in, Instant now) {
                       return domain::UpdateProjectMilestone(repos, actor, in.id, in.second,
                                                             in.change, now, in.today);
                   }));

    router.Add("POST", path + "/{id}/deals",
               ProjectWrite<IdDated<std::vector<std::int64_t>>>(
                   store, clock,
                   [](const RouteContext& ctx, Instant now) {
                       return ParseIdBody<std::vector<std::int64_t>>(ctx, now, {"deal_ids"},
                                                                     ReadDealIds);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdDated<std::vector<std::int64_t>>& in, Instant now) {
                       return domain::LinkProjectDeals(repos, actor, in.input.id, in.input.change,
                                                       now, in.today);
                   }));

    router.Add("GET", "/api/v1/reports/portfolio",
               [&store, &clock](const RouteContext& ctx, Responder respond) {
                   reports::PortfolioRequest request;
                   request.now = clock.Now();
                   request.time_zone = ctx.principal->user.time_zone;
                   std::optional<std::int64_t> weeks;
                   std::optional<std::int64_t> capacity;
                   Status status = Take(QueryId(ctx.request, "pipeline_id"), request.pipeline_id);
                   if (status.ok()) {
                       status = Take(QueryId(ctx.request, "weeks"), weeks);
                   }
                   if (status.ok()) {
                       status = Take(QueryId(ctx.request, "capacity"), capacity);
                   }
                   if (!status.ok()) {
                       respond(ErrorResponse(status));
                       return;
                   }
                   // Past the range by one is enough for LoadPortfolio to refuse it, naming
                   // the parameter, without narrowing a huge number into range.
                   if (weeks) {
                       request.weeks = *weeks > 52 ? 53 : static_cast<int>(*weeks);
                   }
                   if (capacity) {
                       request.capacity = *capacity > 168 ? 169 : static_cast<int>(*capacity);
                   }
                   const Id workspace_id = ctx.principal->user.workspace_id;
                   ReadThen<reports::Portfolio>(
                       store,
                       [&](domain::Repositories& repos) {
                           return reports::LoadPortfolio(repos, workspace_id, request);
                       },
                       [](const reports::Portfolio& portfolio) {
                           return NoStore(SuccessResponse(reports::RenderPortfolioJson(portfolio)));
                       },
                       respond);
               });
}

}  // namespace pipecrm::http

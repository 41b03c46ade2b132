// v2 activities: list with filters and cursor paging, get, create, update, delete.
#include "domain/activity_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

// "HH:MM" to minutes, hours at most `max_hours`; kInvalidArgument naming `field`.
Result<std::optional<std::optional<int>>> ParseClock(const JsonBody& body,
                                                     const char* field,
                                                     int max_hours) {
    using Out = std::optional<std::optional<int>>;
    std::optional<std::optional<std::string>> text;
    PIPECRM_RETURN_IF_ERROR(Take(body.NullableString(field), text));
    if (!text) {
        return Out();
    }
    if (!text->has_value() || (*text)->empty()) {
        return Out(std::optional<int>());
    }
    const std::string& value = **text;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool shaped = value.size() == 5 && value[2] == ':' && digit(value[0]) &&
                        digit(value[1]) && digit(value[3]) && digit(value[4]);
    const int hours = shaped ? (value[0] - '0') * 10 + (value[1] - '0') : 0;
    const int minutes = shaped ? (value[3] - '0') * 10 + (value[4] - '0') : 0;
    if (!shaped || hours > max_hours || minutes > 59) {
        return InvalidArgument(std::string(field) + " must be HH:MM", field);
    }
    return Out(hours * 60 + minutes);
}

Result<domain::ActivityChange> ParseActivityBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"subject", "type", "owner_id", "deal_id", "person_id", "org_id",
                               "due_date", "due_time", "duration", "done", "note", "visible_to"}));
    domain::ActivityChange change;
    std::optional<std::optional<std::string>> note;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("subject"), change.subject));
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), change.visible_to));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("type"), change.type));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("owner_id"), change.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("deal_id"), change.deal_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("person_id"), change.person_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("org_id"), change.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableDate("due_date"), change.due_date));
    PIPECRM_RETURN_IF_ERROR(Take(ParseClock(*body, "due_time", 23), change.due_time_minutes));
    PIPECRM_RETURN_IF_ERROR(Take(ParseClock(*body, "duration", 99), change.duration_minutes));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("done"), change.done));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableString("note"), note));
    if (note) {
        change.note = note->value_or("");
    }
    return change;
}

Result<domain::ActivityQuery> ParseActivityQuery(const RouteContext& ctx) {
    domain::ActivityQuery query;
    PIPECRM_RETURN_IF_ERROR(ReadCommonListParams(ctx, query));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "deal_id"), query.deal_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "person_id"), query.person_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "org_id"), query.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryBool(ctx.request, "done"), query.done));
    return query;
}

}  // namespace

void AddActivityRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/activityTypes",
                   [&store](const RouteContext& ctx, Responder respond) {
                       const Id workspace_id = ctx.principal->user.workspace_id;
                       ReadThen<std::vector<domain::ActivityType>>(
                           store,
                           [&](domain::Repositories& repos) {
                               return repos.Activities().ListTypes(workspace_id);
                           },
                           [](const std::vector<domain::ActivityType>& types) {
                               return SuccessResponse(ToJsonArray(types, WriteActivityTypeV1));
                           },
                           respond);
                   });
    }

    router.Add("GET", "/api/v2/activities",
               CursorListRoute<domain::Activity>(
                   store, ParseActivityQuery,
                   [](domain::Repositories& repos, const domain::ActivityQuery& query) {
                       return repos.Activities().List(query);
                   },
                   WriteActivityV2, domain::FilterType::kActivity));
    AddItemRoutes<domain::Activity, domain::ActivityChange>(
        router, store, clock,
        {"/api/v2/activities", ParseActivityBody, domain::GetLiveActivity, domain::CreateActivity,
         domain::UpdateActivity, domain::DeleteActivity, WriteActivityV2});
}

}  // namespace pipecrm::http

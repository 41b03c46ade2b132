// Next-step suggestions: per deal, a "suggested" list per rep, and the stage playbooks they
// come from (GET for everyone, PUT for admins). `lang` (en, vi) overrides the workspace's.
#include "domain/next_step_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

Result<std::optional<domain::Language>> QueryLanguage(const Request& request) {
    const std::string* text = request.Query("lang");
    if (text == nullptr) {
        return std::optional<domain::Language>();
    }
    if (*text == "en") {
        return std::optional<domain::Language>(domain::Language::kEnglish);
    }
    if (*text == "vi") {
        return std::optional<domain::Language>(domain::Language::kVietnamese);
    }
    return InvalidArgument("lang must be en or vi", "lang");
}

void WriteSuggestions(JsonWriter& w, const std::vector<domain::Suggestion>& suggestions) {
    w.StartArray();
    for (const domain::Suggestion& s : suggestions) {
        w.StartObject();
        w.Key("kind").String(domain::SuggestionKindName(s.kind));
        w.Key("activity_type").String(s.activity_type);
        w.Key("subject").String(s.subject);
        w.Key("due_date").String(FormatDate(s.due_date));
        w.Key("reason").String(s.reason);
        w.EndObject();
    }
    w.EndArray();
}

void WriteDealSuggestions(JsonWriter& w, const domain::DealSuggestions& d) {
    w.StartObject();
    w.Key("deal_id").Int(d.deal.id);
    w.Key("title").String(d.deal.title);
    w.Key("owner_id").Int(d.deal.owner_id);
    w.Key("stage_id").Int(d.deal.stage_id);
    w.Key("suggestions");
    WriteSuggestions(w, d.suggestions);
    w.EndObject();
}

void WritePlaybook(JsonWriter& w, const domain::Playbook& p) {
    w.StartObject();
    w.Key("stage_id").Int(p.stage_id);
    w.Key("activity_type").String(p.activity_type);
    w.Key("subject").String(p.subject);
    w.Key("due_in_days").Int(p.due_in_days);
    w.Key("is_default").Bool(p.is_default);
    w.EndObject();
}

Date Today(const Clock& clock) {
    return std::chrono::floor<std::chrono::days>(clock.Now());
}

}  // namespace

void AddSuggestionRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    router.Add("GET", "/api/v1/deals/{id}/suggestions",
               [&store, &clock](const RouteContext& ctx, Responder respond) {
                   const Id workspace_id = ctx.principal->user.workspace_id;
                   Id deal_id = 0;
                   std::optional<domain::Language> language;
                   Status parsed = Take(ctx.IdParam(0), deal_id);
                   if (parsed.ok()) {
                       parsed = Take(QueryLanguage(ctx.request), language);
                   }
                   if (!parsed.ok()) {
                       respond(ErrorResponse(parsed));
                       return;
                   }
                   ReadThen<domain::DealSuggestions>(
                       store,
                       [&](domain::Repositories& repos) {
                           return domain::SuggestForDeal(repos, workspace_id, deal_id, Today(clock),
                                                         language);
                       },
                       [](const domain::DealSuggestions& found) {
                           return SuccessResponse(ToJson(found, WriteDealSuggestions));
                       },
                       respond);
               });
    router.Add(
        "GET", "/api/v1/suggestions", [&store, &clock](const RouteContext& ctx, Responder respond) {
            const Id workspace_id = ctx.principal->user.workspace_id;
            OptionalId user_id;
            std::optional<domain::Language> language;
            Status parsed = Take(QueryId(ctx.request, "user_id"), user_id);
            if (parsed.ok()) {
                parsed = Take(QueryLanguage(ctx.request), language);
            }
            if (!parsed.ok()) {
                respond(ErrorResponse(parsed));
                return;
            }
            const Id rep = user_id.value_or(ctx.principal->user.id);
            ReadThen<std::vector<domain::DealSuggestions>>(
                store,
                [&](domain::Repositories& repos) {
                    return domain::SuggestForRep(repos, workspace_id, rep, Today(clock), language);
                },
                [](const std::vector<domain::DealSuggestions>& found) {
                    return SuccessResponse(ToJsonArray(found, WriteDealSuggestions));
                },
                respond);
        });
    router.Add("GET", "/api/v1/stages/{id}/playbook",
               [&store](const RouteContext& ctx, Responder respond) {
                   const Id workspace_id = ctx.principal->user.workspace_id;
                   Id stage_id = 0;
                   std::optional<domain::Language> language;
                   Status parsed = Take(ctx.IdParam(0), stage_id);
                   if (parsed.ok()) {
                       parsed = Take(QueryLanguage(ctx.request), language);
                   }
                   if (!parsed.ok()) {
                       respond(ErrorResponse(parsed));
                       return;
                   }
                   ReadThen<domain::Playbook>(
                       store,
                       [&](domain::Repositories& repos) {
                           return domain::StagePlaybook(repos, workspace_id, stage_id, language);
                       },
                       [](const domain::Playbook& playbook) {
                           return SuccessResponse(ToJson(playbook, WritePlaybook));
                       },
                       respond);
               });
    router.Add("PUT", "/api/v1/stages/{id}/playbook",
               WriteRoute<domain::Playbook>(
                   store, clock,
                   [](const RouteContext& ctx) -> Result<domain::Playbook> {
                       auto id = ctx.IdParam(0);
                       if (!id.ok()) {
                           return id.status();
                       }
                       auto body = JsonBody::Parse(ctx.request.body);
                       if (!body.ok()) {
                           return body.status();
                       }
                       PIPECRM_RETURN_IF_ERROR(
                           body->OnlyKnownFields({"activity_type", "subject", "due_in_days"}));
                       std::optional<std::string> type;
                       std::optional<std::string> subject;
                       std::optional<std::int64_t> due;
                       PIPECRM_RETURN_IF_ERROR(Take(body->String("activity_type"), type));
                       PIPECRM_RETURN_IF_ERROR(Take(body->String("subject"), subject));
                       PIPECRM_RETURN_IF_ERROR(Take(body->Int("due_in_days"), due));
                       if (due && (*due < 0 || *due > 365)) {
                           return InvalidArgument("due_in_days must be between 0 and 365",
                                                  "due_in_days");
                       }
                       domain::Playbook playbook;
                       playbook.stage_id = *id;
                       playbook.activity_type = type.value_or("call");
                       playbook.subject = subject.value_or("");
                       playbook.due_in_days = static_cast<int>(due.value_or(0));
                       return playbook;
                   },
                   domain::SetStagePlaybook,
                   [](const domain::Playbook& playbook) {
                       return SuccessResponse(ToJson(playbook, WritePlaybook));
                   }),
               Access::kAdmin);
}

}  // namespace pipecrm::http

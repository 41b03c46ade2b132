// Automation rules (admins): /api/v1/automations list, add, get, rename or switch on/off,
// delete, and each rule's run log.
#include "domain/automation_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

// Prefixes the field of a nested object's error: "subject" -> "actions[0].subject".
Status Nested(Status status, const std::string& prefix) {
    if (status.ok()) {
        return status;
    }
    const std::string field = status.field().empty() ? prefix : prefix + "." + status.field();
    return Status(status.code(), status.message(), field);
}

Result<int> SmallInt(const std::optional<std::int64_t>& value, const char* field) {
    if (!value) {
        return 0;
    }
    if (*value < 0 || *value > 3650) {
        return InvalidArgument(std::string(field) + " must be between 0 and 3650", field);
    }
    return static_cast<int>(*value);
}

Status ParseTrigger(const JsonBody& t, domain::AutomationRule& rule) {
    PIPECRM_RETURN_IF_ERROR(
        t.OnlyKnownFields({"type", "from_stage_id", "to_stage_id", "idle_days"}));
    std::optional<std::string> type;
    PIPECRM_RETURN_IF_ERROR(Take(t.String("type"), type));
    const auto trigger = type ? domain::ParseRuleTrigger(*type) : std::nullopt;
    if (!trigger) {
        return InvalidArgument(
            "type must be deal_created, deal_stage_changed, deal_won, deal_lost, deal_idle, "
            "activity_overdue or person_created",
            "type");
    }
    rule.trigger = *trigger;
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    std::optional<std::int64_t> idle;
    PIPECRM_RETURN_IF_ERROR(Take(t.Int("from_stage_id"), from));
    PIPECRM_RETURN_IF_ERROR(Take(t.Int("to_stage_id"), to));
    PIPECRM_RETURN_IF_ERROR(Take(t.Int("idle_days"), idle));
    if (from) {
        rule.from_stage_id = *from;
    }
    if (to) {
        rule.to_stage_id = *to;
    }
    if (rule.trigger == domain::RuleTrigger::kDealIdle && !idle) {
        return InvalidArgument("deal_idle needs idle_days", "idle_days");
    }
    auto days = SmallInt(idle, "idle_days");
    if (!days.ok()) {
        return days.status();
    }
    rule.idle_days = *days;
    return Status::Ok();
}

Result<domain::RuleAction> ParseAction(const JsonBody& a) {
    PIPECRM_RETURN_IF_ERROR(
        a.OnlyKnownFields({"type", "subject", "activity_type", "due_in_days", "note", "team_id",
                           "field", "value", "webhook_id", "campaign_id"}));
    domain::RuleAction action;
    std::optional<std::string> type;
    PIPECRM_RETURN_IF_ERROR(Take(a.String("type"), type));
    const auto parsed = type ? domain::ParseRuleActionType(*type) : std::nullopt;
    if (!parsed) {
        return InvalidArgument(
            "type must be create_activity, assign_owner, set_field, call_webhook or "
            "add_to_campaign",
            "type");
    }
    action.type = *parsed;
    std::optional<std::string> subject;
    std::optional<std::string> activity_type;
    std::optional<std::string> note;
    std::optional<std::string> field;
    std::optional<std::int64_t> due;
    std::optional<std::int64_t> team;
    std::optional<std::int64_t> webhook;
    std::optional<std::int64_t> campaign;
    std::optional<std::optional<std::string>> value;
    PIPECRM_RETURN_IF_ERROR(Take(a.String("subject"), subject));
    PIPECRM_RETURN_IF_ERROR(Take(a.String("activity_type"), activity_type));
    PIPECRM_RETURN_IF_ERROR(Take(a.String("note"), note));
    PIPECRM_RETURN_IF_ERROR(Take(a.String("field"), field));
    PIPECRM_RETURN_IF_ERROR(Take(a.Int("due_in_days"), due));
    PIPECRM_RETURN_IF_ERROR(Take(a.Int("team_id"), team));
    PIPECRM_RETURN_IF_ERROR(Take(a.Int("webhook_id"), webhook));
    PIPECRM_RETURN_IF_ERROR(Take(a.Int("campaign_id"), campaign));
    PIPECRM_RETURN_IF_ERROR(Take(a.ScalarText("value"), value));
    action.subject = subject.value_or("");
    action.activity_type = activity_type.value_or("");
    action.note = note.value_or("");
    action.field = field.value_or("");
    auto days = SmallInt(due, "due_in_days");
    if (!days.ok()) {
        return days.status();
    }
    action.due_in_days = *days;
    if (team) {
        action.team_id = *team;
    }
    if (webhook) {
        action.webhook_id = *webhook;
    }
    if (campaign) {
        action.campaign_id = *campaign;
    }
    if (value) {
        action.value = *value;
    }
    return action;
}

Result<domain::AutomationRule> ParseRule(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"name", "active", "trigger", "conditions", "actions"}));
    domain::AutomationRule rule;
    std::optional<std::string> name;
    std::optional<bool> active;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), name));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("active"), active));
    rule.name = name.value_or("");
    rule.active = active.value_or(true);
    std::optional<JsonBody> trigger;
    PIPECRM_RETURN_IF_ERROR(Take(body->Object("trigger"), trigger));
    if (!trigger) {
        return InvalidArgument("trigger is required", "trigger");
    }
    PIPECRM_RETURN_IF_ERROR(Nested(ParseTrigger(*trigger, rule), "trigger"));
    std::optional<std::vector<JsonBody>> conditions;
    PIPECRM_RETURN_IF_ERROR(Take(body->Objects("conditions"), conditions));
    for (std::size_t i = 0; conditions && i < conditions->size(); ++i) {
        const JsonBody& c = (*conditions)[i];
        const std::string at = "conditions[" + std::to_string(i) + "]";
        PIPECRM_RETURN_IF_ERROR(Nested(c.OnlyKnownFields({"field", "op", "value"}), at));
        domain::RuleCondition condition;
        std::optional<std::string> field;
        std::optional<std::string> op;
        std::optional<std::optional<std::string>> value;
        PIPECRM_RETURN_IF_ERROR(Nested(Take(c.String("field"), field), at));
        PIPECRM_RETURN_IF_ERROR(Nested(Take(c.String("op"), op), at));
        PIPECRM_RETURN_IF_ERROR(Nested(Take(c.ScalarText("value"), value), at));
        condition.field = field.value_or("");
        condition.op = op.value_or("=");
        condition.value = value && *value ? **value : "";
        rule.conditions.push_back(std::move(condition));
    }
    std::optional<std::vector<JsonBody>> actions;
    PIPECRM_RETURN_IF_ERROR(Take(body->Objects("actions"), actions));
    for (std::size_t i = 0; actions && i < actions->size(); ++i) {
        auto action = ParseAction((*actions)[i]);
        if (!action.ok()) {
            return Nested(action.status(), "actions[" + std::to_string(i) + "]");
        }
        rule.actions.push_back(std::move(*action));
    }
    return rule;
}

Result<domain::AutomationRuleChange> ParseRuleChange(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"name", "active"}));
    domain::AutomationRuleChange change;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("active"), change.active));
    return change;
}

void WriteOptionalId(JsonWriter& w, const char* key, OptionalId id) {
    w.Key(key);
    if (id) {
        w.Int(*id);
    } else {
        w.Null();
    }
}

void WriteRule(JsonWriter& w, const domain::AutomationRule& r) {
    w.StartObject();
    w.Key("id").Int(r.id);
    w.Key("name").String(r.name);
    w.Key("active").Bool(r.active);
    w.Key("trigger").StartObject();
    w.Key("type").String(domain::RuleTriggerName(r.trigger));
    WriteOptionalId(w, "from_stage_id", r.from_stage_id);
    WriteOptionalId(w, "to_stage_id", r.to_stage_id);
    w.Key("idle_days").Int(r.idle_days);
    w.EndObject();
    w.Key("conditions").StartArray();
    for (const domain::RuleCondition& c : r.conditions) {
        w.StartObject();
        w.Key("field").String(c.field);
        w.Key("op").String(c.op);
        w.Key("value").String(c.value);
        w.EndObject();
    }
    w.EndArray();
    w.Key("actions").StartArray();
    for (const domain::RuleAction& a : r.actions) {
        w.StartObject();
        w.Key("type").String(domain::RuleActionTypeName(a.type));
        switch (a.type) {
            case domain::RuleActionType::kCreateActivity:
                w.Key("subject").String(a.subject);
                w.Key("activity_type").StringOrNull(a.activity_type);
                w.Key("due_in_days").Int(a.due_in_days);
                w.Key("note").StringOrNull(a.note);
                break;
            case domain::RuleActionType::kAssignOwner:
                WriteOptionalId(w, "team_id", a.team_id);
                break;
            case domain::RuleActionType::kSetField:
                w.Key("field").String(a.field);
                w.Key("value");
                if (a.value) {
                    w.String(*a.value);
                } else {
                    w.Null();
                }
                break;
            case domain::RuleActionType::kCallWebhook:
                WriteOptionalId(w, "webhook_id", a.webhook_id);
                break;
            case domain::RuleActionType::kAddToCampaign:
                WriteOptionalId(w, "campaign_id", a.campaign_id);
                break;
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("user_id").Int(r.created_by);
    w.Key("add_time").String(FormatSqlTime(r.add_time));
    w.Key("update_time").String(FormatSqlTime(r.update_time));
    w.EndObject();
}

void WriteRun(JsonWriter& w, const domain::AutomationRun& r) {
    w.StartObject();
    w.Key("id").Int(r.id);
    w.Key("rule_id").Int(r.rule_id);
    w.Key("trigger").String(domain::RuleTriggerName(r.trigger));
    w.Key("object").String(r.object);
    w.Key("object_id").Int(r.entity_id);
    w.Key("depth").Int(r.depth);
    w.Key("status").String(domain::RunStateName(r.state));
    w.Key("result").String(r.result);
    w.Key("add_time").String(FormatSqlTime(r.add_time));
    w.Key("update_time").String(FormatSqlTime(r.update_time));
    w.EndObject();
}

RouteHandler RunsRoute(domain::Store& store) {
    return [&store](const RouteContext& ctx, Responder respond) {
        const Id workspace_id = ctx.principal->user.workspace_id;
        Id rule_id = 0;
        std::pair<int, int> page;
        Status parsed = Take(ctx.IdParam(0), rule_id);
        if (parsed.ok()) {
            parsed = Take(QueryOffsetPage(ctx.request), page);
        }
        if (!parsed.ok()) {
            respond(ErrorResponse(parsed));
            return;
        }
        ReadThen<std::vector<domain::AutomationRun>>(
            store,
            [&](domain::Repositories& repos) -> Result<std::vector<domain::AutomationRun>> {
                PIPECRM_RETURN_IF_ERROR(
                    domain::GetLiveAutomationRule(repos, workspace_id, rule_id).status());
                return repos.Automations().ListRuns(workspace_id, rule_id, page.first, page.second);
            },
            [&](std::vector<domain::AutomationRun>& runs) {
                const bool more = runs.size() > static_cast<std::size_t>(page.second);
                if (more) {
                    runs.pop_back();
                }
                return SuccessResponse(ToJsonArray(runs, WriteRun), 200,
                                       OffsetPagination(page.first, page.second, more));
            },
            respond);
    };
}

}  // namespace

void AddAutomationRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    const std::string path = "/api/v1/automations";
    router.Add(
        "GET", path,
        [&store](const RouteContext& ctx, Responder respond) {
            const Id workspace_id = ctx.principal->user.workspace_id;
            ReadThen<std::vector<domain::AutomationRule>>(
                store,
                [&](domain::Repositories& repos) {
                    return repos.Automations().ListRules(workspace_id);
                },
                [](const std::vector<domain::AutomationRule>& rules) {
                    return SuccessResponse(ToJsonArray(rules, WriteRule));
                },
                respond);
        },
        Access::kAdmin);
    auto one = [](int status) {
        return [status](const domain::AutomationRule& rule) {
            return SuccessResponse(ToJson(rule, WriteRule), status);
        };
    };
    router.Add("POST", path,
               WriteRoute<domain::AutomationRule>(
                   store, clock, [](const RouteContext& ctx) { return ParseRule(ctx.request); },
                   domain::CreateAutomationRule, one(201)),
               Access::kAdmin);
    router.Add(
        "GET", path + "/{id}",
        [&store, one](const RouteContext& ctx, Responder respond) {
            const Id workspace_id = ctx.principal->user.workspace_id;
            auto id = ctx.IdParam(0);
            if (!id.ok()) {
                respond(ErrorResponse(id.status()));
                return;
            }
            ReadThen<domain::AutomationRule>(
                store,
                [&](domain::Repositories& repos) {
                    return domain::GetLiveAutomationRule(repos, workspace_id, *id);
                },
                one(200), respond);
        },
        Access::kAdmin);
    router.Add("PATCH", path + "/{id}",
               WriteRoute<domain::AutomationRule>(
                   store, clock,
                   [](const RouteContext& ctx) {
                       return ParseIdAndBody<domain::AutomationRuleChange>(ctx, ParseRuleChange);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdAndChange<domain::AutomationRuleChange>& input, Instant now) {
                       return domain::UpdateAutomationRule(repos, actor, input.id, input.change,
                                                           now);
                   },
                   one(200)),
               Access::kAdmin);
    router.Add(
        "DELETE", path + "/{id}",
        WriteRoute<domain::AutomationRule>(
            store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
            domain::DeleteAutomationRule,
            [](const domain::AutomationRule& rule) { return SuccessResponse(IdObject(rule.id)); }),
        Access::kAdmin);
    router.Add("GET", path + "/{id}/runs", RunsRoute(store), Access::kAdmin);
}

}  // namespace pipecrm::http

#include "storage/sql/automation_table.hpp"

#include <string>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::AutomationRule;
using domain::AutomationRun;
using domain::RunState;

OptionalId ReadOptionalId(const Statement& s, int column) {
    auto value = s.OptionalInt(column);
    return value ? OptionalId(*value) : OptionalId();
}

constexpr const char* kRuleSelect =
    "SELECT id, workspace_id, name, trigger_type, from_stage_id, to_stage_id, idle_days, active, "
    "is_deleted, created_by, add_time, update_time FROM automation_rules";

AutomationRule ReadRule(const Statement& s) {
    AutomationRule r;
    r.id = s.Int(0);
    r.workspace_id = s.Int(1);
    r.name = s.Text(2);
    r.trigger = domain::ParseRuleTrigger(s.Text(3)).value_or(domain::RuleTrigger::kDealCreated);
    r.from_stage_id = ReadOptionalId(s, 4);
    r.to_stage_id = ReadOptionalId(s, 5);
    r.idle_days = static_cast<int>(s.Int(6));
    r.active = s.Int(7) != 0;
    r.is_deleted = s.Int(8) != 0;
    r.created_by = s.Int(9);
    r.add_time = FromUnixSeconds(s.Int(10));
    r.update_time = FromUnixSeconds(s.Int(11));
    return r;
}

constexpr const char* kRunSelect =
    "SELECT id, workspace_id, rule_id, trigger_type, object, entity_id, depth, state, result, "
    "add_time, update_time FROM automation_runs";

AutomationRun ReadRun(const Statement& s) {
    AutomationRun r;
    r.id = s.Int(0);
    r.workspace_id = s.Int(1);
    r.rule_id = s.Int(2);
    r.trigger = domain::ParseRuleTrigger(s.Text(3)).value_or(domain::RuleTrigger::kDealCreated);
    r.object = s.Text(4);
    r.entity_id = s.Int(5);
    r.depth = static_cast<int>(s.Int(6));
    r.state = domain::ParseRunState(s.Text(7)).value_or(RunState::kPending);
    r.result = s.Text(8);
    r.add_time = FromUnixSeconds(s.Int(9));
    r.update_time = FromUnixSeconds(s.Int(10));
    return r;
}

}  // namespace

Result<Id> AutomationTable::InsertRule(const AutomationRule& rule) {
    cache_.Forget();
    auto stmt = db_.Cached(
        "INSERT INTO automation_rules(workspace_id, name, trigger_type, from_stage_id, "
        "to_stage_id, idle_days, active, is_deleted, round_robin, created_by, add_time, "
        "update_time) VALUES(?,?,?,?,?,?,?,?,0,?,?,?) RETURNING id");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, rule.workspace_id)
        .Bind(2, rule.name)
        .Bind(3, domain::RuleTriggerName(rule.trigger))
        .Bind(4, rule.from_stage_id)
        .Bind(5, rule.to_stage_id)
        .Bind(6, rule.idle_days)
        .Bind(7, rule.active ? 1 : 0)
        .Bind(8, rule.is_deleted ? 1 : 0)
        .Bind(9, rule.created_by)
        .Bind(10, ToUnixSeconds(rule.add_time))
        .Bind(11, ToUnixSeconds(rule.update_time));
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    if (!*row) {
        return Internal("the rule insert returned no id");
    }
    const Id id = s.Int(0);
    PIPECRM_RETURN_IF_ERROR(s.Run());
    for (std::size_t i = 0; i < rule.conditions.size(); ++i) {
        const domain::RuleCondition& c = rule.conditions[i];
        PIPECRM_RETURN_IF_ERROR(Execute(db_,
                                        "INSERT INTO automation_rule_conditions(workspace_id, "
                                        "rule_id, position, field, op, value) VALUES(?,?,?,?,?,?)",
                                        [&](Statement& st) {
                                            st.Bind(1, rule.workspace_id)
                                                .Bind(2, id)
                                                .Bind(3, static_cast<std::int64_t>(i))
                                                .Bind(4, c.field)
                                                .Bind(5, c.op)
                                                .Bind(6, c.value);
                                        }));
    }
    for (std::size_t i = 0; i < rule.actions.size(); ++i) {
        const domain::RuleAction& a = rule.actions[i];
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_,
                    "INSERT INTO automation_rule_actions(workspace_id, rule_id, position, type, "
                    "subject, activity_type, due_in_days, note, team_id, field, value, webhook_id, "
                    "campaign_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [&](Statement& st) {
                        st.Bind(1, rule.workspace_id)
                            .Bind(2, id)
                            .Bind(3, static_cast<std::int64_t>(i))
                            .Bind(4, domain::RuleActionTypeName(a.type))
                            .Bind(5, a.subject)
                            .Bind(6, a.activity_type)
                            .Bind(7, a.due_in_days)
                            .Bind(8, a.note)
                            .Bind(9, a.team_id)
                            .Bind(10, a.field);
                        if (a.value) {
                            st.Bind(11, *a.value);
                        } else {
                            st.BindNull(11);
                        }
                        st.Bind(12, a.webhook_id);
                        st.Bind(13, a.campaign_id);
                    }));
    }
    return id;
}

Status AutomationTable::LoadParts(AutomationRule& rule) {
    PIPECRM_RETURN_IF_ERROR(Query(
        db_,
        "SELECT field, op, value FROM automation_rule_conditions WHERE workspace_id = ? AND "
        "rule_id = ? ORDER BY position",
        [&](Statement& s) { s.Bind(1, rule.workspace_id).Bind(2, rule.id); },
        [&](Statement& s) {
            rule.conditions.push_back({s.Text(0), s.Text(1), s.Text(2)});
        }));
    return Query(
        db_,
        "SELECT type, subject, activity_type, due_in_days, note, team_id, field, value, "
        "webhook_id, campaign_id FROM automation_rule_actions WHERE workspace_id = ? AND "
        "rule_id = ? "
        "ORDER BY position",
        [&](Statement& s) { s.Bind(1, rule.workspace_id).Bind(2, rule.id); },
        [&](Statement& s) {
            domain::RuleAction a;
            a.type = domain::ParseRuleActionType(s.Text(0)).value_or(
                domain::RuleActionType::kCreateActivity);
            a.subject = s.Text(1);
            a.activity_type = s.Text(2);
            a.due_in_days = static_cast<int>(s.Int(3));
            a.note = s.Text(4);
            a.team_id = ReadOptionalId(s, 5);
            a.field = s.Text(6);
            if (!s.IsNull(7)) {
                a.value = s.Text(7);
            }
            a.webhook_id = ReadOptionalId(s, 8);
            a.campaign_id = ReadOptionalId(s, 9);
            rule.actions.push_back(std::move(a));
        });
}

Result<AutomationRule> AutomationTable::GetRule(Id workspace_id, Id id) {
    std::optional<AutomationRule> rule;
    PIPECRM_RETURN_IF_ERROR(Query(
        db_, std::string(kRuleSelect) + " WHERE workspace_id = ? AND id = ?",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); },
        [&](Statement& s) { rule = ReadRule(s); }));
    if (!rule) {
        return NotFound("automation rule " + std::to_string(id) + " not found");
    }
    PIPECRM_RETURN_IF_ERROR(LoadParts(*rule));
    return *rule;
}

Result<std::vector<AutomationRule>> AutomationTable::ListRules(Id workspace_id) {
    std::vector<AutomationRule> rules;
    PIPECRM_RETURN_IF_ERROR(Query(
        db_, std::string(kRuleSelect) + " WHERE workspace_id = ? AND is_deleted = 0 ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](Statement& s) { rules.push_back(ReadRule(s)); }));
    for (AutomationRule& rule : rules) {
        PIPECRM_RETURN_IF_ERROR(LoadParts(rule));
    }
    return rules;
}

Status AutomationTable::UpdateRule(const AutomationRule& rule) {
    cache_.Forget();
    return Execute(
        db_,
        "UPDATE automation_rules SET name = ?, active = ?, is_deleted = ?, update_time = ? "
        "WHERE workspace_id = ? AND id = ?",
        [&](Statement& s) {
            s.Bind(1, rule.name)
                .Bind(2, rule.active ? 1 : 0)
                .Bind(3, rule.is_deleted ? 1 : 0)
                .Bind(4, ToUnixSeconds(rule.update_time))
                .Bind(5, rule.workspace_id)
                .Bind(6, rule.id);
        });
}

Status AutomationTable::EnqueueRuns(const domain::ChangeEvent& event,
                                    const std::vector<domain::TriggerHit>& hits) {
    // Most writes go to workspaces without rules: look before writing anything, once per
    // write transaction.
    auto any_rule = cache_.Any(WriteBatchCache::SetUp::kRule, event.workspace_id, [&] {
        return Exists(db_,
                      "SELECT 1 FROM automation_rules WHERE workspace_id = ? AND active = 1 AND "
                      "is_deleted = 0 LIMIT 1",
                      [&](Statement& s) { s.Bind(1, event.workspace_id); });
    });
    if (!any_rule.ok() || !*any_rule) {
        return any_rule.status();
    }
    const int depth = event.automation_depth + 1;
    const bool too_deep = depth > domain::kMaxAutomationDepth;
    const std::string result = too_deep ? "chain limit reached: a change made by a rule run " +
                                              std::to_string(event.automation_depth) +
                                              " deep triggers no more rules"
                                        : "";
    const std::int64_t at = ToUnixSeconds(event.at);
    for (const domain::TriggerHit& hit : hits) {
        PIPECRM_RETURN_IF_ERROR(Execute(
            db_,
            "INSERT INTO automation_runs(workspace_id, rule_id, trigger_type, trigger_key, "
            "object, entity_id, depth, state, result, add_time, update_time) "
            "SELECT workspace_id, id, trigger_type, NULL, ?, ?, ?, ?, ?, ?, ? "
            "FROM automation_rules WHERE workspace_id = ? AND trigger_type = ? AND active = 1 "
            "AND is_deleted = 0 AND (from_stage_id IS NULL OR from_stage_id = ?) "
            "AND (to_stage_id IS NULL OR to_stage_id = ?)",
            [&](Statement& s) {
                s.Bind(1, event.object)
                    .Bind(2, event.entity_id)
                    .Bind(3, depth)
                    .Bind(4, std::string_view(too_deep ? "skipped" : "pending"))
                    .Bind(5, result)
                    .Bind(6, at)
                    .Bind(7, at)
                    .Bind(8, event.workspace_id)
                    .Bind(9, domain::RuleTriggerName(hit.trigger))
                    .Bind(10, hit.from_stage_id)
                    .Bind(11, hit.to_stage_id);
            }));
    }
    return Status::Ok();
}

Result<bool> AutomationTable::AnyScheduledRules() {
    return Exists(
        db_,
        "SELECT 1 FROM automation_rules WHERE trigger_type IN ('deal_idle', 'activity_overdue') "
        "AND active = 1 AND is_deleted = 0 LIMIT 1",
        [](Statement&) {});
}

Status AutomationTable::EnqueueScheduled(Instant now, Date today) {
    const std::int64_t at = ToUnixSeconds(now);
    PIPECRM_RETURN_IF_ERROR(Execute(
        db_,
        "INSERT INTO automation_runs(workspace_id, rule_id, trigger_type, trigger_key, object, "
        "entity_id, depth, state, result, add_time, update_time) "
        "SELECT r.workspace_id, r.id, r.trigger_type, "
        "'idle:' || CAST(d.id AS TEXT) || ':' || CAST(d.update_time AS TEXT), 'deal', d.id, 1, "
        "'pending', '', ?, ? FROM automation_rules r "
        "JOIN deals d ON d.workspace_id = r.workspace_id "
        "WHERE r.trigger_type = 'deal_idle' AND r.active = 1 AND r.is_deleted = 0 "
        "AND d.status = 'open' AND d.update_time <= ? - r.idle_days * 86400 "
        "ON CONFLICT (workspace_id, rule_id, trigger_key) DO NOTHING",
        [&](Statement& s) { s.Bind(1, at).Bind(2, at).Bind(3, at); }));
    return Execute(
        db_,
        "INSERT INTO automation_runs(workspace_id, rule_id, trigger_type, trigger_key, "
        "object, entity_id, depth, state, result, add_time, update_time) "
        "SELECT r.workspace_id, r.id, r.trigger_type, "
        "'overdue:' || CAST(a.id AS TEXT) || ':' || CAST(a.due_date AS TEXT), "
        "'activity', a.id, 1, 'pending', '', ?, ? FROM automation_rules r "
        "JOIN activities a ON a.workspace_id = r.workspace_id "
        "WHERE r.trigger_type = 'activity_overdue' AND r.active = 1 AND r.is_deleted = 0 "
        "AND a.done = 0 AND a.is_deleted = 0 AND a.due_date IS NOT NULL "
        "AND a.due_date < ? "
        "ON CONFLICT (workspace_id, rule_id, trigger_key) DO NOTHING",
        [&](Statement& s) { s.Bind(1, at).Bind(2, at).Bind(3, ToDayNumber(today)); });
}

Result<std::vector<AutomationRun>> AutomationTable::DueRuns(int limit) {
    std::vector<AutomationRun> runs;
    PIPECRM_RETURN_IF_ERROR(Query(
        db_, std::string(kRunSelect) + " WHERE state = 'pending' ORDER BY id LIMIT ?",
        [&](Statement& s) { s.Bind(1, limit); },
        [&](Statement& s) { runs.push_back(ReadRun(s)); }));
    return runs;
}

Result<bool> AutomationTable::ClaimRun(Id workspace_id, Id run_id, Instant now) {
    auto stmt = db_.Cached(
        "UPDATE automation_runs SET state = 'running', update_time = ? "
        "WHERE workspace_id = ? AND id = ? AND state = 'pending' RETURNING id");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, ToUnixSeconds(now)).Bind(2, workspace_id).Bind(3, run_id);
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    const bool claimed = *row;
    PIPECRM_RETURN_IF_ERROR(s.Run());
    return claimed;
}

Status AutomationTable::FinishRun(
    Id workspace_id, Id run_id, RunState state, const std::string& result, Instant now) {
    return Execute(db_,
                   "UPDATE automation_runs SET state = ?, result = ?, update_time = ? "
                   "WHERE workspace_id = ? AND id = ?",
                   [&](Statement& s) {
                       s.Bind(1, domain::RunStateName(state))
                           .Bind(2, result)
                           .Bind(3, ToUnixSeconds(now))
                           .Bind(4, workspace_id)
                           .Bind(5, run_id);
                   });
}

Result<std::vector<AutomationRun>> AutomationTable::ListRuns(Id workspace_id,
                                                             Id rule_id,
                                                             int offset,
                                                             int limit) {
    std::vector<AutomationRun> runs;
    PIPECRM_RETURN_IF_ERROR(Query(
        db_,
        std::string(kRunSelect) +
            " WHERE workspace_id = ? AND rule_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, rule_id).Bind(3, limit + 1).Bind(4, offset);
        },
        [&](Statement& s) { runs.push_back(ReadRun(s)); }));
    return runs;
}

Result<std::int64_t> AutomationTable::NextRoundRobin(Id workspace_id, Id rule_id) {
    auto stmt = db_.Cached(
        "UPDATE automation_rules SET round_robin = round_robin + 1 "
        "WHERE workspace_id = ? AND id = ? RETURNING round_robin - 1");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, workspace_id).Bind(2, rule_id);
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    if (!*row) {
        return NotFound("automation rule " + std::to_string(rule_id) + " not found");
    }
    const std::int64_t turn = s.Int(0);
    PIPECRM_RETURN_IF_ERROR(s.Run());
    return turn;
}

}  // namespace pipecrm::storage::sql

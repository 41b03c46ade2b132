#include "storage/sql/webhook_outbox_table.hpp"

#include <string>

#include "storage/snapshot_json.hpp"
#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::ChangeAction;
using domain::DeliveryState;

// The webhooks an event goes to; binds workspace, object, v2 action and v1 action from `first`.
constexpr const char* kMatchingWebhooks =
    " FROM webhooks WHERE workspace_id = ? AND is_deleted = 0 AND event_object IN ('*', ?) "
    "AND event_action IN ('*', ?, ?)";

void BindMatch(Statement& s, int first, const domain::ChangeEvent& event) {
    s.Bind(first, event.workspace_id)
        .Bind(first + 1, event.object)
        .Bind(first + 2, domain::ChangeActionName(event.action))
        .Bind(first + 3, domain::ChangeActionV1Name(event.action));
}

ChangeAction ActionFromName(const std::string& name) {
    if (name == "create") {
        return ChangeAction::kCreate;
    }
    return name == "delete" ? ChangeAction::kDelete : ChangeAction::kChange;
}

constexpr const char* kDeliveryColumns =
    "d.id, d.workspace_id, d.webhook_id, d.event_id, e.object, e.action, e.entity_id, d.state, "
    "d.attempts, d.last_status_code, d.last_error, d.add_time, d.next_attempt_time, "
    "d.delivered_time, d.update_time";
constexpr int kDeliveryColumnCount = 15;

domain::WebhookDelivery ReadDelivery(const Statement& s) {
    domain::WebhookDelivery d;
    d.id = s.Int(0);
    d.workspace_id = s.Int(1);
    d.webhook_id = s.Int(2);
    d.event_id = s.Int(3);
    d.event_object = s.Text(4);
    d.event_action = ActionFromName(s.Text(5));
    d.entity_id = s.Int(6);
    d.state = domain::ParseDeliveryState(s.Text(7)).value_or(DeliveryState::kPending);
    d.attempts = static_cast<int>(s.Int(8));
    if (auto code = s.OptionalInt(9)) {
        d.last_status_code = static_cast<int>(*code);
    }
    d.last_error = s.Text(10);
    d.add_time = FromUnixSeconds(s.Int(11));
    d.next_attempt_time = FromUnixSeconds(s.Int(12));
    if (auto at = s.OptionalInt(13)) {
        d.delivered_time = FromUnixSeconds(*at);
    }
    d.update_time = FromUnixSeconds(s.Int(14));
    return d;
}

}  // namespace

Result<bool> WebhookOutboxTable::Subscribed(const domain::ChangeEvent& event) {
    // Most writes go to workspaces without webhooks: one look per write transaction says so.
    auto any_webhook = cache_.Any(WriteBatchCache::SetUp::kWebhook, event.workspace_id, [&] {
        return Exists(db_,
                      "SELECT 1 FROM webhooks WHERE workspace_id = ? AND is_deleted = 0 LIMIT 1",
                      [&](Statement& s) { s.Bind(1, event.workspace_id); });
    });
    if (!any_webhook.ok() || !*any_webhook) {
        return any_webhook;
    }
    auto any = db_.Cached(std::string("SELECT 1") + kMatchingWebhooks + " LIMIT 1");
    if (!any.ok()) {
        return any.status();
    }
    Statement& probe = (*any)->Reset();
    BindMatch(probe, 1, event);
    auto found = probe.Step();
    probe.Reset();
    return found;
}

Status WebhookOutboxTable::Enqueue(const domain::ChangeEvent& event) {
    auto event_id = InsertEvent(event);
    if (!event_id.ok()) {
        return event_id.status();
    }
    auto insert_deliveries = db_.Cached(
        std::string("INSERT INTO webhook_deliveries(workspace_id, webhook_id, event_id, state, "
                    "attempts, add_time, next_attempt_time, update_time) "
                    "SELECT workspace_id, id, ?, 'pending', 0, ?, ?, ?") +
        kMatchingWebhooks);
    if (!insert_deliveries.ok()) {
        return insert_deliveries.status();
    }
    Statement& fan_out = (*insert_deliveries)->Reset();
    const std::int64_t at = ToUnixSeconds(event.at);
    fan_out.Bind(1, *event_id).Bind(2, at).Bind(3, at).Bind(4, at);
    BindMatch(fan_out, 5, event);
    return fan_out.Run();
}

Result<Id> WebhookOutboxTable::InsertEvent(const domain::ChangeEvent& event) {
    const std::string current = SnapshotJson(event.current);
    const std::string previous = SnapshotJson(event.previous);
    const std::string stage_change = StageMoveJson(event.stage_change);
    return InsertRow(db_,
                     "INSERT INTO webhook_events(workspace_id, object, action, entity_id, "
                     "actor_user_id, event_time, current_json, previous_json, stage_change_json) "
                     "VALUES(?,?,?,?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, event.workspace_id)
                             .Bind(2, event.object)
                             .Bind(3, domain::ChangeActionName(event.action))
                             .Bind(4, event.entity_id)
                             .Bind(5, event.actor_user_id)
                             .Bind(6, ToUnixSeconds(event.at))
                             .Bind(7, current)
                             .Bind(8, previous)
                             .Bind(9, stage_change);
                     });
}

Status WebhookOutboxTable::EnqueueFor(Id webhook_id, const domain::ChangeEvent& event) {
    auto live =
        db_.Cached("SELECT 1 FROM webhooks WHERE workspace_id = ? AND id = ? AND is_deleted = 0");
    if (!live.ok()) {
        return live.status();
    }
    Statement& probe = (*live)->Reset();
    probe.Bind(1, event.workspace_id).Bind(2, webhook_id);
    auto found = probe.Step();
    probe.Reset();
    if (!found.ok()) {
        return found.status();
    }
    if (!*found) {
        return NotFound("webhook " + std::to_string(webhook_id) + " not found", "webhook_id");
    }
    auto event_id = InsertEvent(event);
    if (!event_id.ok()) {
        return event_id.status();
    }
    auto insert = db_.Cached(
        "INSERT INTO webhook_deliveries(workspace_id, webhook_id, event_id, state, attempts, "
        "add_time, next_attempt_time, update_time) VALUES(?,?,?,'pending',0,?,?,?)");
    if (!insert.ok()) {
        return insert.status();
    }
    const std::int64_t at = ToUnixSeconds(event.at);
    Statement& s = (*insert)->Reset();
    s.Bind(1, event.workspace_id)
        .Bind(2, webhook_id)
        .Bind(3, *event_id)
        .Bind(4, at)
        .Bind(5, at)
        .Bind(6, at);
    return s.Run();
}

Result<bool> WebhookOutboxTable::AnyDue(Instant now) {
    auto stmt = db_.Cached(
        "SELECT 1 FROM webhook_deliveries WHERE state IN ('pending', 'sending') "
        "AND next_attempt_time <= ? LIMIT 1");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, ToUnixSeconds(now));
    auto row = s.Step();
    s.Reset();
    return row;
}

Result<std::vector<domain::ClaimedDelivery>> WebhookOutboxTable::Claim(Instant now,
                                                                       Instant lease_until,
                                                                       int limit) {
    // The write transaction is the lock: on SQLite one writer claims at a time.
    std::vector<Id> due;
    {
        auto stmt = db_.Cached(
            "SELECT id FROM webhook_deliveries WHERE state IN ('pending', 'sending') "
            "AND next_attempt_time <= ? ORDER BY next_attempt_time, id LIMIT ?");
        if (!stmt.ok()) {
            return stmt.status();
        }
        Statement& s = (*stmt)->Reset();
        s.Bind(1, ToUnixSeconds(now)).Bind(2, limit);
        while (true) {
            auto row = s.Step();
            if (!row.ok()) {
                return row.status();
            }
            if (!*row) {
                break;
            }
            due.push_back(s.Int(0));
        }
    }
    auto mark = db_.Cached(
        "UPDATE webhook_deliveries SET state = 'sending', attempts = attempts + 1, "
        "next_attempt_time = ?, update_time = ? WHERE id = ?");
    auto give_up = db_.Cached(
        "UPDATE webhook_deliveries SET state = 'failed', last_error = ?, update_time = ? "
        "WHERE id = ?");
    auto details = db_.Cached(
        std::string("SELECT ") + kDeliveryColumns +
        ", w.subscription_url, w.version, w.http_auth_user, w.http_auth_password, w.secret, "
        "w.is_deleted, e.actor_user_id, e.event_time, e.current_json, e.previous_json, "
        "e.stage_change_json FROM webhook_deliveries d "
        "JOIN webhook_events e ON e.id = d.event_id JOIN webhooks w ON w.id = d.webhook_id "
        "WHERE d.id = ?");
    for (const auto* stmt : {&mark, &give_up, &details}) {
        if (!stmt->ok()) {
            return stmt->status();
        }
    }
    std::vector<domain::ClaimedDelivery> claimed;
    for (Id id : due) {
        Statement& d = (*details)->Reset();
        d.Bind(1, id);
        auto row = d.Step();
        if (!row.ok()) {
            return row.status();
        }
        if (!*row) {
            continue;
        }
        constexpr int k = kDeliveryColumnCount;
        domain::ClaimedDelivery c;
        c.delivery = ReadDelivery(d);
        c.url = d.Text(k);
        c.version = d.Text(k + 1);
        c.http_auth_user = d.Text(k + 2);
        c.http_auth_password = d.Text(k + 3);
        c.secret = d.Text(k + 4);
        const bool webhook_deleted = d.Int(k + 5) != 0;
        c.actor_user_id = d.Int(k + 6);
        c.event_time = FromUnixSeconds(d.Int(k + 7));
        c.current_json = d.Text(k + 8);
        c.previous_json = d.Text(k + 9);
        c.stage_change_json = d.Text(k + 10);
        d.Reset();
        if (webhook_deleted) {
            Statement& g = (*give_up)->Reset();
            g.Bind(1, std::string_view("the webhook was removed"))
                .Bind(2, ToUnixSeconds(now))
                .Bind(3, id);
            PIPECRM_RETURN_IF_ERROR(g.Run());
            continue;
        }
        Statement& m = (*mark)->Reset();
        m.Bind(1, ToUnixSeconds(lease_until)).Bind(2, ToUnixSeconds(now)).Bind(3, id);
        PIPECRM_RETURN_IF_ERROR(m.Run());
        c.delivery.state = DeliveryState::kSending;
        c.delivery.attempts += 1;
        c.delivery.next_attempt_time = lease_until;
        c.delivery.update_time = now;
        claimed.push_back(std::move(c));
    }
    return claimed;
}

Status WebhookOutboxTable::Finish(const domain::DeliveryOutcome& outcome) {
    auto stmt = db_.Cached(
        "UPDATE webhook_deliveries SET state = ?, next_attempt_time = ?, last_status_code = ?, "
        "last_error = ?, delivered_time = ?, update_time = ? "
        "WHERE workspace_id = ? AND id = ? AND state = 'sending' AND attempts = ?");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    const bool delivered = outcome.state == DeliveryState::kDelivered;
    s.Bind(1, domain::DeliveryStateName(outcome.state))
        .Bind(2, ToUnixSeconds(delivered || outcome.state == DeliveryState::kFailed
                                   ? outcome.now
                                   : outcome.next_attempt_time))
        .Bind(3, outcome.status_code)
        .Bind(4, outcome.error)
        .Bind(5, delivered ? std::optional<std::int64_t>(ToUnixSeconds(outcome.now))
                           : std::optional<std::int64_t>())
        .Bind(6, ToUnixSeconds(outcome.now))
        .Bind(7, outcome.workspace_id)
        .Bind(8, outcome.delivery_id)
        .Bind(9, outcome.attempt);
    return s.Run();
}

Result<std::vector<domain::WebhookDelivery>> WebhookOutboxTable::List(Id workspace_id,
                                                                      Id webhook_id,
                                                                      int offset,
                                                                      int limit) {
    auto stmt = db_.Cached(std::string("SELECT ") + kDeliveryColumns +
                           " FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"
                           " WHERE d.workspace_id = ? AND d.webhook_id = ?"
                           " ORDER BY d.id DESC LIMIT ? OFFSET ?");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, workspace_id).Bind(2, webhook_id).Bind(3, limit + 1).Bind(4, offset);
    std::vector<domain::WebhookDelivery> out;
    while (true) {
        auto row = s.Step();
        if (!row.ok()) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        out.push_back(ReadDelivery(s));
    }
    return out;
}

Status WebhookOutboxTable::SetSecret(Id workspace_id, Id webhook_id, const std::string& secret) {
    auto stmt = db_.Cached("UPDATE webhooks SET secret = ? WHERE workspace_id = ? AND id = ?");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, secret).Bind(2, workspace_id).Bind(3, webhook_id);
    return s.Run();
}

}  // namespace pipecrm::storage::sql

#include "storage/sql/playbook_table.hpp"

namespace pipecrm::storage::sql {

Result<std::optional<domain::Playbook>> PlaybookTable::Get(Id workspace_id, Id stage_id) {
    auto stmt = db_.Cached(
        "SELECT activity_type, subject, due_in_days FROM stage_playbooks "
        "WHERE workspace_id = ? AND stage_id = ?");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, workspace_id).Bind(2, stage_id);
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    if (!*row) {
        return std::optional<domain::Playbook>();
    }
    domain::Playbook playbook;
    playbook.stage_id = stage_id;
    playbook.activity_type = s.Text(0);
    playbook.subject = s.Text(1);
    playbook.due_in_days = static_cast<int>(s.Int(2));
    playbook.is_default = false;
    s.Reset();
    return std::optional<domain::Playbook>(std::move(playbook));
}

Status PlaybookTable::Put(Id workspace_id, const domain::Playbook& playbook, Instant now) {
    auto stmt = db_.Cached(
        "INSERT INTO stage_playbooks(workspace_id, stage_id, activity_type, subject, "
        "due_in_days, update_time) VALUES(?,?,?,?,?,?) "
        "ON CONFLICT (workspace_id, stage_id) DO UPDATE SET activity_type = "
        "excluded.activity_type, subject = excluded.subject, due_in_days = excluded.due_in_days, "
        "update_time = excluded.update_time");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, workspace_id)
        .Bind(2, playbook.stage_id)
        .Bind(3, playbook.activity_type)
        .Bind(4, playbook.subject)
        .Bind(5, playbook.due_in_days)
        .Bind(6, ToUnixSeconds(now));
    return s.Run();
}

}  // namespace pipecrm::storage::sql

#include "storage/sql/project_table.hpp"

#include <string>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

// Joins the side table `t` to the live deals the viewer may see; ?1 is the workspace, ?2 the
// deal or NULL for all (compared to a column first, for PostgreSQL's parameter types).
std::string VisibleRows(const std::string& columns, const std::string& table) {
    return "SELECT " + columns + " FROM " + table +
           " t JOIN deals d ON d.workspace_id = t.workspace_id AND d.id = t.deal_id "
           "WHERE t.workspace_id = ?1 AND (t.deal_id = ?2 OR ?2 IS NULL) AND "
           "d.status <> 'deleted'";
}

void BindScope(Statement& s, Id workspace_id, OptionalId deal_id) {
    s.Bind(1, workspace_id).Bind(2, deal_id);
}

std::optional<Date> OptionalDay(const Statement& s, int column) {
    if (auto day = s.OptionalInt(column)) {
        return FromDayNumber(*day);
    }
    return std::nullopt;
}

std::optional<std::int64_t> DayOf(const std::optional<Date>& date) {
    if (date) {
        return ToDayNumber(*date);
    }
    return std::nullopt;
}

// Rows changed by a statement: its effect on TotalChanges.
template <typename BindFn>
Result<bool> Changed(Connection& db, const std::string& sql, BindFn&& bind) {
    const std::int64_t before = db.TotalChanges();
    PIPECRM_RETURN_IF_ERROR(Execute(db, sql, bind));
    return db.TotalChanges() != before;
}

}  // namespace

Result<std::vector<domain::ProjectDetails>> ProjectTable::Details(Id workspace_id,
                                                                  OptionalId deal_id) {
    return Rows<domain::ProjectDetails>(
        db_,
        VisibleRows("t.workspace_id, t.deal_id, t.start_date, t.due_date, t.progress, t.budget, "
                    "t.budget_currency, t.update_time",
                    "project_details") +
            " ORDER BY t.deal_id",
        [&](Statement& s) { BindScope(s, workspace_id, deal_id); },
        [](const Statement& s) {
            domain::ProjectDetails d;
            d.workspace_id = s.Int(0);
            d.deal_id = s.Int(1);
            d.start_date = OptionalDay(s, 2);
            d.due_date = OptionalDay(s, 3);
            d.progress = static_cast<int>(s.Int(4));
            d.budget = Money{s.Int(5), s.Text(6)};
            d.update_time = FromUnixSeconds(s.Int(7));
            return d;
        });
}

Status ProjectTable::SaveDetails(const domain::ProjectDetails& d) {
    return Execute(db_,
                   "INSERT INTO main.project_details(workspace_id, deal_id, start_date, due_date, "
                   "progress, budget, budget_currency, update_time) VALUES(?,?,?,?,?,?,?,?) "
                   "ON CONFLICT (workspace_id, deal_id) DO UPDATE SET start_date = "
                   "excluded.start_date, due_date = excluded.due_date, progress = "
                   "excluded.progress, budget = excluded.budget, budget_currency = "
                   "excluded.budget_currency, update_time = excluded.update_time",
                   [&](Statement& s) {
                       s.Bind(1, d.workspace_id)
                           .Bind(2, d.deal_id)
                           .Bind(3, DayOf(d.start_date))
                           .Bind(4, DayOf(d.due_date))
                           .Bind(5, d.progress)
                           .Bind(6, d.budget.minor_units)
                           .Bind(7, d.budget.currency)
                           .Bind(8, ToUnixSeconds(d.update_time));
                   });
}

Result<std::vector<domain::ProjectMember>> ProjectTable::Members(Id workspace_id,
                                                                 OptionalId deal_id) {
    return Rows<domain::ProjectMember>(
        db_,
        VisibleRows("t.workspace_id, t.deal_id, t.user_id, t.hours_per_week, t.add_time",
                    "project_members") +
            " ORDER BY t.deal_id, t.user_id",
        [&](Statement& s) { BindScope(s, workspace_id, deal_id); },
        [](const Statement& s) {
            return domain::ProjectMember{s.Int(0), s.Int(1), s.Int(2), static_cast<int>(s.Int(3)),
                                         FromUnixSeconds(s.Int(4))};
        });
}

Status ProjectTable::SaveMember(const domain::ProjectMember& m) {
    return Execute(db_,
                   "INSERT INTO main.project_members(workspace_id, deal_id, user_id, "
                   "hours_per_week, add_time) VALUES(?,?,?,?,?) ON CONFLICT (workspace_id, "
                   "deal_id, user_id) DO UPDATE SET hours_per_week = excluded.hours_per_week",
                   [&](Statement& s) {
                       s.Bind(1, m.workspace_id)
                           .Bind(2, m.deal_id)
                           .Bind(3, m.user_id)
                           .Bind(4, m.hours_per_week)
                           .Bind(5, ToUnixSeconds(m.add_time));
                   });
}

Result<bool> ProjectTable::RemoveMember(Id workspace_id, Id deal_id, Id user_id) {
    return Changed(
        db_,
        "DELETE FROM main.project_members WHERE workspace_id = ? AND deal_id = ? AND "
        "user_id = ?",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, deal_id).Bind(3, user_id); });
}

Result<std::vector<domain::ProjectRisk>> ProjectTable::Risks(Id workspace_id, OptionalId deal_id) {
    return Rows<domain::ProjectRisk>(
        db_,
        VisibleRows("t.id, t.workspace_id, t.deal_id, t.description, t.likelihood, t.impact, "
                    "t.contingency, t.status, t.add_time, t.update_time",
                    "project_risks") +
            " ORDER BY t.deal_id, t.id",
        [&](Statement& s) { BindScope(s, workspace_id, deal_id); },
        [](const Statement& s) {
            domain::ProjectRisk r;
            r.id = s.Int(0);
            r.workspace_id = s.Int(1);
            r.deal_id = s.Int(2);
            r.description = s.Text(3);
            r.likelihood = domain::ParseRiskLevel(s.Text(4)).value_or(domain::RiskLevel::kMedium);
            r.impact = domain::ParseRiskLevel(s.Text(5)).value_or(domain::RiskLevel::kMedium);
            r.contingency = s.Text(6);
            r.status = domain::ParseRiskStatus(s.Text(7)).value_or(domain::RiskStatus::kOpen);
            r.add_time = FromUnixSeconds(s.Int(8));
            r.update_time = FromUnixSeconds(s.Int(9));
            return r;
        });
}

Result<Id> ProjectTable::InsertRisk(const domain::ProjectRisk& r) {
    return InsertRow(db_,
                     "INSERT INTO main.project_risks(workspace_id, deal_id, description, "
                     "likelihood, impact, contingency, status, add_time, update_time) "
                     "VALUES(?,?,?,?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, r.workspace_id)
                             .Bind(2, r.deal_id)
                             .Bind(3, r.description)
                             .Bind(4, domain::RiskLevelName(r.likelihood))
                             .Bind(5, domain::RiskLevelName(r.impact))
                             .Bind(6, r.contingency)
                             .Bind(7, domain::RiskStatusName(r.status))
                             .Bind(8, ToUnixSeconds(r.add_time))
                             .Bind(9, ToUnixSeconds(r.update_time));
                     });
}

Status ProjectTable::UpdateRisk(const domain::ProjectRisk& r) {
    return Execute(db_,
                   "UPDATE main.project_risks SET description = ?, likelihood = ?, impact = ?, "
                   "contingency = ?, status = ?, update_time = ? WHERE workspace_id = ? AND "
                   "deal_id = ? AND id = ?",
                   [&](Statement& s) {
                       s.Bind(1, r.description)
                           .Bind(2, domain::RiskLevelName(r.likelihood))
                           .Bind(3, domain::RiskLevelName(r.impact))
                           .Bind(4, r.contingency)
                           .Bind(5, domain::RiskStatusName(r.status))
                           .Bind(6, ToUnixSeconds(r.update_time))
                           .Bind(7, r.workspace_id)
                           .Bind(8, r.deal_id)
                           .Bind(9, r.id);
                   });
}

Result<std::vector<domain::ProjectMilestone>> ProjectTable::Milestones(Id workspace_id,
                                                                       OptionalId deal_id) {
    return Rows<domain::ProjectMilestone>(
        db_,
        VisibleRows("t.id, t.workspace_id, t.deal_id, t.name, t.due_date, t.done, t.add_time, "
                    "t.update_time",
                    "project_milestones") +
            " ORDER BY t.deal_id, t.due_date, t.id",
        [&](Statement& s) { BindScope(s, workspace_id, deal_id); },
        [](const Statement& s) {
            domain::ProjectMilestone m;
            m.id = s.Int(0);
            m.workspace_id = s.Int(1);
            m.deal_id = s.Int(2);
            m.name = s.Text(3);
            m.due_date = FromDayNumber(s.Int(4));
            m.done = s.Int(5) != 0;
            m.add_time = FromUnixSeconds(s.Int(6));
            m.update_time = FromUnixSeconds(s.Int(7));
            return m;
        });
}

Result<Id> ProjectTable::InsertMilestone(const domain::ProjectMilestone& m) {
    return InsertRow(db_,
                     "INSERT INTO main.project_milestones(workspace_id, deal_id, name, due_date, "
                     "done, add_time, update_time) VALUES(?,?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, m.workspace_id)
                             .Bind(2, m.deal_id)
                             .Bind(3, m.name)
                             .Bind(4, ToDayNumber(m.due_date))
                             .Bind(5, m.done ? 1 : 0)
                             .Bind(6, ToUnixSeconds(m.add_time))
                             .Bind(7, ToUnixSeconds(m.update_time));
                     });
}

Status ProjectTable::UpdateMilestone(const domain::ProjectMilestone& m) {
    return Execute(db_,
                   "UPDATE main.project_milestones SET name = ?, due_date = ?, done = ?, "
                   "update_time = ? WHERE workspace_id = ? AND deal_id = ? AND id = ?",
                   [&](Statement& s) {
                       s.Bind(1, m.name)
                           .Bind(2, ToDayNumber(m.due_date))
                           .Bind(3, m.done ? 1 : 0)
                           .Bind(4, ToUnixSeconds(m.update_time))
                           .Bind(5, m.workspace_id)
                           .Bind(6, m.deal_id)
                           .Bind(7, m.id);
                   });
}

Result<std::vector<std::pair<Id, Id>>> ProjectTable::LinkedDeals(Id workspace_id,
                                                                 OptionalId deal_id) {
    return Rows<std::pair<Id, Id>>(
        db_,
        VisibleRows("t.deal_id, t.linked_deal_id", "project_deals") +
            " ORDER BY t.deal_id, t.linked_deal_id",
        [&](Statement& s) { BindScope(s, workspace_id, deal_id); },
        [](const Statement& s) {
            return std::pair<Id, Id>{s.Int(0), s.Int(1)};
        });
}

Result<bool> ProjectTable::LinkDeal(Id workspace_id, Id deal_id, Id linked_deal_id, Instant now) {
    return Changed(db_,
                   "INSERT INTO main.project_deals(workspace_id, deal_id, linked_deal_id, "
                   "add_time) VALUES(?,?,?,?) ON CONFLICT (workspace_id, deal_id, "
                   "linked_deal_id) DO NOTHING",
                   [&](Statement& s) {
                       s.Bind(1, workspace_id)
                           .Bind(2, deal_id)
                           .Bind(3, linked_deal_id)
                           .Bind(4, ToUnixSeconds(now));
                   });
}

}  // namespace pipecrm::storage::sql

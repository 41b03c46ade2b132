#include "storage/sql/lost_reason_table.hpp"

#include <string>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

constexpr const char* kSelect =
    "SELECT id, workspace_id, label, is_deleted, add_time, update_time FROM lost_reasons";

domain::LostReason Read(const Statement& s) {
    domain::LostReason r;
    r.id = s.Int(0);
    r.workspace_id = s.Int(1);
    r.label = s.Text(2);
    r.is_deleted = s.Int(3) != 0;
    r.add_time = FromUnixSeconds(s.Int(4));
    r.update_time = FromUnixSeconds(s.Int(5));
    return r;
}

// Every reason `sql` returns after `bind`.
template <typename BindFn>
Result<std::vector<domain::LostReason>> ReasonRows(Connection& db,
                                                   const std::string& sql,
                                                   BindFn&& bind) {
    return Rows<domain::LostReason>(db, sql, bind, Read);
}

}  // namespace

Result<Id> LostReasonTable::Insert(const domain::LostReason& r) {
    auto rows = ReasonRows(db_,
                           "INSERT INTO lost_reasons(workspace_id, label, is_deleted, add_time, "
                           "update_time) VALUES(?,?,?,?,?) RETURNING id, workspace_id, label, "
                           "is_deleted, add_time, update_time",
                           [&](Statement& s) {
                               s.Bind(1, r.workspace_id)
                                   .Bind(2, r.label)
                                   .Bind(3, r.is_deleted ? 1 : 0)
                                   .Bind(4, ToUnixSeconds(r.add_time))
                                   .Bind(5, ToUnixSeconds(r.update_time));
                           });
    if (!rows.ok()) {
        return rows.status();
    }
    if (rows->empty()) {
        return Internal("INSERT INTO lost_reasons returned no row");
    }
    return rows->front().id;
}

Result<domain::LostReason> LostReasonTable::Get(Id workspace_id, Id id) {
    auto rows = ReasonRows(db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
                           [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); });
    if (!rows.ok()) {
        return rows.status();
    }
    if (rows->empty()) {
        return NotFound("lost reason " + std::to_string(id) + " not found");
    }
    return rows->front();
}

Status LostReasonTable::Update(const domain::LostReason& r) {
    return ReasonRows(db_,
                      "UPDATE lost_reasons SET label = ?, is_deleted = ?, update_time = ? "
                      "WHERE workspace_id = ? AND id = ?",
                      [&](Statement& s) {
                          s.Bind(1, r.label)
                              .Bind(2, r.is_deleted ? 1 : 0)
                              .Bind(3, ToUnixSeconds(r.update_time))
                              .Bind(4, r.workspace_id)
                              .Bind(5, r.id);
                      })
        .status();
}

Result<std::vector<domain::LostReason>> LostReasonTable::List(Id workspace_id) {
    return ReasonRows(
        db_, std::string(kSelect) + " WHERE workspace_id = ? AND is_deleted = 0 ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); });
}

}  // namespace pipecrm::storage::sql

#include "storage/sql/call_list_table.hpp"

#include <string>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

OptionalId ReadOptionalId(const Statement& s, int column) {
    auto value = s.OptionalInt(column);
    return value ? OptionalId(*value) : OptionalId();
}

}  // namespace

Result<Id> CallListTable::Insert(const domain::CallList& list) {
    return InsertRow(db_,
                     "INSERT INTO call_lists(workspace_id, name, filter_id, strategy, created_by, "
                     "add_time) VALUES(?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, list.workspace_id)
                             .Bind(2, list.name)
                             .Bind(3, list.filter_id)
                             .Bind(4, domain::CallStrategyName(list.strategy))
                             .Bind(5, list.created_by)
                             .Bind(6, ToUnixSeconds(list.add_time));
                     });
}

Result<Id> CallListTable::InsertItem(Id workspace_id, const domain::CallListItem& item) {
    return InsertRow(db_,
                     "INSERT INTO call_list_items(workspace_id, call_list_id, user_id, position, "
                     "activity_id, deal_id, person_id) VALUES(?,?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, workspace_id)
                             .Bind(2, item.call_list_id)
                             .Bind(3, item.user_id)
                             .Bind(4, item.position)
                             .Bind(5, item.activity_id)
                             .Bind(6, item.deal_id)
                             .Bind(7, item.person_id);
                     });
}

Result<std::vector<domain::CallList>> CallListTable::Select(const std::string& where,
                                                            Id workspace_id,
                                                            Id id) {
    return Rows<domain::CallList>(
        db_,
        "SELECT id, workspace_id, name, filter_id, strategy, created_by, add_time "
        "FROM call_lists WHERE workspace_id = ?" +
            where,
        [&](Statement& s) {
            s.Bind(1, workspace_id);
            if (id != 0) {
                s.Bind(2, id);
            }
        },
        [](const Statement& s) {
            domain::CallList list;
            list.id = s.Int(0);
            list.workspace_id = s.Int(1);
            list.name = s.Text(2);
            list.filter_id = s.Int(3);
            list.strategy =
                domain::ParseCallStrategy(s.Text(4)).value_or(domain::CallStrategy::kRoundRobin);
            list.created_by = s.Int(5);
            list.add_time = FromUnixSeconds(s.Int(6));
            return list;
        });
}

Result<domain::CallList> CallListTable::Get(Id workspace_id, Id id) {
    auto lists = Select(" AND id = ?", workspace_id, id);
    if (!lists.ok()) {
        return lists.status();
    }
    if (lists->empty()) {
        return NotFound("call list " + std::to_string(id) + " not found");
    }
    return lists->front();
}

Result<std::vector<domain::CallList>> CallListTable::List(Id workspace_id) {
    return Select(" ORDER BY id DESC", workspace_id, 0);
}

Result<std::vector<domain::CallListItem>> CallListTable::Items(Id workspace_id,
                                                               Id call_list_id,
                                                               OptionalId user_id) {
    return Rows<domain::CallListItem>(
        db_,
        "SELECT id, call_list_id, user_id, position, activity_id, deal_id, person_id "
        "FROM call_list_items WHERE workspace_id = ? AND call_list_id = ? "
        "AND (? IS NULL OR user_id = ?) ORDER BY user_id, position",
        [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, call_list_id).Bind(3, user_id).Bind(4, user_id);
        },
        [](const Statement& s) {
            domain::CallListItem item;
            item.id = s.Int(0);
            item.call_list_id = s.Int(1);
            item.user_id = s.Int(2);
            item.position = static_cast<int>(s.Int(3));
            item.activity_id = s.Int(4);
            item.deal_id = ReadOptionalId(s, 5);
            item.person_id = ReadOptionalId(s, 6);
            return item;
        });
}

}  // namespace pipecrm::storage::sql

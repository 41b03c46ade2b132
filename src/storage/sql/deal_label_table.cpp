#include "storage/sql/deal_label_table.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

constexpr const char* kSelect =
    "SELECT id, workspace_id, name, color, is_deleted, add_time, update_time FROM deal_labels";

domain::DealLabel Read(const Statement& s) {
    domain::DealLabel l;
    l.id = s.Int(0);
    l.workspace_id = s.Int(1);
    l.name = s.Text(2);
    l.color = s.Text(3);
    l.is_deleted = s.Int(4) != 0;
    l.add_time = FromUnixSeconds(s.Int(5));
    l.update_time = FromUnixSeconds(s.Int(6));
    return l;
}

}  // namespace

std::string LabelIdsText(const std::vector<Id>& ids) {
    std::string text;
    for (Id id : ids) {
        text += (text.empty() ? "" : ",") + std::to_string(id);
    }
    return text;
}

std::vector<Id> ParseLabelIdsText(std::string_view text) {
    std::vector<Id> ids;
    while (!text.empty()) {
        const std::size_t comma = std::min(text.find(','), text.size());
        const std::string_view part = text.substr(0, comma);
        Id id = 0;
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
        if (ec == std::errc() && end == part.data() + part.size()) {
            ids.push_back(id);
        }
        text.remove_prefix(std::min(comma + 1, text.size()));
    }
    return ids;
}

std::string LabelIdPattern(Id label_id) {
    return "%," + std::to_string(label_id) + ",%";
}

Result<Id> DealLabelTable::Insert(const domain::DealLabel& l) {
    return InsertRow(db_,
                     "INSERT INTO deal_labels(workspace_id, name, color, is_deleted, add_time, "
                     "update_time) VALUES(?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, l.workspace_id)
                             .Bind(2, l.name)
                             .Bind(3, l.color)
                             .Bind(4, l.is_deleted ? 1 : 0)
                             .Bind(5, ToUnixSeconds(l.add_time))
                             .Bind(6, ToUnixSeconds(l.update_time));
                     });
}

Result<domain::DealLabel> DealLabelTable::Get(Id workspace_id, Id id) {
    return One<domain::DealLabel>(
        db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
        "label " + std::to_string(id));
}

Status DealLabelTable::Update(const domain::DealLabel& l) {
    return Execute(db_,
                   "UPDATE deal_labels SET name = ?, color = ?, is_deleted = ?, update_time = ? "
                   "WHERE workspace_id = ? AND id = ?",
                   [&](Statement& s) {
                       s.Bind(1, l.name)
                           .Bind(2, l.color)
                           .Bind(3, l.is_deleted ? 1 : 0)
                           .Bind(4, ToUnixSeconds(l.update_time))
                           .Bind(5, l.workspace_id)
                           .Bind(6, l.id);
                   });
}

Result<std::vector<domain::DealLabel>> DealLabelTable::List(Id workspace_id) {
    return Rows<domain::DealLabel>(
        db_, std::string(kSelect) + " WHERE workspace_id = ? AND is_deleted = 0 ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); }, Read);
}

Result<std::int64_t> DealLabelTable::RemoveFromDeals(Id workspace_id, Id label_id) {
    // Every deal of the workspace, whoever may see it: main.deals, not the viewer's view.
    auto carrying = Rows<std::pair<Id, std::string>>(
        db_,
        "SELECT id, label_ids FROM main.deals WHERE workspace_id = ? AND "
        "(',' || label_ids || ',') LIKE ?",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, LabelIdPattern(label_id)); },
        [](const Statement& s) { return std::pair<Id, std::string>(s.Int(0), s.Text(1)); });
    if (!carrying.ok()) {
        return carrying.status();
    }
    for (const auto& [deal_id, text] : *carrying) {
        std::vector<Id> ids = ParseLabelIdsText(text);
        ids.erase(std::remove(ids.begin(), ids.end(), label_id), ids.end());
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_, "UPDATE main.deals SET label_ids = ? WHERE workspace_id = ? AND id = ?",
                    [&](Statement& s) {
                        s.Bind(1, LabelIdsText(ids)).Bind(2, workspace_id).Bind(3, deal_id);
                    }));
    }
    return static_cast<std::int64_t>(carrying->size());
}

}  // namespace pipecrm::storage::sql

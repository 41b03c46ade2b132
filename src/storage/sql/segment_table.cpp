#include "storage/sql/segment_table.hpp"

#include <string>

#include "storage/sql/filter_sql.hpp"

namespace pipecrm::storage::sql {
namespace {

// The live rows of each filter type's table. Unqualified, so visibility applies.
const char* LiveRows(domain::FilterType type) {
    switch (type) {
        case domain::FilterType::kDeals:
            return "deals WHERE workspace_id = ? AND status <> 'deleted'";
        case domain::FilterType::kPeople:
            return "persons WHERE workspace_id = ? AND is_deleted = 0";
        case domain::FilterType::kOrg:
            return "organizations WHERE workspace_id = ? AND is_deleted = 0";
        case domain::FilterType::kProducts:
            return "products WHERE workspace_id = ? AND is_deleted = 0";
        case domain::FilterType::kActivity:
            return "activities WHERE workspace_id = ? AND is_deleted = 0";
    }
    return "deals WHERE workspace_id = ? AND status <> 'deleted'";
}

}  // namespace

Result<std::int64_t> SegmentTable::Count(Id workspace_id,
                                         domain::FilterType type,
                                         const domain::FilterConditions& conditions) {
    auto compiled = CompileFilter(type, conditions);
    if (!compiled.ok()) {
        return compiled.status();
    }
    std::string sql = std::string("SELECT COUNT(*) FROM ") + LiveRows(type);
    if (!compiled->sql.empty()) {
        sql += " AND (" + compiled->sql + ")";
    }
    auto stmt = db_.Cached(sql);
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, workspace_id);
    int index = 2;
    for (const SqlValue& value : compiled->values) {
        std::visit([&](const auto& v) { s.Bind(index, v); }, value);
        ++index;
    }
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    const std::int64_t count = *row ? s.Int(0) : 0;
    s.Reset();
    return count;
}

}  // namespace pipecrm::storage::sql

// The SQL the reports' derived-data tables share (report_fact_table, stage_time_fact_table,
// forecast_fact_table): a period split into whole months and edge days, the owners of a scope,
// the facts of given deals in one time zone, and adding a delta to a row of sums.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {

/// The first day of the day's month, and of the month after it.
Date MonthStart(Date day);
Date NextMonthStart(Date day);

/// The days a period covers, as day numbers (all days without its ends), and the whole months
/// inside them: month rows serve [months_begin, months_end), day rows the rest of
/// [first, last].
struct PeriodSplit {
    std::int64_t first;
    std::int64_t last;
    std::int64_t months_begin;
    std::int64_t months_end;
};
PeriodSplit SplitPeriod(const std::optional<Date>& from, const std::optional<Date>& to);

/// The rows of a period's sums: its whole months from the month rows (grain 2), the rest from
/// the day rows (grain 1); binds ?first..?first+3 (BindPeriod).
std::string PeriodCondition(int first);
void BindPeriod(Statement& s, int first, const PeriodSplit& p);

/// The owners of a scope: "(?flag = 0 OR owner_id IN (…?list))"; every owner without a list.
std::string OwnersCondition(Dialect dialect, int flag, int list);
void BindOwners(Statement& s,
                Dialect dialect,
                int flag,
                int list,
                const std::optional<std::vector<Id>>& owners);

/// "<verb> FROM main.<table> WHERE workspace_id = ?1 AND time_zone = ?2 AND <id_column> IN
/// (…?3)": the facts of one time zone for the given deals or activities (BindFactsIn).
std::string FactsInSql(Dialect dialect,
                       const std::string& verb,
                       const char* table,
                       const char* id_column);
void BindFactsIn(Statement& s,
                 Dialect dialect,
                 Id workspace_id,
                 const std::string& time_zone,
                 const std::vector<Id>& ids);

/// The facts of one time zone for the given ids, each read with `read`.
template <typename T, typename Reader>
Result<std::vector<T>> FactsIn(Connection& db,
                               const char* columns,
                               const char* table,
                               const char* id_column,
                               Id workspace_id,
                               const std::string& time_zone,
                               const std::vector<Id>& ids,
                               Reader read) {
    return Rows<T>(
        db, FactsInSql(db.dialect(), std::string("SELECT ") + columns, table, id_column),
        [&](Statement& s) { BindFactsIn(s, db.dialect(), workspace_id, time_zone, ids); }, read);
}

Status DeleteFactsIn(Connection& db,
                     const char* table,
                     const char* id_column,
                     Id workspace_id,
                     const std::string& time_zone,
                     const std::vector<Id>& ids);

/// The statements that add a delta to a table of sums. Their parameters: the value columns
/// (?1…?n), then workspace_id, time_zone and the key columns (?n+1…), in the order given.
struct SumStatements {
    std::string update;  ///< adds the values to the row of the key
    std::string insert;  ///< makes that row
    std::string remove;  ///< drops it when its first value (the count) is 0
};
SumStatements SumStatementsFor(const char* table,
                               const std::vector<const char*>& values,
                               const std::vector<const char*>& keys);

/// Adds one delta to a row of sums: `update` adds it to the row of its key; when no row has
/// that key, `insert` makes one; when the delta took something away (`took_away`), `remove`
/// drops the row should its count now be 0.
template <typename BindFn>
Status AddToSum(Connection& db, const SumStatements& sql, bool took_away, BindFn bind) {
    const std::int64_t before = db.TotalChanges();
    PIPECRM_RETURN_IF_ERROR(Execute(db, sql.update, bind));
    if (db.TotalChanges() == before) {
        return Execute(db, sql.insert, bind);
    }
    return took_away ? Execute(db, sql.remove, bind) : Status::Ok();
}

}  // namespace pipecrm::storage::sql

#include "storage/sql/fact_sql.hpp"

#include <chrono>
#include <limits>

#include "storage/sql/dialect.hpp"

namespace pipecrm::storage::sql {

Date MonthStart(Date day) {
    const std::chrono::year_month_day ymd{day};
    return Date{ymd.year() / ymd.month() / 1};
}

Date NextMonthStart(Date day) {
    const std::chrono::year_month_day ymd{day};
    return Date{(ymd.year() / ymd.month() + std::chrono::months{1}) / 1};
}

PeriodSplit SplitPeriod(const std::optional<Date>& from, const std::optional<Date>& to) {
    constexpr std::int64_t kNever = std::numeric_limits<std::int32_t>::max();
    PeriodSplit p{-kNever, kNever, -kNever, kNever};
    if (from) {
        p.first = ToDayNumber(*from);
        const Date start = MonthStart(*from);
        p.months_begin = ToDayNumber(start == *from ? start : NextMonthStart(start));
    }
    if (to) {
        p.last = ToDayNumber(*to);
        const Date after = *to + std::chrono::days{1};
        p.months_end = ToDayNumber(MonthStart(after) == after ? after : MonthStart(*to));
    }
    if (p.months_end < p.months_begin) {
        p.months_end = p.months_begin;
    }
    return p;
}

std::string PeriodCondition(int first) {
    const std::string b = "?" + std::to_string(first);
    const std::string e = "?" + std::to_string(first + 1);
    const std::string lo = "?" + std::to_string(first + 2);
    const std::string hi = "?" + std::to_string(first + 3);
    return "((grain = 2 AND period >= " + b + " AND period < " + e +
           ") OR (grain = 1 AND period >= " + lo + " AND period <= " + hi + " AND (period < " + b +
           " OR period >= " + e + ")))";
}

void BindPeriod(Statement& s, int first, const PeriodSplit& p) {
    s.Bind(first, p.months_begin)
        .Bind(first + 1, p.months_end)
        .Bind(first + 2, p.first)
        .Bind(first + 3, p.last);
}

std::string OwnersCondition(Dialect dialect, int flag, int list) {
    return "(?" + std::to_string(flag) + " = 0 OR owner_id IN (" +
           IdListSubquery(dialect, "?" + std::to_string(list)) + "))";
}

void BindOwners(Statement& s,
                Dialect dialect,
                int flag,
                int list,
                const std::optional<std::vector<Id>>& owners) {
    s.Bind(flag, owners ? 1 : 0);
    s.Bind(list, IdListValue(dialect, owners.value_or(std::vector<Id>{})));
}

SumStatements SumStatementsFor(const char* table,
                               const std::vector<const char*>& values,
                               const std::vector<const char*>& keys) {
    std::vector<const char*> key_columns = {"workspace_id", "time_zone"};
    key_columns.insert(key_columns.end(), keys.begin(), keys.end());
    std::string set;
    std::string columns;
    std::string placeholders;
    int n = 0;
    for (const char* value : values) {
        const std::string p = "?" + std::to_string(++n);
        set += std::string(set.empty() ? "" : ", ") + value + " = " + value + " + " + p;
        columns += std::string(columns.empty() ? "" : ", ") + value;
        placeholders += (placeholders.empty() ? "" : ",") + p;
    }
    std::string where;
    for (const char* key : key_columns) {
        const std::string p = "?" + std::to_string(++n);
        where += std::string(where.empty() ? " WHERE " : " AND ") + key + " = " + p;
        columns += std::string(", ") + key;
        placeholders += "," + p;
    }
    const std::string name = std::string("main.") + table;
    return {"UPDATE " + name + " SET " + set + where,
            "INSERT INTO " + name + "(" + columns + ") VALUES(" + placeholders + ")",
            "DELETE FROM " + name + where + " AND " + values.front() + " = 0"};
}

std::string FactsInSql(Dialect dialect,
                       const std::string& verb,
                       const char* table,
                       const char* id_column) {
    return verb + " FROM main." + table + " WHERE workspace_id = ? AND time_zone = ? AND " +
           id_column + " IN (" + IdListSubquery(dialect, "?") + ")";
}

void BindFactsIn(Statement& s,
                 Dialect dialect,
                 Id workspace_id,
                 const std::string& time_zone,
                 const std::vector<Id>& ids) {
    s.Bind(1, workspace_id).Bind(2, time_zone).Bind(3, IdListValue(dialect, ids));
}

Status DeleteFactsIn(Connection& db,
                     const char* table,
                     const char* id_column,
                     Id workspace_id,
                     const std::string& time_zone,
                     const std::vector<Id>& ids) {
    return Execute(db, FactsInSql(db.dialect(), "DELETE", table, id_column), [&](Statement& s) {
        BindFactsIn(s, db.dialect(), workspace_id, time_zone, ids);
    });
}

}  // namespace pipecrm::storage::sql

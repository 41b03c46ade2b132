#include "storage/sql/stage_time_fact_table.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

#include "storage/sql/dialect.hpp"
#include "storage/sql/fact_sql.hpp"
#include "storage/sql/query.hpp"
#include "storage/sql/visibility_views.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::StageTimeBucket;
using domain::StageTimeHistogram;
using domain::StageTimeItem;
using domain::StageTimeKind;

constexpr std::int64_t kNever = std::numeric_limits<std::int32_t>::max();

// --- packing -------------------------------------------------------------------------------

// List items are fixed width: the day in 4 and the value in 7 characters of 6 bits each
// ('0' + digit), offset so that negative numbers fit (days within ±2^23, values within ±2^41).
constexpr int kDayDigits = 4;
constexpr int kValueDigits = 7;
constexpr std::size_t kItemWidth = kDayDigits + kValueDigits;
constexpr std::int64_t kDayOffset = std::int64_t{1} << 23;
constexpr std::int64_t kValueOffset = std::int64_t{1} << 41;

void PutDigits(std::string& out, std::int64_t value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
        out.push_back(static_cast<char>('0' + ((value >> (6 * i)) & 63)));
    }
}

std::int64_t GetDigits(const char* in, int digits) {
    std::int64_t value = 0;
    for (int i = 0; i < digits; ++i) {
        value = (value << 6) | ((in[i] - '0') & 63);
    }
    return value;
}

Status PackItems(const std::vector<StageTimeItem>& items, std::string& out) {
    out.clear();
    out.reserve(items.size() * kItemWidth);
    for (const StageTimeItem& item : items) {
        if (item.day < -kDayOffset || item.day >= kDayOffset || item.value < -kValueOffset ||
            item.value >= kValueOffset) {
            return Internal("a stage-time value is out of the packed range");
        }
        PutDigits(out, item.day + kDayOffset, kDayDigits);
        PutDigits(out, item.value + kValueOffset, kValueDigits);
    }
    return Status::Ok();
}

// Calls `each(day, value)` for every packed item.
template <typename Each>
void ForEachItem(const std::string& packed, Each&& each) {
    const char* p = packed.data();
    for (std::size_t at = 0; at + kItemWidth <= packed.size(); at += kItemWidth) {
        each(GetDigits(p + at, kDayDigits) - kDayOffset,
             GetDigits(p + at + kDayDigits, kValueDigits) - kValueOffset);
    }
}

// The numbers of `text`, whatever separates them (a packed histogram or visits).
std::vector<std::int64_t> Numbers(const std::string& text) {
    std::vector<std::int64_t> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        std::int64_t n = 0;
        auto [next, error] = std::from_chars(p, end, n);
        if (error == std::errc()) {
            out.push_back(n);
            p = next;
        } else {
            ++p;
        }
    }
    return out;
}

std::string PackHistogram(const StageTimeHistogram& histogram) {
    std::string out;
    for (const auto& [bucket, b] : histogram) {
        out += std::to_string(bucket) + ":" + std::to_string(b.count) + ":" +
               std::to_string(b.sum) + " ";
    }
    return out;
}

StageTimeHistogram UnpackHistogram(const std::string& text) {
    StageTimeHistogram out;
    const std::vector<std::int64_t> n = Numbers(text);
    for (std::size_t i = 0; i + 2 < n.size(); i += 3) {
        out[n[i]] = {n[i + 1], n[i + 2]};
    }
    return out;
}

std::string PackVisits(const std::vector<domain::StageVisitFact>& visits) {
    std::string out;
    for (const domain::StageVisitFact& v : visits) {
        out += std::to_string(v.pipeline_id) + "," + std::to_string(v.stage_id) + "," +
               std::to_string(static_cast<int>(v.kind)) + "," + std::to_string(v.day) + "," +
               std::to_string(v.value) + ";";
    }
    return out;
}

std::vector<domain::StageVisitFact> UnpackVisits(const std::string& text) {
    std::vector<domain::StageVisitFact> out;
    const std::vector<std::int64_t> n = Numbers(text);
    for (std::size_t i = 0; i + 4 < n.size(); i += 5) {
        out.push_back({n[i], n[i + 1],
                       n[i + 2] == static_cast<int>(StageTimeKind::kOpen) ? StageTimeKind::kOpen
                                                                          : StageTimeKind::kLeft,
                       n[i + 3], n[i + 4]});
    }
    return out;
}

// --- scopes --------------------------------------------------------------------------------

std::int64_t MonthStart(std::int64_t day) {
    const std::chrono::year_month_day ymd{FromDayNumber(day)};
    return ToDayNumber(Date{ymd.year() / ymd.month() / 1});
}

// "workspace_id = ?1 AND time_zone = ?2 AND pipeline_id = ?3 AND kind = ?4", the owners in
// scope (?5, ?6) and the visibility predicate: what every read of a scope starts with.
std::string ScopeCondition(Dialect dialect) {
    return "workspace_id = ?1 AND time_zone = ?2 AND pipeline_id = ?3 AND kind = ?4 AND " +
           OwnersCondition(dialect, 5, 6) + " AND " + VisibilityPredicate("owner_id");
}

void BindScope(Statement& s,
               Dialect dialect,
               const domain::StageTimeScope& scope,
               StageTimeKind kind) {
    s.Bind(1, scope.workspace_id)
        .Bind(2, scope.time_zone)
        .Bind(3, scope.pipeline_id)
        .Bind(4, static_cast<std::int64_t>(kind));
    BindOwners(s, dialect, 5, 6, scope.owners);
}

// --- writes --------------------------------------------------------------------------------

constexpr const char* kHistKey =
    " WHERE workspace_id = ?1 AND time_zone = ?2 AND pipeline_id = ?3 AND kind = ?4 AND grain "
    "= ?5 AND period = ?6 AND stage_id = ?7 AND owner_id = ?8 AND visible_to = ?9";
constexpr const char* kListKey =
    " WHERE workspace_id = ?1 AND time_zone = ?2 AND pipeline_id = ?3 AND kind = ?4 AND "
    "stage_id = ?5 AND bucket = ?6 AND month = ?7 AND owner_id = ?8 AND visible_to = ?9";

// Reads the packed text of the row a key names, changes it with `change` (empty text: no row)
// and writes it back: deleted when it comes back empty, else updated or inserted.
template <typename BindKey, typename Change>
Status Rewrite(Connection& db,
               const char* table,
               const char* key,
               const char* insert_columns,
               BindKey bind_key,
               Change change) {
    std::optional<std::string> stored;
    PIPECRM_RETURN_IF_ERROR(Query(db, std::string("SELECT items FROM main.") + table + key,
                                  bind_key, [&](const Statement& s) { stored = s.Text(0); }));
    auto next = change(stored.value_or(std::string()));
    if (!next.ok()) {
        return next.status();
    }
    if (next->empty()) {
        return stored ? Execute(db, std::string("DELETE FROM main.") + table + key, bind_key)
                      : Status::Ok();
    }
    const auto bind = [&](Statement& s) {
        bind_key(s);
        s.Bind(10, *next);
    };
    if (stored) {
        return Execute(db, std::string("UPDATE main.") + table + " SET items = ?10" + key, bind);
    }
    return Execute(db,
                   std::string("INSERT INTO main.") + table + "(workspace_id, time_zone, " +
                       insert_columns + ", items) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
                   bind);
}

Result<std::string> ChangeHistogram(const std::string& stored, const StageTimeHistogram& delta) {
    StageTimeHistogram histogram = UnpackHistogram(stored);
    for (const auto& [bucket, d] : delta) {
        StageTimeBucket& b = histogram[bucket];
        b.count += d.count;
        b.sum += d.sum;
        if (b.count == 0 && b.sum == 0) {
            histogram.erase(bucket);
        } else if (b.count <= 0) {
            return Internal("a stage-time histogram would hold fewer than no values");
        }
    }
    return PackHistogram(histogram);
}

Result<std::string> ChangeList(const std::string& stored,
                               const domain::StageTimeChanges::ListChange& change) {
    std::vector<StageTimeItem> items;
    items.reserve(stored.size() / kItemWidth + change.added.size());
    ForEachItem(stored, [&](std::int64_t day, std::int64_t value) {
        items.push_back({day, value});
    });
    for (const StageTimeItem& gone : change.removed) {
        const auto found = std::find(items.begin(), items.end(), gone);
        if (found == items.end()) {
            return Internal("a stage-time value to take out is not in its list");
        }
        *found = items.back();
        items.pop_back();
    }
    items.insert(items.end(), change.added.begin(), change.added.end());
    std::string out;
    PIPECRM_RETURN_IF_ERROR(PackItems(items, out));
    return out;
}

}  // namespace

Result<std::vector<domain::DealVisitFacts>> StageTimeFactTable::VisitFactsOf(
    Id workspace_id, const std::string& time_zone, const std::vector<Id>& deal_ids) {
    return FactsIn<domain::DealVisitFacts>(
        db_, "deal_id, owner_id, visible_to, visits", "report_stage_time_facts", "deal_id",
        workspace_id, time_zone, deal_ids, [](const Statement& s) {
            domain::DealVisitFacts f;
            f.deal_id = s.Int(0);
            f.owner_id = s.Int(1);
            f.visible_to =
                domain::VisibilityFromInt(s.Int(2)).value_or(domain::Visibility::kEveryone);
            f.visits = UnpackVisits(s.Text(3));
            return f;
        });
}

Status StageTimeFactTable::DeleteVisitFacts(Id workspace_id,
                                            const std::string& time_zone,
                                            const std::vector<Id>& deal_ids) {
    return DeleteFactsIn(db_, "report_stage_time_facts", "deal_id", workspace_id, time_zone,
                         deal_ids);
}

Status StageTimeFactTable::AddVisitFacts(Id workspace_id,
                                         const std::string& time_zone,
                                         const std::vector<domain::DealVisitFacts>& facts) {
    for (const domain::DealVisitFacts& f : facts) {
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_,
                    "INSERT INTO main.report_stage_time_facts(workspace_id, time_zone, deal_id, "
                    "owner_id, visible_to, visits) VALUES(?,?,?,?,?,?)",
                    [&](Statement& s) {
                        s.Bind(1, workspace_id)
                            .Bind(2, time_zone)
                            .Bind(3, f.deal_id)
                            .Bind(4, f.owner_id)
                            .Bind(5, static_cast<std::int64_t>(f.visible_to))
                            .Bind(6, PackVisits(f.visits));
                    }));
    }
    return Status::Ok();
}

Status StageTimeFactTable::ApplyStageTimeChanges(Id workspace_id,
                                                 const std::string& time_zone,
                                                 const domain::StageTimeChanges& changes) {
    for (const auto& [k, delta] : changes.hists) {
        const auto bind_key = [&](Statement& s) {
            s.Bind(1, workspace_id)
                .Bind(2, time_zone)
                .Bind(3, k.pipeline_id)
                .Bind(4, static_cast<std::int64_t>(k.kind))
                .Bind(5, k.grain)
                .Bind(6, k.period)
                .Bind(7, k.stage_id)
                .Bind(8, k.owner_id)
                .Bind(9, static_cast<std::int64_t>(k.visible_to));
        };
        PIPECRM_RETURN_IF_ERROR(
            Rewrite(db_, "report_stage_time_hists", kHistKey,
                    "pipeline_id, kind, grain, period, stage_id, owner_id, visible_to", bind_key,
                    [&](const std::string& stored) { return ChangeHistogram(stored, delta); }));
    }
    for (const auto& [k, change] : changes.lists) {
        const auto bind_key = [&](Statement& s) {
            s.Bind(1, workspace_id)
                .Bind(2, time_zone)
                .Bind(3, k.pipeline_id)
                .Bind(4, static_cast<std::int64_t>(k.kind))
                .Bind(5, k.stage_id)
                .Bind(6, k.bucket)
                .Bind(7, k.month)
                .Bind(8, k.owner_id)
                .Bind(9, static_cast<std::int64_t>(k.visible_to));
        };
        PIPECRM_RETURN_IF_ERROR(
            Rewrite(db_, "report_stage_time_lists", kListKey,
                    "pipeline_id, kind, stage_id, bucket, month, owner_id, visible_to", bind_key,
                    [&](const std::string& stored) { return ChangeList(stored, change); }));
    }
    return Status::Ok();
}

Status StageTimeFactTable::ClearStageTime(Id workspace_id, const std::string& time_zone) {
    const auto bind = [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, time_zone); };
    for (const char* table :
         {"report_stage_time_facts", "report_stage_time_hists", "report_stage_time_lists"}) {
        PIPECRM_RETURN_IF_ERROR(Execute(
            db_,
            std::string("DELETE FROM main.") + table + " WHERE workspace_id = ? AND time_zone = ?",
            bind));
    }
    return Execute(db_,
                   "DELETE FROM main.report_watermarks WHERE workspace_id = ? AND time_zone = ? "
                   "AND report = 'stage-time'",
                   bind);
}

Result<std::vector<domain::StageTimeHistRow>> StageTimeFactTable::StageTimeHistograms(
    const domain::StageTimeScope& scope, StageTimeKind kind) {
    const PeriodSplit p = SplitPeriod(scope.from, scope.to);
    // Left visits: the period's whole months from the month rows, the rest from the day rows;
    // open visits: their one row per stage, owner and visibility (grain 0).
    const std::string period =
        kind == StageTimeKind::kOpen
            ? "grain = 0"
            : "((grain = 2 AND period >= ?7 AND period < ?8) OR (grain = 1 AND period >= ?9 AND "
              "period <= ?10 AND (period < ?7 OR period >= ?8)))";
    return Rows<domain::StageTimeHistRow>(
        db_,
        "SELECT stage_id, items FROM report_stage_time_hists WHERE " +
            ScopeCondition(db_.dialect()) + " AND " + period,
        [&](Statement& s) {
            BindScope(s, db_.dialect(), scope, kind);
            if (kind == StageTimeKind::kLeft) {
                s.Bind(7, p.months_begin).Bind(8, p.months_end).Bind(9, p.first).Bind(10, p.last);
            }
        },
        [](const Statement& s) {
            return domain::StageTimeHistRow{s.Int(0), UnpackHistogram(s.Text(1))};
        });
}

Result<std::vector<std::int64_t>> StageTimeFactTable::StageTimeValues(
    const domain::StageTimeScope& scope, StageTimeKind kind, Id stage_id, std::int64_t bucket) {
    const PeriodSplit p = kind == StageTimeKind::kOpen ? SplitPeriod(std::nullopt, std::nullopt)
                                                       : SplitPeriod(scope.from, scope.to);
    std::int64_t first_month = 0;
    std::int64_t last_month = 0;
    if (kind == StageTimeKind::kLeft) {
        first_month = scope.from ? MonthStart(p.first) : -kNever;
        last_month = scope.to ? MonthStart(p.last) : kNever;
    }
    std::vector<std::int64_t> out;
    Status status = Query(
        db_,
        "SELECT items FROM report_stage_time_lists WHERE " + ScopeCondition(db_.dialect()) +
            " AND stage_id = ?7 AND bucket = ?8 AND month >= ?9 AND month <= ?10",
        [&](Statement& s) {
            BindScope(s, db_.dialect(), scope, kind);
            s.Bind(7, stage_id).Bind(8, bucket).Bind(9, first_month).Bind(10, last_month);
        },
        [&](const Statement& s) {
            ForEachItem(s.Text(0), [&](std::int64_t day, std::int64_t value) {
                if (day >= p.first && day <= p.last) {
                    out.push_back(value);
                }
            });
        });
    if (!status.ok()) {
        return status;
    }
    return out;
}

}  // namespace pipecrm::storage::sql

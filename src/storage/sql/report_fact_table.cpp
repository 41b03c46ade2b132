#include "storage/sql/report_fact_table.hpp"

#include <initializer_list>
#include <limits>
#include <string_view>

#include "storage/sql/deal_event_row.hpp"
#include "storage/sql/dialect.hpp"
#include "storage/sql/fact_sql.hpp"
#include "storage/sql/query.hpp"
#include "storage/sql/report_source.hpp"
#include "storage/sql/visibility_views.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::DealStatus;
using domain::FunnelFact;
using domain::FunnelSumKey;

// A fact's state column: 0 when the deal is in another stage now, else its status there.
std::int64_t StateOf(const std::optional<DealStatus>& now_here) {
    if (!now_here) {
        return 0;
    }
    switch (*now_here) {
        case DealStatus::kOpen:
            return 1;
        case DealStatus::kWon:
            return 2;
        case DealStatus::kLost:
            return 3;
        case DealStatus::kDeleted:
            break;
    }
    return 0;
}

std::optional<DealStatus> NowHere(std::int64_t state) {
    switch (state) {
        case 1:
            return DealStatus::kOpen;
        case 2:
            return DealStatus::kWon;
        case 3:
            return DealStatus::kLost;
        default:
            return std::nullopt;
    }
}

constexpr const char* kFactColumns =
    "deal_id, pipeline_id, stage_id, reach_day, owner_id, visible_to, value, moved_on, state, "
    "currency";

FunnelFact ReadFact(const Statement& s) {
    FunnelFact f;
    f.deal_id = s.Int(0);
    f.pipeline_id = s.Int(1);
    f.stage_id = s.Int(2);
    f.reach_day = FromDayNumber(s.Int(3));
    f.owner_id = s.Int(4);
    f.visible_to = domain::VisibilityFromInt(s.Int(5)).value_or(domain::Visibility::kEveryone);
    f.value = s.Int(6);
    f.moved_on = s.Int(7) != 0;
    f.now_here = NowHere(s.Int(8));
    f.unconverted_currency = s.Text(9);
    return f;
}

constexpr const char* kActivityFactColumns = "activity_id, owner_id, visible_to, type, done_day";

constexpr const char* kDealFactColumns =
    "deal_id, pipeline_id, owner_id, visible_to, add_day, won_day, lost_day, won_value, "
    "won_seconds, currency";

domain::DealFact ReadDealFact(const Statement& s) {
    domain::DealFact f;
    f.deal_id = s.Int(0);
    f.pipeline_id = s.Int(1);
    f.owner_id = s.Int(2);
    f.visible_to = domain::VisibilityFromInt(s.Int(3)).value_or(domain::Visibility::kEveryone);
    f.add_day = FromDayNumber(s.Int(4));
    if (auto day = s.OptionalInt(5)) {
        f.won_day = FromDayNumber(*day);
    }
    if (auto day = s.OptionalInt(6)) {
        f.lost_day = FromDayNumber(*day);
    }
    f.won_value = s.Int(7);
    f.won_seconds = s.Int(8);
    f.unconverted_currency = s.Text(9);
    return f;
}

std::optional<std::int64_t> DayNumber(const std::optional<Date>& day) {
    return day ? std::optional<std::int64_t>(ToDayNumber(*day)) : std::nullopt;
}

// An activity marked done, as a leaderboard fact and the instant it was marked done.
std::pair<domain::ActivityFact, Instant> ReadDoneActivity(const Statement& s) {
    domain::ActivityFact f;
    f.activity_id = s.Int(0);
    f.owner_id = s.Int(1);
    f.visible_to = domain::VisibilityFromInt(s.Int(2)).value_or(domain::Visibility::kEveryone);
    f.type = s.Text(3);
    return {f, FromUnixSeconds(s.Int(4))};
}

constexpr const char* kDoneActivitySelect =
    "SELECT id, owner_id, visible_to, type, marked_as_done_time FROM main.activities WHERE "
    "workspace_id = ? AND is_deleted = 0 AND done = 1 AND marked_as_done_time IS NOT NULL";

// Deletes one report's derived data in one time zone: its tables' rows and its watermark.
Status ClearReport(Connection& db,
                   Id workspace_id,
                   const std::string& time_zone,
                   std::string_view report,
                   std::initializer_list<const char*> tables) {
    const auto bind = [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, time_zone); };
    for (const char* table : tables) {
        PIPECRM_RETURN_IF_ERROR(Execute(
            db,
            std::string("DELETE FROM main.") + table + " WHERE workspace_id = ? AND time_zone = ?",
            bind));
    }
    return Execute(db,
                   "DELETE FROM main.report_watermarks WHERE workspace_id = ? AND time_zone = ? "
                   "AND report = ?",
                   [&](Statement& s) {
                       bind(s);
                       s.Bind(3, report);
                   });
}

// Inserts facts of one time zone into `table`, one row each: workspace_id and time_zone are
// parameters 1 and 2, and `bind(statement, fact)` binds the `column_count` columns from 3 on.
template <typename T, typename BindFact>
Status AddFactsTo(Connection& db,
                  const char* table,
                  const char* columns,
                  int column_count,
                  Id workspace_id,
                  const std::string& time_zone,
                  const std::vector<T>& facts,
                  BindFact bind) {
    std::string sql = std::string("INSERT INTO main.") + table + "(workspace_id, time_zone, " +
                      columns + ") VALUES(?,?";
    for (int i = 0; i < column_count; ++i) {
        sql += ",?";
    }
    sql += ")";
    for (const T& fact : facts) {
        PIPECRM_RETURN_IF_ERROR(Execute(db, sql, [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, time_zone);
            bind(s, fact);
        }));
    }
    return Status::Ok();
}

}  // namespace

Result<std::optional<domain::ReportWatermark>> ReportFactTable::Watermark(
    Id workspace_id, const std::string& time_zone, const std::string& report) {
    std::optional<domain::ReportWatermark> out;
    Status status = Query(
        db_,
        "SELECT last_event_id, last_update_time, last_activity_update_time, inputs FROM "
        "main.report_watermarks WHERE "
        "workspace_id = ? AND time_zone = ? AND report = ?",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, time_zone).Bind(3, report); },
        [&](const Statement& s) {
            out = domain::ReportWatermark{s.Int(0), s.Int(1), s.Int(2), s.Text(3)};
        });
    if (!status.ok()) {
        return status;
    }
    return out;
}

Status ReportFactTable::SetWatermark(Id workspace_id,
                                     const std::string& time_zone,
                                     const std::string& report,
                                     const domain::ReportWatermark& watermark,
                                     Instant now) {
    return Execute(db_,
                   "INSERT INTO main.report_watermarks(workspace_id, time_zone, report, "
                   "last_event_id, last_update_time, last_activity_update_time, inputs, "
                   "folded_time) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT (workspace_id, time_zone, "
                   "report) DO UPDATE SET last_event_id = excluded.last_event_id, "
                   "last_update_time = excluded.last_update_time, last_activity_update_time = "
                   "excluded.last_activity_update_time, inputs = excluded.inputs, folded_time = "
                   "excluded.folded_time",
                   [&](Statement& s) {
                       s.Bind(1, workspace_id)
                           .Bind(2, time_zone)
                           .Bind(3, report)
                           .Bind(4, watermark.last_event_id)
                           .Bind(5, watermark.last_update_time)
                           .Bind(6, watermark.last_activity_update_time)
                           .Bind(7, watermark.inputs)
                           .Bind(8, ToUnixSeconds(now));
                   });
}

Result<std::vector<std::string>> ReportFactTable::FoldedTimeZones(Id workspace_id,
                                                                  const std::string& report) {
    return Rows<std::string>(
        db_,
        "SELECT time_zone FROM main.report_watermarks WHERE workspace_id = ? AND report = ? "
        "ORDER BY time_zone",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, report); },
        [](const Statement& s) { return s.Text(0); });
}

Result<domain::ReportWatermark> ReportFactTable::ChangeMarks(Id workspace_id) {
    domain::ReportWatermark out;
    // The log's last id over every workspace: one step down the primary key, where the
    // workspace's own last id would scan its whole log. Other workspaces' events only make
    // the next fold look for changes it does not find.
    Status status = Query(
        db_, "SELECT COALESCE(MAX(id), 0) FROM main.deal_events", [](Statement&) {},
        [&](const Statement& s) { out.last_event_id = s.Int(0); });
    if (status.ok()) {
        status = Query(
            db_, "SELECT COALESCE(MAX(update_time), 0) FROM main.deals WHERE workspace_id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [&](const Statement& s) { out.last_update_time = s.Int(0); });
    }
    if (status.ok()) {
        status = Query(
            db_, "SELECT COALESCE(MAX(update_time), 0) FROM main.activities WHERE workspace_id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [&](const Statement& s) { out.last_activity_update_time = s.Int(0); });
    }
    if (!status.ok()) {
        return status;
    }
    return out;
}

Result<std::vector<Id>> ReportFactTable::ChangedDeals(Id workspace_id,
                                                      std::int64_t last_event_id,
                                                      Instant updated_since) {
    // `workspace_id + 0` keeps SQLite on the primary key's range (the events after the mark)
    // instead of the (workspace_id, deal_id, id) index, which would walk the whole log.
    return Rows<Id>(
        db_,
        "SELECT deal_id FROM main.deal_events WHERE id > ? AND workspace_id + 0 = ? UNION "
        "SELECT id FROM main.deals WHERE workspace_id = ? AND update_time >= ? ORDER BY 1",
        [&](Statement& s) {
            s.Bind(1, last_event_id)
                .Bind(2, workspace_id)
                .Bind(3, workspace_id)
                .Bind(4, ToUnixSeconds(updated_since));
        },
        [](const Statement& s) { return s.Int(0); });
}

Result<std::vector<domain::Deal>> ReportFactTable::LiveDealsAmong(Id workspace_id,
                                                                  const std::vector<Id>& deal_ids) {
    const std::string sql = std::string(kReportDealSelect) +
                            " WHERE workspace_id = ? AND status <> 'deleted' AND id IN (" +
                            IdListSubquery(db_.dialect(), "?") + ") ORDER BY id";
    return Rows<domain::Deal>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, IdListValue(db_.dialect(), deal_ids));
        },
        ReadReportDeal);
}

Result<std::vector<domain::DealEvent>> ReportFactTable::EventsOf(Id workspace_id,
                                                                 const std::vector<Id>& deal_ids) {
    auto events = Rows<domain::DealEvent>(
        db_,
        "SELECT id, workspace_id, deal_id, kind, actor_user_id, at, from_stage_id, to_stage_id, "
        "from_pipeline_id, to_pipeline_id, from_value, to_value, currency, from_owner_id, "
        "to_owner_id, lost_reason FROM main.deal_events WHERE workspace_id = ? AND deal_id IN (" +
            IdListSubquery(db_.dialect(), "?") + ") ORDER BY deal_id, id",
        [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, IdListValue(db_.dialect(), deal_ids));
        },
        ReadDealEvent);
    if (events.ok()) {
        SortEachDealsEvents(*events);
    }
    return events;
}

Result<std::vector<FunnelFact>> ReportFactTable::FunnelFactsOf(Id workspace_id,
                                                               const std::string& time_zone,
                                                               const std::vector<Id>& deal_ids) {
    return FactsIn<FunnelFact>(db_, kFactColumns, "report_funnel_facts", "deal_id", workspace_id,
                               time_zone, deal_ids, ReadFact);
}

Status ReportFactTable::DeleteFunnelFacts(Id workspace_id,
                                          const std::string& time_zone,
                                          const std::vector<Id>& deal_ids) {
    return DeleteFactsIn(db_, "report_funnel_facts", "deal_id", workspace_id, time_zone, deal_ids);
}

Status ReportFactTable::AddFunnelFacts(Id workspace_id,
                                       const std::string& time_zone,
                                       const std::vector<FunnelFact>& facts) {
    return AddFactsTo(db_, "report_funnel_facts", kFactColumns, 10, workspace_id, time_zone, facts,
                      [](Statement& s, const FunnelFact& f) {
                          s.Bind(3, f.deal_id)
                              .Bind(4, f.pipeline_id)
                              .Bind(5, f.stage_id)
                              .Bind(6, ToDayNumber(f.reach_day))
                              .Bind(7, f.owner_id)
                              .Bind(8, static_cast<std::int64_t>(f.visible_to))
                              .Bind(9, f.value)
                              .Bind(10, f.moved_on ? 1 : 0)
                              .Bind(11, StateOf(f.now_here))
                              .Bind(12, f.unconverted_currency);
                      });
}

Status ReportFactTable::AddToFunnelSums(Id workspace_id,
                                        const std::string& time_zone,
                                        const std::vector<domain::FunnelSumDelta>& deltas) {
    const SumStatements sql = SumStatementsFor(
        "report_funnel_sums",
        {"reached", "reached_value", "moved_on", "moved_on_value", "now_won", "now_won_value",
         "now_lost", "now_lost_value", "now_open", "now_open_value"},
        {"pipeline_id", "grain", "period", "stage_id", "owner_id", "visible_to"});
    for (const domain::FunnelSumDelta& d : deltas) {
        const FunnelSumKey& k = d.key;
        const domain::FunnelFigures& f = d.figures;
        auto bind = [&](Statement& s) {
            s.Bind(1, f.reached)
                .Bind(2, f.reached_value)
                .Bind(3, f.moved_on)
                .Bind(4, f.moved_on_value)
                .Bind(5, f.won)
                .Bind(6, f.won_value)
                .Bind(7, f.lost)
                .Bind(8, f.lost_value)
                .Bind(9, f.open)
                .Bind(10, f.open_value);
            s.Bind(11, workspace_id)
                .Bind(12, time_zone)
                .Bind(13, k.pipeline_id)
                .Bind(14, static_cast<std::int64_t>(k.grain))
                .Bind(15, ToDayNumber(k.period))
                .Bind(16, k.stage_id)
                .Bind(17, k.owner_id)
                .Bind(18, static_cast<std::int64_t>(k.visible_to));
        };
        PIPECRM_RETURN_IF_ERROR(AddToSum(db_, sql, f.reached < 0, bind));
    }
    return Status::Ok();
}

Status ReportFactTable::ClearFunnel(Id workspace_id, const std::string& time_zone) {
    return ClearReport(db_, workspace_id, time_zone, "funnel",
                       {"report_funnel_facts", "report_funnel_sums"});
}

Result<std::vector<std::pair<Id, domain::FunnelFigures>>> ReportFactTable::FunnelSums(
    const domain::FunnelScope& scope) {
    const PeriodSplit p = SplitPeriod(scope.from, scope.to);
    const std::string sql =
        "SELECT stage_id, SUM(reached), SUM(reached_value), SUM(moved_on), SUM(moved_on_value), "
        "SUM(now_won), SUM(now_won_value), SUM(now_lost), SUM(now_lost_value), SUM(now_open), "
        "SUM(now_open_value) FROM report_funnel_sums WHERE workspace_id = ?1 AND time_zone = ?2 "
        "AND pipeline_id = ?3 AND " +
        PeriodCondition(4) + " AND " + OwnersCondition(db_.dialect(), 8, 9) + " AND " +
        VisibilityPredicate("owner_id") + " GROUP BY stage_id";
    return Rows<std::pair<Id, domain::FunnelFigures>>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, scope.workspace_id).Bind(2, scope.time_zone).Bind(3, scope.pipeline_id);
            BindPeriod(s, 4, p);
            BindOwners(s, db_.dialect(), 8, 9, scope.owners);
        },
        [](const Statement& s) {
            domain::FunnelFigures f;
            f.reached = s.Int(1);
            f.reached_value = s.Int(2);
            f.moved_on = s.Int(3);
            f.moved_on_value = s.Int(4);
            f.won = s.Int(5);
            f.won_value = s.Int(6);
            f.lost = s.Int(7);
            f.lost_value = s.Int(8);
            f.open = s.Int(9);
            f.open_value = s.Int(10);
            return std::pair<Id, domain::FunnelFigures>{s.Int(0), f};
        });
}

Result<std::vector<FunnelFact>> ReportFactTable::UnconvertedFunnelFacts(
    const domain::FunnelScope& scope) {
    const PeriodSplit p = SplitPeriod(scope.from, scope.to);
    const std::string sql = std::string("SELECT ") + kFactColumns +
                            " FROM report_funnel_facts WHERE workspace_id = ?1 AND time_zone = ?2 "
                            "AND pipeline_id = ?3 AND currency > '' AND reach_day >= ?4 AND "
                            "reach_day <= ?5 AND " +
                            OwnersCondition(db_.dialect(), 6, 7) + " AND " +
                            VisibilityPredicate("owner_id");
    return Rows<FunnelFact>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, scope.workspace_id)
                .Bind(2, scope.time_zone)
                .Bind(3, scope.pipeline_id)
                .Bind(4, p.first)
                .Bind(5, p.last);
            BindOwners(s, db_.dialect(), 6, 7, scope.owners);
        },
        ReadFact);
}

Result<std::vector<Id>> ReportFactTable::ChangedActivities(Id workspace_id, Instant updated_since) {
    return Rows<Id>(
        db_,
        "SELECT id FROM main.activities WHERE workspace_id = ? AND update_time >= ? ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, ToUnixSeconds(updated_since)); },
        [](const Statement& s) { return s.Int(0); });
}

Result<std::vector<std::pair<domain::ActivityFact, Instant>>> ReportFactTable::DoneActivitiesAmong(
    Id workspace_id, const std::vector<Id>& activity_ids) {
    return Rows<std::pair<domain::ActivityFact, Instant>>(
        db_,
        std::string(kDoneActivitySelect) + " AND id IN (" + IdListSubquery(db_.dialect(), "?") +
            ") ORDER BY id",
        [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, IdListValue(db_.dialect(), activity_ids));
        },
        ReadDoneActivity);
}

Result<std::vector<std::pair<domain::ActivityFact, Instant>>> ReportFactTable::DoneActivities(
    Id workspace_id) {
    return Rows<std::pair<domain::ActivityFact, Instant>>(
        db_, std::string(kDoneActivitySelect) + " ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); }, ReadDoneActivity);
}

Result<std::vector<domain::DealFact>> ReportFactTable::DealFactsOf(
    Id workspace_id, const std::string& time_zone, const std::vector<Id>& deal_ids) {
    return FactsIn<domain::DealFact>(db_, kDealFactColumns, "report_deal_facts", "deal_id",
                                     workspace_id, time_zone, deal_ids, ReadDealFact);
}

Status ReportFactTable::DeleteDealFacts(Id workspace_id,
                                        const std::string& time_zone,
                                        const std::vector<Id>& deal_ids) {
    return DeleteFactsIn(db_, "report_deal_facts", "deal_id", workspace_id, time_zone, deal_ids);
}

Status ReportFactTable::AddDealFacts(Id workspace_id,
                                     const std::string& time_zone,
                                     const std::vector<domain::DealFact>& facts) {
    return AddFactsTo(db_, "report_deal_facts", kDealFactColumns, 10, workspace_id, time_zone,
                      facts, [](Statement& s, const domain::DealFact& f) {
                          s.Bind(3, f.deal_id)
                              .Bind(4, f.pipeline_id)
                              .Bind(5, f.owner_id)
                              .Bind(6, static_cast<std::int64_t>(f.visible_to))
                              .Bind(7, ToDayNumber(f.add_day))
                              .Bind(8, DayNumber(f.won_day))
                              .Bind(9, DayNumber(f.lost_day))
                              .Bind(10, f.won_value)
                              .Bind(11, f.won_seconds)
                              .Bind(12, f.unconverted_currency);
                      });
}

Result<std::vector<domain::ActivityFact>> ReportFactTable::ActivityFactsOf(
    Id workspace_id, const std::string& time_zone, const std::vector<Id>& activity_ids) {
    return FactsIn<domain::ActivityFact>(
        db_, kActivityFactColumns, "report_activity_facts", "activity_id", workspace_id, time_zone,
        activity_ids, [](const Statement& s) {
            domain::ActivityFact f;
            f.activity_id = s.Int(0);
            f.owner_id = s.Int(1);
            f.visible_to =
                domain::VisibilityFromInt(s.Int(2)).value_or(domain::Visibility::kEveryone);
            f.type = s.Text(3);
            f.done_day = FromDayNumber(s.Int(4));
            return f;
        });
}

Status ReportFactTable::DeleteActivityFacts(Id workspace_id,
                                            const std::string& time_zone,
                                            const std::vector<Id>& activity_ids) {
    return DeleteFactsIn(db_, "report_activity_facts", "activity_id", workspace_id, time_zone,
                         activity_ids);
}

Status ReportFactTable::AddActivityFacts(Id workspace_id,
                                         const std::string& time_zone,
                                         const std::vector<domain::ActivityFact>& facts) {
    return AddFactsTo(db_, "report_activity_facts", kActivityFactColumns, 5, workspace_id,
                      time_zone, facts, [](Statement& s, const domain::ActivityFact& f) {
                          s.Bind(3, f.activity_id)
                              .Bind(4, f.owner_id)
                              .Bind(5, static_cast<std::int64_t>(f.visible_to))
                              .Bind(6, f.type)
                              .Bind(7, ToDayNumber(f.done_day));
                      });
}

Status ReportFactTable::AddToLeaderboardSums(
    Id workspace_id,
    const std::string& time_zone,
    const std::vector<domain::LeaderboardSumDelta>& deltas) {
    const SumStatements sql = SumStatementsFor(
        "report_leaderboard_sums", {"items", "value", "seconds"},
        {"grain", "period", "measure", "type", "pipeline_id", "owner_id", "visible_to"});
    for (const domain::LeaderboardSumDelta& d : deltas) {
        const domain::LeaderboardSumKey& k = d.key;
        auto bind = [&](Statement& s) {
            s.Bind(1, d.figures.count).Bind(2, d.figures.value).Bind(3, d.figures.seconds);
            s.Bind(4, workspace_id)
                .Bind(5, time_zone)
                .Bind(6, static_cast<std::int64_t>(k.grain))
                .Bind(7, ToDayNumber(k.period))
                .Bind(8, k.measure)
                .Bind(9, k.type)
                .Bind(10, k.pipeline_id)
                .Bind(11, k.owner_id)
                .Bind(12, static_cast<std::int64_t>(k.visible_to));
        };
        PIPECRM_RETURN_IF_ERROR(AddToSum(db_, sql, d.figures.count < 0, bind));
    }
    return Status::Ok();
}

Status ReportFactTable::ClearLeaderboard(Id workspace_id, const std::string& time_zone) {
    return ClearReport(db_, workspace_id, time_zone, "leaderboard",
                       {"report_deal_facts", "report_activity_facts", "report_leaderboard_sums"});
}

Result<std::vector<domain::LeaderboardSum>> ReportFactTable::LeaderboardSums(
    const domain::LeaderboardScope& scope) {
    const PeriodSplit p = SplitPeriod(scope.from, scope.to);
    // Activities count whatever the pipeline (their rows have pipeline 0).
    const std::string sql =
        "SELECT owner_id, measure, type, SUM(items), SUM(value), SUM(seconds) FROM "
        "report_leaderboard_sums WHERE workspace_id = ?1 AND time_zone = ?2 AND (measure = "
        "'done' OR ?3 = 0 OR pipeline_id = ?4) AND " +
        PeriodCondition(5) + " AND " + OwnersCondition(db_.dialect(), 9, 10) + " AND " +
        VisibilityPredicate("owner_id") + " GROUP BY owner_id, measure, type";
    return Rows<domain::LeaderboardSum>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, scope.workspace_id)
                .Bind(2, scope.time_zone)
                .Bind(3, scope.pipeline_id ? 1 : 0)
                .Bind(4, scope.pipeline_id.value_or(0));
            BindPeriod(s, 5, p);
            BindOwners(s, db_.dialect(), 9, 10, scope.owners);
        },
        [](const Statement& s) {
            domain::LeaderboardSum sum;
            sum.owner_id = s.Int(0);
            sum.measure = s.Text(1);
            sum.type = s.Text(2);
            sum.figures = {s.Int(3), s.Int(4), s.Int(5)};
            return sum;
        });
}

Result<std::vector<Id>> ReportFactTable::LeaderboardDealOwners(
    const domain::LeaderboardScope& scope) {
    // Every live deal was added once: its month row of 'added' stands for it.
    const std::string sql =
        "SELECT DISTINCT owner_id FROM report_leaderboard_sums WHERE workspace_id = ?1 AND "
        "time_zone = ?2 AND grain = 2 AND measure = 'added' AND (?3 = 0 OR pipeline_id = ?4) "
        "AND " +
        OwnersCondition(db_.dialect(), 5, 6) + " AND " + VisibilityPredicate("owner_id") +
        " ORDER BY owner_id";
    return Rows<Id>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, scope.workspace_id)
                .Bind(2, scope.time_zone)
                .Bind(3, scope.pipeline_id ? 1 : 0)
                .Bind(4, scope.pipeline_id.value_or(0));
            BindOwners(s, db_.dialect(), 5, 6, scope.owners);
        },
        [](const Statement& s) { return s.Int(0); });
}

Result<std::vector<domain::DealFact>> ReportFactTable::UnconvertedWonDeals(
    const domain::LeaderboardScope& scope) {
    const PeriodSplit p = SplitPeriod(scope.from, scope.to);
    const std::string sql = std::string("SELECT ") + kDealFactColumns +
                            " FROM report_deal_facts WHERE workspace_id = ?1 AND time_zone = ?2 "
                            "AND currency > '' AND won_day >= ?3 AND won_day <= ?4 AND (?5 = 0 "
                            "OR pipeline_id = ?6) AND " +
                            OwnersCondition(db_.dialect(), 7, 8) + " AND " +
                            VisibilityPredicate("owner_id");
    return Rows<domain::DealFact>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, scope.workspace_id)
                .Bind(2, scope.time_zone)
                .Bind(3, p.first)
                .Bind(4, p.last)
                .Bind(5, scope.pipeline_id ? 1 : 0)
                .Bind(6, scope.pipeline_id.value_or(0));
            BindOwners(s, db_.dialect(), 7, 8, scope.owners);
        },
        ReadDealFact);
}

}  // namespace pipecrm::storage::sql

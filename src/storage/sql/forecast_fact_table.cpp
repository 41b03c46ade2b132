#include "storage/sql/forecast_fact_table.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "storage/sql/dialect.hpp"
#include "storage/sql/fact_sql.hpp"
#include "storage/sql/query.hpp"
#include "storage/sql/visibility_views.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::DealStatus;
using domain::ForecastFact;
using domain::ForecastList;
using domain::ForecastListKey;
using domain::ForecastOpenDeal;

// A list's items, sorted by deal id, each as four numbers: the deal id less the previous
// item's, the expected close day's place in the list's month (0-30; 31 for none), the value
// (zigzag, for a negative one) and the probability. A number is written 5 bits a character,
// least significant first, as '0' + the bits, plus 32 on every character but its last.
constexpr std::uint64_t kNoDay = 31;

void Put(std::string& out, std::uint64_t n) {
    while (n >= 32) {
        out.push_back(static_cast<char>('0' + 32 + (n & 31)));
        n >>= 5;
    }
    out.push_back(static_cast<char>('0' + n));
}

// False at the end of the text or on a character that is not part of a number.
bool Take(const char*& p, const char* end, std::uint64_t& n) {
    n = 0;
    for (int shift = 0; p < end && shift < 64; shift += 5) {
        const int c = static_cast<unsigned char>(*p++) - '0';
        if (c < 0 || c > 63) {
            return false;
        }
        n |= static_cast<std::uint64_t>(c & 31) << shift;
        if (c < 32) {
            return true;
        }
    }
    return false;
}

std::uint64_t Zigzag(std::int64_t n) {
    return (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63);
}

std::int64_t Unzigzag(std::uint64_t n) {
    return static_cast<std::int64_t>(n >> 1) ^ -static_cast<std::int64_t>(n & 1);
}

// The month column: the month's first day as a day number, or -1 for no expected close date.
constexpr std::int64_t kNoMonth = -1;

std::int64_t MonthNumber(const std::optional<Date>& month) {
    return month ? ToDayNumber(*month) : kNoMonth;
}

std::int64_t StateOf(DealStatus status) {
    return status == DealStatus::kOpen ? 1 : status == DealStatus::kWon ? 2 : 3;
}

DealStatus StatusOf(std::int64_t state) {
    return state == 1 ? DealStatus::kOpen : state == 2 ? DealStatus::kWon : DealStatus::kLost;
}

std::string VisitedText(const std::vector<Id>& visited) {
    std::string out;
    for (const Id id : visited) {
        out += (out.empty() ? "" : ",") + std::to_string(id);
    }
    return out;
}

std::vector<Id> VisitedIds(const std::string& text) {
    std::vector<Id> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        Id id = 0;
        const auto [next, error] = std::from_chars(p, end, id);
        if (error != std::errc()) {
            break;
        }
        out.push_back(id);
        p = next < end ? next + 1 : end;
    }
    return out;
}

constexpr const char* kFactColumns =
    "deal_id, pipeline_id, stage_id, owner_id, visible_to, state, day, value, probability, "
    "visited, currency";

ForecastFact ReadFact(const Statement& s) {
    ForecastFact f;
    f.deal_id = s.Int(0);
    f.pipeline_id = s.Int(1);
    f.stage_id = s.Int(2);
    f.owner_id = s.Int(3);
    f.visible_to = domain::VisibilityFromInt(s.Int(4)).value_or(domain::Visibility::kEveryone);
    f.status = StatusOf(s.Int(5));
    if (const auto day = s.OptionalInt(6)) {
        f.day = FromDayNumber(*day);
    }
    f.value = s.Int(7);
    f.probability = static_cast<int>(s.Int(8));
    f.visited = VisitedIds(s.Text(9));
    f.unconverted_currency = s.Text(10);
    return f;
}

// "(?N = 0 OR pipeline_id = ?N+1)".
std::string PipelineCondition(int flag) {
    return "(?" + std::to_string(flag) + " = 0 OR pipeline_id = ?" + std::to_string(flag + 1) + ")";
}

void BindPipeline(Statement& s, int flag, const domain::ForecastScope& c) {
    s.Bind(flag, c.pipeline_id ? 1 : 0).Bind(flag + 1, c.pipeline_id.value_or(0));
}

// The scope's workspace, zone (?1, ?2), pipeline (?3, ?4) and owners (?5, ?6), and the
// viewer's visibility.
std::string ScopeCondition(Dialect dialect) {
    return "workspace_id = ?1 AND time_zone = ?2 AND " + PipelineCondition(3) + " AND " +
           OwnersCondition(dialect, 5, 6) + " AND " + VisibilityPredicate("owner_id");
}

void BindScope(Statement& s, Dialect dialect, const domain::ForecastScope& c) {
    s.Bind(1, c.workspace_id).Bind(2, c.time_zone);
    BindPipeline(s, 3, c);
    BindOwners(s, dialect, 5, 6, c.owners);
}

constexpr std::int64_t kNever = std::numeric_limits<std::int32_t>::max();

constexpr const char* kListKey =
    " WHERE workspace_id = ?1 AND time_zone = ?2 AND pipeline_id = ?3 AND stage_id = ?4 AND "
    "owner_id = ?5 AND visible_to = ?6 AND month = ?7";

void BindListKey(Statement& s, Id workspace_id, const std::string& zone, const ForecastListKey& k) {
    s.Bind(1, workspace_id)
        .Bind(2, zone)
        .Bind(3, k.pipeline_id)
        .Bind(4, k.stage_id)
        .Bind(5, k.owner_id)
        .Bind(6, static_cast<std::int64_t>(k.visible_to))
        .Bind(7, MonthNumber(k.month));
}

// A stored list row: pipeline_id, stage_id, owner_id, visible_to, month, deals.
Result<ForecastList> ReadList(const Statement& s) {
    ForecastList list;
    list.key.pipeline_id = s.Int(0);
    list.key.stage_id = s.Int(1);
    list.key.owner_id = s.Int(2);
    list.key.visible_to =
        domain::VisibilityFromInt(s.Int(3)).value_or(domain::Visibility::kEveryone);
    if (s.Int(4) != kNoMonth) {
        list.key.month = FromDayNumber(s.Int(4));
    }
    auto deals = DecodeForecastDeals(list.key.month, s.Text(5));
    if (!deals.ok()) {
        return deals.status();
    }
    list.deals = std::move(*deals);
    return list;
}

constexpr const char* kListColumns = "pipeline_id, stage_id, owner_id, visible_to, month, deals";

// A row callback that appends each list read to `out`, and keeps in `failed` why a list could
// not be decoded.
auto AppendLists(std::vector<ForecastList>& out, Status& failed) {
    return [&out, &failed](const Statement& s) {
        auto list = ReadList(s);
        if (list.ok()) {
            out.push_back(std::move(*list));
        } else {
            failed = list.status();
        }
    };
}

}  // namespace

std::string EncodeForecastDeals(const std::optional<Date>& month,
                                std::vector<ForecastOpenDeal> deals) {
    std::sort(deals.begin(), deals.end(),
              [](const auto& a, const auto& b) { return a.deal_id < b.deal_id; });
    std::string out;
    out.reserve(deals.size() * 12);
    Id previous = 0;
    for (const ForecastOpenDeal& d : deals) {
        Put(out, static_cast<std::uint64_t>(d.deal_id - previous));
        previous = d.deal_id;
        Put(out, d.day && month ? static_cast<std::uint64_t>((*d.day - *month).count()) : kNoDay);
        Put(out, Zigzag(d.value));
        Put(out, static_cast<std::uint64_t>(d.probability));
    }
    return out;
}

Result<std::vector<ForecastOpenDeal>> DecodeForecastDeals(const std::optional<Date>& month,
                                                          std::string_view text) {
    std::vector<ForecastOpenDeal> out;
    const char* p = text.data();
    const char* end = p + text.size();
    Id previous = 0;
    while (p < end) {
        std::uint64_t id = 0;
        std::uint64_t day = 0;
        std::uint64_t value = 0;
        std::uint64_t probability = 0;
        if (!Take(p, end, id) || !Take(p, end, day) || !Take(p, end, value) ||
            !Take(p, end, probability) || (day != kNoDay && (!month || day > 30))) {
            return Internal("a forecast list that does not decode");
        }
        ForecastOpenDeal& d = out.emplace_back();
        previous += static_cast<Id>(id);
        d.deal_id = previous;
        if (day != kNoDay) {
            d.day = *month + std::chrono::days{static_cast<int>(day)};
        }
        d.value = Unzigzag(value);
        d.probability = static_cast<int>(probability);
    }
    return out;
}

Result<std::vector<ForecastFact>> ForecastFactTable::ForecastFactsOf(
    Id workspace_id, const std::string& time_zone, const std::vector<Id>& deal_ids) {
    return FactsIn<ForecastFact>(db_, kFactColumns, "report_forecast_facts", "deal_id",
                                 workspace_id, time_zone, deal_ids, ReadFact);
}

Status ForecastFactTable::DeleteForecastFacts(Id workspace_id,
                                              const std::string& time_zone,
                                              const std::vector<Id>& deal_ids) {
    return DeleteFactsIn(db_, "report_forecast_facts", "deal_id", workspace_id, time_zone,
                         deal_ids);
}

Status ForecastFactTable::AddForecastFacts(Id workspace_id,
                                           const std::string& time_zone,
                                           const std::vector<ForecastFact>& facts) {
    const std::string sql = std::string(
                                "INSERT INTO main.report_forecast_facts(workspace_id, "
                                "time_zone, ") +
                            kFactColumns + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)";
    for (const ForecastFact& f : facts) {
        PIPECRM_RETURN_IF_ERROR(Execute(db_, sql, [&](Statement& s) {
            s.Bind(1, workspace_id)
                .Bind(2, time_zone)
                .Bind(3, f.deal_id)
                .Bind(4, f.pipeline_id)
                .Bind(5, f.stage_id)
                .Bind(6, f.owner_id)
                .Bind(7, static_cast<std::int64_t>(f.visible_to))
                .Bind(8, StateOf(f.status))
                .Bind(9, f.day ? std::optional<std::int64_t>(ToDayNumber(*f.day)) : std::nullopt)
                .Bind(10, f.value)
                .Bind(11, f.probability)
                .Bind(12, VisitedText(f.visited))
                .Bind(13, f.unconverted_currency);
        }));
    }
    return Status::Ok();
}

Status ForecastFactTable::AddToForecastSums(Id workspace_id,
                                            const std::string& time_zone,
                                            const std::vector<domain::ForecastWonDelta>& won,
                                            const std::vector<domain::ForecastCloseDelta>& closes) {
    {
        const SumStatements sql =
            SumStatementsFor("report_forecast_won_sums", {"won", "won_value"},
                             {"grain", "period", "pipeline_id", "owner_id", "visible_to"});
        for (const domain::ForecastWonDelta& d : won) {
            auto bind = [&](Statement& s) {
                s.Bind(1, d.won)
                    .Bind(2, d.won_value)
                    .Bind(3, workspace_id)
                    .Bind(4, time_zone)
                    .Bind(5, static_cast<std::int64_t>(d.key.grain))
                    .Bind(6, ToDayNumber(d.key.period))
                    .Bind(7, d.key.pipeline_id)
                    .Bind(8, d.key.owner_id)
                    .Bind(9, static_cast<std::int64_t>(d.key.visible_to));
            };
            PIPECRM_RETURN_IF_ERROR(AddToSum(db_, sql, d.won < 0, bind));
        }
    }
    const SumStatements sql = SumStatementsFor("report_forecast_stage_closes", {"closed", "won"},
                                               {"stage_id", "owner_id", "visible_to"});
    for (const domain::ForecastCloseDelta& d : closes) {
        auto bind = [&](Statement& s) {
            s.Bind(1, d.closed)
                .Bind(2, d.won)
                .Bind(3, workspace_id)
                .Bind(4, time_zone)
                .Bind(5, d.key.stage_id)
                .Bind(6, d.key.owner_id)
                .Bind(7, static_cast<std::int64_t>(d.key.visible_to));
        };
        PIPECRM_RETURN_IF_ERROR(AddToSum(db_, sql, d.closed < 0, bind));
    }
    return Status::Ok();
}

Result<std::vector<ForecastList>> ForecastFactTable::ForecastListsAt(
    Id workspace_id, const std::string& time_zone, const std::vector<ForecastListKey>& keys) {
    std::vector<ForecastList> out;
    const std::string sql =
        std::string("SELECT ") + kListColumns + " FROM main.report_forecast_lists" + kListKey;
    for (const ForecastListKey& key : keys) {
        Status failed = Status::Ok();
        PIPECRM_RETURN_IF_ERROR(Query(
            db_, sql, [&](Statement& s) { BindListKey(s, workspace_id, time_zone, key); },
            AppendLists(out, failed)));
        PIPECRM_RETURN_IF_ERROR(failed);
    }
    return out;
}

Status ForecastFactTable::SetForecastLists(Id workspace_id,
                                           const std::string& time_zone,
                                           const std::vector<ForecastList>& lists) {
    const std::string remove = std::string("DELETE FROM main.report_forecast_lists") + kListKey;
    const std::string insert =
        "INSERT INTO main.report_forecast_lists(workspace_id, time_zone, pipeline_id, stage_id, "
        "owner_id, visible_to, month, items, deals) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)";
    for (const ForecastList& list : lists) {
        auto bind = [&](Statement& s) { BindListKey(s, workspace_id, time_zone, list.key); };
        PIPECRM_RETURN_IF_ERROR(Execute(db_, remove, bind));
        if (list.deals.empty()) {
            continue;
        }
        PIPECRM_RETURN_IF_ERROR(Execute(db_, insert, [&](Statement& s) {
            bind(s);
            s.Bind(8, static_cast<std::int64_t>(list.deals.size()))
                .Bind(9, EncodeForecastDeals(list.key.month, list.deals));
        }));
    }
    return Status::Ok();
}

Status ForecastFactTable::ClearForecast(Id workspace_id, const std::string& time_zone) {
    const auto bind = [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, time_zone); };
    for (const char* table : {"report_forecast_facts", "report_forecast_won_sums",
                              "report_forecast_stage_closes", "report_forecast_lists"}) {
        PIPECRM_RETURN_IF_ERROR(Execute(
            db_,
            std::string("DELETE FROM main.") + table + " WHERE workspace_id = ? AND time_zone = ?",
            bind));
    }
    return Execute(db_,
                   "DELETE FROM main.report_watermarks WHERE workspace_id = ? AND time_zone = ? "
                   "AND report = 'forecast'",
                   bind);
}

Result<std::vector<ForecastList>> ForecastFactTable::ForecastLists(
    const domain::ForecastScope& scope) {
    const std::int64_t first = scope.from ? ToDayNumber(MonthStart(*scope.from)) : -kNever;
    const std::int64_t last = scope.to ? ToDayNumber(MonthStart(*scope.to)) : kNever;
    const std::string sql = std::string("SELECT ") + kListColumns +
                            " FROM report_forecast_lists WHERE " + ScopeCondition(db_.dialect()) +
                            " AND (month = -1 OR (month >= ?7 AND month <= ?8))";
    std::vector<ForecastList> out;
    Status failed = Status::Ok();
    PIPECRM_RETURN_IF_ERROR(Query(
        db_, sql,
        [&](Statement& s) {
            BindScope(s, db_.dialect(), scope);
            s.Bind(7, first).Bind(8, last);
        },
        AppendLists(out, failed)));
    PIPECRM_RETURN_IF_ERROR(failed);
    return out;
}

Result<std::vector<domain::ForecastWonSum>> ForecastFactTable::ForecastWonSums(
    const domain::ForecastScope& scope) {
    const PeriodSplit p = SplitPeriod(scope.from, scope.to);
    const std::string sql =
        "SELECT period, SUM(won), SUM(won_value) FROM report_forecast_won_sums WHERE " +
        ScopeCondition(db_.dialect()) + " AND " + PeriodCondition(7) + " GROUP BY period";
    return Rows<domain::ForecastWonSum>(
        db_, sql,
        [&](Statement& s) {
            BindScope(s, db_.dialect(), scope);
            BindPeriod(s, 7, p);
        },
        [](const Statement& s) {
            return domain::ForecastWonSum{FromDayNumber(s.Int(0)), s.Int(1), s.Int(2)};
        });
}

Result<std::vector<domain::ForecastCloseDelta>> ForecastFactTable::ForecastStageCloses(
    const domain::ForecastScope& scope) {
    const std::string sql =
        "SELECT stage_id, SUM(closed), SUM(won) FROM report_forecast_stage_closes WHERE "
        "workspace_id = ?1 AND time_zone = ?2 AND " +
        OwnersCondition(db_.dialect(), 3, 4) + " AND " + VisibilityPredicate("owner_id") +
        " GROUP BY stage_id";
    return Rows<domain::ForecastCloseDelta>(
        db_, sql,
        [&](Statement& s) {
            s.Bind(1, scope.workspace_id).Bind(2, scope.time_zone);
            BindOwners(s, db_.dialect(), 3, 4, scope.owners);
        },
        [](const Statement& s) {
            domain::ForecastCloseDelta d;
            d.key.stage_id = s.Int(0);
            d.closed = s.Int(1);
            d.won = s.Int(2);
            return d;
        });
}

Result<std::vector<ForecastFact>> ForecastFactTable::UnconvertedForecastFacts(
    const domain::ForecastScope& scope) {
    const std::string sql = std::string("SELECT ") + kFactColumns +
                            " FROM report_forecast_facts WHERE " + ScopeCondition(db_.dialect()) +
                            " AND currency > '' AND state IN (1, 2)";
    return Rows<ForecastFact>(
        db_, sql, [&](Statement& s) { BindScope(s, db_.dialect(), scope); }, ReadFact);
}

}  // namespace pipecrm::storage::sql

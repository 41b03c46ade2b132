#include "storage/sql/report_source.hpp"

#include <algorithm>
#include <string>

#include "storage/sql/deal_event_row.hpp"
#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

std::optional<Instant> OptionalInstantAt(const Statement& s, int column) {
    if (auto seconds = s.OptionalInt(column)) {
        return FromUnixSeconds(*seconds);
    }
    return std::nullopt;
}

}  // namespace

const char* const kReportDealSelect =
    "SELECT id, workspace_id, '', value, currency, status, pipeline_id, stage_id, owner_id, "
    "creator_user_id, expected_close_date, probability, lost_reason, visible_to, add_time, "
    "update_time, stage_change_time, won_time, lost_time, close_time FROM deals";

domain::Deal ReadReportDeal(const Statement& s) {
    domain::Deal d;
    d.id = s.Int(0);
    d.workspace_id = s.Int(1);
    d.title = s.Text(2);
    d.value.minor_units = s.Int(3);
    d.value.currency = s.Text(4);
    d.status = domain::ParseDealStatus(s.Text(5)).value_or(domain::DealStatus::kOpen);
    d.pipeline_id = s.Int(6);
    d.stage_id = s.Int(7);
    d.owner_id = s.Int(8);
    d.creator_user_id = s.Int(9);
    if (auto day = s.OptionalInt(10)) {
        d.expected_close_date = FromDayNumber(*day);
    }
    if (auto probability = s.OptionalInt(11)) {
        d.probability = static_cast<int>(*probability);
    }
    d.lost_reason = s.Text(12);
    d.visible_to = domain::VisibilityFromInt(s.Int(13)).value_or(domain::Visibility::kEveryone);
    d.add_time = FromUnixSeconds(s.Int(14));
    d.update_time = FromUnixSeconds(s.Int(15));
    d.stage_change_time = OptionalInstantAt(s, 16);
    d.won_time = OptionalInstantAt(s, 17);
    d.lost_time = OptionalInstantAt(s, 18);
    d.close_time = OptionalInstantAt(s, 19);
    return d;
}

void SortEachDealsEvents(std::vector<domain::DealEvent>& events) {
    // In index order (deal, id), which is time order unless history was written with earlier
    // times later (an import); each deal's few events are put in time order here rather than
    // the database sorting millions of rows.
    for (auto begin = events.begin(); begin != events.end();) {
        auto end = std::find_if(begin, events.end(), [&](const domain::DealEvent& e) {
            return e.deal_id != begin->deal_id;
        });
        std::stable_sort(begin, end, [](const domain::DealEvent& a, const domain::DealEvent& b) {
            return a.at < b.at;
        });
        begin = end;
    }
}

Result<std::vector<domain::Deal>> SqlReportSource::LiveDeals(Id workspace_id) {
    return Rows<domain::Deal>(
        db_,
        std::string(kReportDealSelect) +
            " WHERE workspace_id = ? AND status <> 'deleted' ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); }, ReadReportDeal);
}

Result<std::vector<domain::DealEvent>> SqlReportSource::EventsOfLiveDeals(Id workspace_id) {
    std::vector<domain::DealEvent> out;
    Status status = Query(
        db_,
        "SELECT e.id, e.workspace_id, e.deal_id, e.kind, e.actor_user_id, e.at, "
        "e.from_stage_id, e.to_stage_id, e.from_pipeline_id, e.to_pipeline_id, e.from_value, "
        "e.to_value, e.currency, e.from_owner_id, e.to_owner_id, e.lost_reason "
        "FROM deal_events e JOIN deals d ON d.workspace_id = e.workspace_id AND d.id = e.deal_id "
        "WHERE e.workspace_id = ? AND d.status <> 'deleted' ORDER BY e.deal_id, e.id",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](const Statement& s) { out.push_back(ReadDealEvent(s)); });
    if (!status.ok()) {
        return status;
    }
    SortEachDealsEvents(out);
    return out;
}

Result<std::vector<domain::ActivityFacts>> SqlReportSource::Activities(Id workspace_id) {
    std::vector<domain::ActivityFacts> out;
    Status status = Query(
        db_,
        "SELECT id, owner_id, deal_id, type, done, marked_as_done_time, due_date FROM activities "
        "WHERE workspace_id = ? AND is_deleted = 0 ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](const Statement& s) {
            domain::ActivityFacts a;
            a.id = s.Int(0);
            a.owner_id = s.Int(1);
            a.deal_id = s.OptionalInt(2);
            a.type = s.Text(3);
            a.done = s.Int(4) != 0;
            a.marked_as_done_time = OptionalInstantAt(s, 5);
            if (auto day = s.OptionalInt(6)) {
                a.due_date = FromDayNumber(*day);
            }
            out.push_back(std::move(a));
        });
    if (!status.ok()) {
        return status;
    }
    return out;
}

Result<std::vector<domain::ExchangeRate>> SqlReportSource::Rates(Id workspace_id) {
    std::vector<domain::ExchangeRate> out;
    Status status = Query(
        db_,
        "SELECT id, workspace_id, currency, rate_date, rate, entered_by, entered_time "
        "FROM exchange_rates WHERE workspace_id = ? "
        "ORDER BY currency, rate_date, entered_time, id",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](const Statement& s) {
            domain::ExchangeRate r;
            r.id = s.Int(0);
            r.workspace_id = s.Int(1);
            r.currency = s.Text(2);
            r.rate_date = FromDayNumber(s.Int(3));
            r.rate = s.Text(4);
            r.entered_by = s.OptionalInt(5);
            r.entered_time = FromUnixSeconds(s.Int(6));
            out.push_back(std::move(r));
        });
    if (!status.ok()) {
        return status;
    }
    return out;
}

Result<Id> SqlReportSource::AddRate(const domain::ExchangeRate& rate) {
    std::optional<Id> id;
    Status status = Query(
        db_,
        "INSERT INTO main.exchange_rates(workspace_id, currency, rate_date, rate, entered_by, "
        "entered_time) VALUES(?,?,?,?,?,?) RETURNING id",
        [&](Statement& s) {
            s.Bind(1, rate.workspace_id)
                .Bind(2, rate.currency)
                .Bind(3, ToDayNumber(rate.rate_date))
                .Bind(4, rate.rate)
                .Bind(5, rate.entered_by)
                .Bind(6, ToUnixSeconds(rate.entered_time));
        },
        [&](const Statement& s) { id = s.Int(0); });
    if (!status.ok()) {
        return status;
    }
    if (!id) {
        return Internal("adding an exchange rate returned no id");
    }
    return *id;
}

Result<std::vector<domain::ForecastSnapshotRow>> SqlReportSource::ForecastSnapshots(
    Id workspace_id) {
    std::vector<domain::ForecastSnapshotRow> out;
    Status status = Query(
        db_,
        "SELECT workspace_id, taken_time, taken_date, month, pipeline_id, owner_id, visible_to, "
        "open_count, open_value, weighted_value, base_currency, snapshot FROM forecast_snapshots "
        "WHERE workspace_id = ? ORDER BY snapshot, id",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](const Statement& s) {
            domain::ForecastSnapshotRow r;
            r.workspace_id = s.Int(0);
            r.taken_time = FromUnixSeconds(s.Int(1));
            r.taken_date = FromDayNumber(s.Int(2));
            r.month = s.Text(3);
            r.pipeline_id = s.Int(4);
            r.owner_id = s.Int(5);
            r.visible_to =
                domain::VisibilityFromInt(s.Int(6)).value_or(domain::Visibility::kEveryone);
            r.open_count = s.Int(7);
            r.open_value = s.Int(8);
            r.weighted_value = s.Int(9);
            r.base_currency = s.Text(10);
            r.snapshot = s.Int(11);
            out.push_back(std::move(r));
        });
    if (!status.ok()) {
        return status;
    }
    return out;
}

Result<bool> SqlReportSource::HasForecastSnapshot(Id workspace_id, Date day) {
    return Exists(
        db_,
        "SELECT 1 FROM main.forecast_snapshots WHERE workspace_id = ? AND taken_date = ? LIMIT 1",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, ToDayNumber(day)); });
}

Result<bool> SqlReportSource::HasForecastDeals(Id workspace_id) {
    return Exists(db_,
                  "SELECT 1 FROM main.deals WHERE workspace_id = ? AND status = 'open' AND "
                  "expected_close_date IS NOT NULL LIMIT 1",
                  [&](Statement& s) { s.Bind(1, workspace_id); });
}

Result<std::int64_t> SqlReportSource::NextForecastSnapshot(Id workspace_id) {
    std::int64_t next = 1;
    Status status = Query(
        db_,
        "SELECT COALESCE(MAX(snapshot), 0) + 1 FROM main.forecast_snapshots WHERE workspace_id = ?",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](const Statement& s) { next = s.Int(0); });
    if (!status.ok()) {
        return status;
    }
    return next;
}

Status SqlReportSource::AddForecastSnapshotRow(const domain::ForecastSnapshotRow& r) {
    return Query(
        db_,
        "INSERT INTO main.forecast_snapshots(workspace_id, taken_time, taken_date, month, "
        "pipeline_id, owner_id, visible_to, open_count, open_value, weighted_value, "
        "base_currency, snapshot) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
        [&](Statement& s) {
            s.Bind(1, r.workspace_id)
                .Bind(2, ToUnixSeconds(r.taken_time))
                .Bind(3, ToDayNumber(r.taken_date))
                .Bind(4, r.month)
                .Bind(5, r.pipeline_id)
                .Bind(6, r.owner_id)
                .Bind(7, static_cast<int>(r.visible_to))
                .Bind(8, r.open_count)
                .Bind(9, r.open_value)
                .Bind(10, r.weighted_value)
                .Bind(11, r.base_currency)
                .Bind(12, r.snapshot);
        },
        [](const Statement&) {});
}

Result<std::vector<domain::Goal>> SqlReportSource::Goals(Id workspace_id) {
    std::vector<domain::Goal> out;
    Status status = Query(
        db_,
        "SELECT id, workspace_id, assignee_type, assignee_id, metric, target, period, "
        "start_date, pipeline_id, add_time FROM goals WHERE workspace_id = ? AND is_deleted = 0 "
        "ORDER BY id",
        [&](Statement& s) { s.Bind(1, workspace_id); },
        [&](const Statement& s) {
            domain::Goal g;
            g.id = s.Int(0);
            g.workspace_id = s.Int(1);
            g.assignee =
                domain::ParseGoalAssignee(s.Text(2)).value_or(domain::GoalAssignee::kWorkspace);
            g.assignee_id = s.OptionalInt(3);
            g.metric = domain::ParseGoalMetric(s.Text(4)).value_or(domain::GoalMetric::kWonValue);
            g.target = s.Int(5);
            g.period = domain::ParseGoalPeriod(s.Text(6)).value_or(domain::GoalPeriod::kMonth);
            g.start_date = FromDayNumber(s.Int(7));
            g.pipeline_id = s.OptionalInt(8);
            g.add_time = FromUnixSeconds(s.Int(9));
            out.push_back(std::move(g));
        });
    if (!status.ok()) {
        return status;
    }
    return out;
}

Result<Id> SqlReportSource::AddGoal(const domain::Goal& g) {
    std::optional<Id> id;
    Status status = Query(
        db_,
        "INSERT INTO main.goals(workspace_id, assignee_type, assignee_id, metric, target, "
        "period, start_date, pipeline_id, add_time) VALUES(?,?,?,?,?,?,?,?,?) RETURNING id",
        [&](Statement& s) {
            s.Bind(1, g.workspace_id)
                .Bind(2, domain::GoalAssigneeName(g.assignee))
                .Bind(3, g.assignee_id)
                .Bind(4, domain::GoalMetricName(g.metric))
                .Bind(5, g.target)
                .Bind(6, domain::GoalPeriodName(g.period))
                .Bind(7, ToDayNumber(g.start_date))
                .Bind(8, g.pipeline_id)
                .Bind(9, ToUnixSeconds(g.add_time));
        },
        [&](const Statement& s) { id = s.Int(0); });
    if (!status.ok()) {
        return status;
    }
    if (!id) {
        return Internal("adding a goal returned no id");
    }
    return *id;
}

Status SqlReportSource::DeleteGoal(Id workspace_id, Id goal_id) {
    bool found = false;
    Status status = Query(
        db_,
        "UPDATE main.goals SET is_deleted = 1 WHERE workspace_id = ? AND id = ? AND "
        "is_deleted = 0 RETURNING id",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, goal_id); },
        [&](const Statement&) { found = true; });
    if (!status.ok()) {
        return status;
    }
    if (!found) {
        return NotFound("no goal " + std::to_string(goal_id), "id");
    }
    return Status::Ok();
}

}  // namespace pipecrm::storage::sql

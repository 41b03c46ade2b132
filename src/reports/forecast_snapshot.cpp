#include "reports/forecast_snapshot.hpp"

#include <map>
#include <tuple>
#include <vector>

#include "reports/report_context.hpp"
#include "reports/report_data.hpp"
#include "text/time_zone.hpp"

namespace pipecrm::reports {

namespace {

// Whether the daily snapshot is due: none yet for the workspace's current local day, and an
// open deal with an expected close date to put in one.
Result<bool> SnapshotDue(domain::Repositories& repos,
                         const domain::Workspace& workspace,
                         Instant now) {
    auto today = text::LocalDay(now, workspace.time_zone);
    if (!today.ok()) {
        return today.status();
    }
    auto taken = repos.Reports().HasForecastSnapshot(workspace.id, *today);
    if (!taken.ok()) {
        return taken.status();
    }
    if (*taken) {
        return false;
    }
    return repos.Reports().HasForecastDeals(workspace.id);
}

}  // namespace

Result<int> TakeForecastSnapshot(domain::Repositories& repos,
                                 Id workspace_id,
                                 Instant now,
                                 SnapshotWhen when) {
    auto workspace = repos.Workspaces().Get(workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    // Asked before the deals are loaded: a day's later calls cost a lookup or two.
    if (when == SnapshotWhen::kOncePerDay) {
        auto due = SnapshotDue(repos, *workspace, now);
        if (!due.ok()) {
            return due.status();
        }
        if (!*due) {
            return 0;
        }
    }
    ReportRequest request;
    request.now = now;
    request.time_zone = workspace->time_zone;
    request.base_currency = workspace->default_currency;
    auto data = LoadReportData(repos, workspace_id, {false, false, true, false, false});
    if (!data.ok()) {
        return data.status();
    }
    auto context = ReportContext::Build(*data, request);
    if (!context.ok()) {
        return context.status();
    }
    const Date today = context->LocalDay(now);
    using Key = std::tuple<std::string, Id, Id, int>;  // month, pipeline, owner, visible_to
    std::map<Key, domain::ForecastSnapshotRow> rows;
    for (const DealHistory& history : context->histories()) {
        const domain::Deal& deal = *history.deal;
        if (deal.status != domain::DealStatus::kOpen || !deal.expected_close_date) {
            continue;
        }
        const std::string month = FormatDate(*deal.expected_close_date).substr(0, 7);
        domain::ForecastSnapshotRow& row =
            rows[{month, deal.pipeline_id, deal.owner_id, static_cast<int>(deal.visible_to)}];
        const std::int64_t value = context->Value(deal).value_or(0);
        const domain::Stage* stage = context->Stage(deal.stage_id);
        const int probability = deal.probability.value_or(stage ? stage->deal_probability : 100);
        row.month = month;
        row.pipeline_id = deal.pipeline_id;
        row.owner_id = deal.owner_id;
        row.visible_to = deal.visible_to;
        ++row.open_count;
        row.open_value += value;
        row.weighted_value += value * probability / 100;
    }
    auto snapshot = repos.Reports().NextForecastSnapshot(workspace_id);
    if (!snapshot.ok()) {
        return snapshot.status();
    }
    for (auto& [key, row] : rows) {
        row.workspace_id = workspace_id;
        row.snapshot = *snapshot;
        row.taken_time = now;
        row.taken_date = today;
        row.base_currency = request.base_currency;
        PIPECRM_RETURN_IF_ERROR(repos.Reports().AddForecastSnapshotRow(row));
    }
    return static_cast<int>(rows.size());
}

Result<int> TakeDailyForecastSnapshots(domain::Store& store, Instant now) {
    // Read first: only a workspace whose snapshot is due costs a write (every commit empties
    // the GET response cache).
    std::vector<Id> due;
    PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
        auto list = repos.Workspaces().List();
        if (!list.ok()) {
            return list.status();
        }
        for (const domain::Workspace& workspace : *list) {
            auto snapshot_due = SnapshotDue(repos, workspace, now);
            if (!snapshot_due.ok()) {
                return snapshot_due.status();
            }
            if (*snapshot_due) {
                due.push_back(workspace.id);
            }
        }
        return Status::Ok();
    }));
    int taken = 0;
    for (const Id workspace_id : due) {
        PIPECRM_RETURN_IF_ERROR(store.WriteAndWait([&](domain::Repositories& repos) -> Status {
            auto rows = TakeForecastSnapshot(repos, workspace_id, now, SnapshotWhen::kOncePerDay);
            if (!rows.ok()) {
                return rows.status();
            }
            taken += *rows > 0 ? 1 : 0;
            return Status::Ok();
        }));
    }
    return taken;
}

}  // namespace pipecrm::reports

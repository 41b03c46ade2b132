// The inputs of every report, read in one snapshot through the storage ports, and the
// request's options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/pipeline.hpp"
#include "domain/report_source.hpp"
#include "domain/repositories.hpp"
#include "domain/stage.hpp"
#include "domain/team.hpp"
#include "domain/user.hpp"

namespace pipecrm::reports {

/// Everything a report reads, within the viewer's visibility (deals, events, activities).
struct ReportData {
    std::vector<domain::Pipeline> pipelines;  ///< live, in order
    std::vector<domain::Stage> stages;        ///< live, by pipeline and order
    std::vector<domain::User> users;
    std::vector<domain::Team> teams;
    std::vector<domain::TeamMembership> memberships;
    std::vector<domain::Deal> deals;        ///< not deleted, by id
    std::vector<domain::DealEvent> events;  ///< of those deals, by deal, time, id
    std::vector<domain::ActivityFacts> activities;
    std::vector<domain::ExchangeRate> rates;
    std::vector<domain::ForecastSnapshotRow> snapshots;  ///< by taken_time
    std::vector<domain::Goal> goals;                     ///< live, by id
};

/// What a report reads besides the deals, stages, users and teams; the rest stays empty, so a
/// report never pays for rows it does not use.
struct ReportNeeds {
    bool events = true;
    bool activities = true;
    bool rates = true;
    bool snapshots = true;
    bool goals = true;
    bool deals = true;  ///< the live deals (and, with `events`, their events)
};

/// Reads a workspace's report inputs on the caller's snapshot.
Result<ReportData> LoadReportData(domain::Repositories& repos,
                                  Id workspace_id,
                                  const ReportNeeds& needs = {});

/// The options every report takes (docs/reports.md).
struct ReportRequest {
    OptionalId pipeline_id;    ///< default: the first pipeline
    std::optional<Date> from;  ///< first day of the period, in `time_zone`
    std::optional<Date> to;    ///< last day of the period (inclusive)
    OptionalId owner_id;       ///< only deals (and activities) of this user
    OptionalId team_id;        ///< only those of this team's members
    Instant now;
    std::string time_zone = "Asia/Ho_Chi_Minh";
    std::string base_currency = "VND";
};

}  // namespace pipecrm::reports

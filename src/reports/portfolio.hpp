// The project portfolio (docs/projects.md): the projects of a project pipeline with their
// derived status, counts by stage and status, per-person weekly workload across every project
// pipeline with over-allocation flagged, and the pipeline's time in stage from the event log.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/repositories.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

struct PortfolioRequest {
    OptionalId pipeline_id;  ///< default: the first project pipeline
    Instant now;
    std::string time_zone = "Asia/Ho_Chi_Minh";
    int weeks = 8;      ///< workload weeks from the current one, 1..52
    int capacity = 40;  ///< hours a week a person can give, 1..168
};

struct Portfolio {
    ReportTable projects;    ///< "portfolio": one row per project
    ReportTable stages;      ///< "portfolio-stages": per stage, projects by status
    ReportTable workload;    ///< "portfolio-workload": per person, hours per week
    ReportTable stage_time;  ///< "stage-time" of the pipeline
};

/// Reads the projects on the caller's snapshot (within the viewer's visibility).
/// kInvalidArgument naming "pipeline_id" for a pipeline that is not a live project pipeline,
/// kFailedPrecondition when the workspace has none, kInvalidArgument naming "weeks" or
/// "capacity" out of range.
Result<Portfolio> LoadPortfolio(domain::Repositories& repos,
                                Id workspace_id,
                                const PortfolioRequest& request);

/// {"projects": table, "stages": table, "workload": table, "stage_time": table}, each as
/// RenderJson writes it.
std::string RenderPortfolioJson(const Portfolio& portfolio);
/// The four tables one after another, each under its name, as RenderCsv or RenderText write
/// them, separated by a blank line.
std::string RenderPortfolioCsv(const Portfolio& portfolio);
std::string RenderPortfolioText(const Portfolio& portfolio);

}  // namespace pipecrm::reports

#include "reports/report_catalog.hpp"

#include <algorithm>

#include "reports/forecast.hpp"
#include "reports/forecast_refresh.hpp"
#include "reports/funnel.hpp"
#include "reports/goals.hpp"
#include "reports/leaderboard.hpp"
#include "reports/leaderboard_refresh.hpp"
#include "reports/lost_reasons.hpp"
#include "reports/report_context.hpp"
#include "reports/report_facts.hpp"
#include "reports/stage_time.hpp"
#include "reports/stage_time_refresh.hpp"
#include "reports/stalled.hpp"

namespace pipecrm::reports {
namespace {

using ReportFn = ReportTable (*)(ReportContext&);

struct Entry {
    const char* name;
    ReportFn fn;
    ReportNeeds needs;
};

// events, activities, rates, snapshots, goals
const Entry kReports[] = {
    {"funnel", Funnel, {true, false, true, false, false}},
    {"conversion", Conversion, {true, false, true, false, false}},
    {"stage-time", StageTime, {true, false, true, false, false}},
    {"stalled", Stalled, {true, true, true, false, false}},
    {"lost-reasons", LostReasons, {false, false, true, false, false}},
    {"leaderboard", Leaderboard, {false, true, true, false, false}},
    {"forecast", Forecast, {true, false, true, true, false}},
    {"goals", Goals, {false, true, true, false, true}},
};

}  // namespace

const std::vector<std::string>& ReportNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const Entry& e : kReports) {
            out.emplace_back(e.name);
        }
        return out;
    }();
    return names;
}

bool ReportDependsOnClock(std::string_view name) {
    return name == "stage-time" || name == "stalled" || name == "goals";
}

Result<ReportTable> RunReport(std::string_view name,
                              const ReportData& data,
                              const ReportRequest& request) {
    for (const Entry& e : kReports) {
        if (name == e.name) {
            auto context = ReportContext::Build(data, request);
            if (!context.ok()) {
                return context.status();
            }
            return e.fn(*context);
        }
    }
    return NotFound("no report named \"" + std::string(name) + "\"", "report");
}

Result<ReportTable> LoadAndRunReport(domain::Repositories& repos,
                                     Id workspace_id,
                                     std::string_view name,
                                     ReportRequest request) {
    const Entry* entry = nullptr;
    for (const Entry& e : kReports) {
        if (name == e.name) {
            entry = &e;
        }
    }
    if (entry == nullptr) {
        return NotFound("no report named \"" + std::string(name) + "\"", "report");
    }
    auto workspace = repos.Workspaces().Get(workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    request.base_currency = workspace->default_currency;
    if (UsesReportFacts(name)) {
        // Derived data needs only the small lists and the rates besides its sums.
        ReportNeeds needs = FactFoldNeeds(false);
        needs.snapshots = name == "forecast";  // the forecast shows the snapshots beside it
        auto small = LoadReportData(repos, workspace_id, needs);
        if (!small.ok()) {
            return small.status();
        }
        auto derived = ReportFromFacts(repos, workspace_id, name, *small, request);
        if (!derived.ok()) {
            return derived.status();
        }
        if (*derived) {
            return std::move(**derived);
        }
    }
    auto data = LoadReportData(repos, workspace_id, entry->needs);
    if (!data.ok()) {
        return data.status();
    }
    return RunReport(name, *data, request);
}

}  // namespace pipecrm::reports

#include "reports/report_data.hpp"

namespace pipecrm::reports {
namespace {

template <typename T>
Status Into(Result<T>&& result, T& out) {
    if (!result.ok()) {
        return result.status();
    }
    out = std::move(*result);
    return Status::Ok();
}

}  // namespace

Result<ReportData> LoadReportData(domain::Repositories& repos,
                                  Id workspace_id,
                                  const ReportNeeds& needs) {
    ReportData data;
    domain::ListOptions all;
    all.limit = 1000000;
    PIPECRM_RETURN_IF_ERROR(Into(repos.Pipelines().List(workspace_id, all), data.pipelines));
    PIPECRM_RETURN_IF_ERROR(
        Into(repos.Stages().List(workspace_id, std::nullopt, all), data.stages));
    PIPECRM_RETURN_IF_ERROR(Into(repos.Users().List(workspace_id), data.users));
    PIPECRM_RETURN_IF_ERROR(Into(repos.Teams().List(workspace_id), data.teams));
    PIPECRM_RETURN_IF_ERROR(Into(repos.Teams().ListMemberships(workspace_id), data.memberships));
    domain::ReportSource& source = repos.Reports();
    if (needs.deals) {
        PIPECRM_RETURN_IF_ERROR(Into(source.LiveDeals(workspace_id), data.deals));
    }
    if (needs.deals && needs.events) {
        PIPECRM_RETURN_IF_ERROR(Into(source.EventsOfLiveDeals(workspace_id), data.events));
    }
    if (needs.activities) {
        PIPECRM_RETURN_IF_ERROR(Into(source.Activities(workspace_id), data.activities));
    }
    if (needs.rates) {
        PIPECRM_RETURN_IF_ERROR(Into(source.Rates(workspace_id), data.rates));
    }
    if (needs.snapshots) {
        PIPECRM_RETURN_IF_ERROR(Into(source.ForecastSnapshots(workspace_id), data.snapshots));
    }
    if (needs.goals) {
        PIPECRM_RETURN_IF_ERROR(Into(source.Goals(workspace_id), data.goals));
    }
    return data;
}

}  // namespace pipecrm::reports

// The reports' storage port (domain::ReportSource) on one connection (either backend). Reads name
// the visibility views (deals, activities), so a report sees what the viewer's lists show.
#pragma once

#include "domain/report_source.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// "SELECT <the columns ReadReportDeal reads> FROM deals": a deal without title and custom
/// fields (no report shows them).
extern const char* const kReportDealSelect;
domain::Deal ReadReportDeal(const Statement& s);
/// Puts each deal's events (read in deal, id order) in time order.
void SortEachDealsEvents(std::vector<domain::DealEvent>& events);

/// Not safe for concurrent use, like its connection.
class SqlReportSource final : public domain::ReportSource {
  public:
    explicit SqlReportSource(Connection& db) : db_(db) {}

    Result<std::vector<domain::Deal>> LiveDeals(Id workspace_id) override;
    Result<std::vector<domain::DealEvent>> EventsOfLiveDeals(Id workspace_id) override;
    Result<std::vector<domain::ActivityFacts>> Activities(Id workspace_id) override;
    Result<std::vector<domain::ExchangeRate>> Rates(Id workspace_id) override;
    Result<Id> AddRate(const domain::ExchangeRate& rate) override;
    Result<std::vector<domain::ForecastSnapshotRow>> ForecastSnapshots(Id workspace_id) override;
    Result<bool> HasForecastSnapshot(Id workspace_id, Date day) override;
    Result<bool> HasForecastDeals(Id workspace_id) override;
    Result<std::int64_t> NextForecastSnapshot(Id workspace_id) override;
    Status AddForecastSnapshotRow(const domain::ForecastSnapshotRow& row) override;
    Result<std::vector<domain::Goal>> Goals(Id workspace_id) override;
    Result<Id> AddGoal(const domain::Goal& goal) override;
    Status DeleteGoal(Id workspace_id, Id goal_id) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql

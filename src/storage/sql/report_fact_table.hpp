// The reports' derived data (domain::ReportFactStore) on one connection (either backend):
// report_watermarks, the funnels and the leaderboards facts and sums (migration 0018). Reads of
// facts and sums apply the deals' visibility predicate to the owner and visible_to they copy.
#pragma once

#include "domain/report_facts.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Not safe for concurrent use, like its connection.
class ReportFactTable final : public domain::ReportFactStore {
  public:
    explicit ReportFactTable(Connection& db) : db_(db) {}

    Result<std::optional<domain::ReportWatermark>> Watermark(Id workspace_id,
                                                             const std::string& time_zone,
                                                             const std::string& report) override;
    Status SetWatermark(Id workspace_id,
                        const std::string& time_zone,
                        const std::string& report,
                        const domain::ReportWatermark& watermark,
                        Instant now) override;
    Result<std::vector<std::string>> FoldedTimeZones(Id workspace_id,
                                                     const std::string& report) override;
    Result<domain::ReportWatermark> ChangeMarks(Id workspace_id) override;
    Result<std::vector<Id>> ChangedDeals(Id workspace_id,
                                         std::int64_t last_event_id,
                                         Instant updated_since) override;
    Result<std::vector<domain::Deal>> LiveDealsAmong(Id workspace_id,
                                                     const std::vector<Id>& deal_ids) override;
    Result<std::vector<domain::DealEvent>> EventsOf(Id workspace_id,
                                                    const std::vector<Id>& deal_ids) override;
    Result<std::vector<domain::FunnelFact>> FunnelFactsOf(Id workspace_id,
                                                          const std::string& time_zone,
                                                          const std::vector<Id>& deal_ids) override;
    Status DeleteFunnelFacts(Id workspace_id,
                             const std::string& time_zone,
                             const std::vector<Id>& deal_ids) override;
    Status AddFunnelFacts(Id workspace_id,
                          const std::string& time_zone,
                          const std::vector<domain::FunnelFact>& facts) override;
    Status AddToFunnelSums(Id workspace_id,
                           const std::string& time_zone,
                           const std::vector<domain::FunnelSumDelta>& deltas) override;
    Status ClearFunnel(Id workspace_id, const std::string& time_zone) override;
    Result<std::vector<std::pair<Id, domain::FunnelFigures>>> FunnelSums(
        const domain::FunnelScope& scope) override;
    Result<std::vector<domain::FunnelFact>> UnconvertedFunnelFacts(
        const domain::FunnelScope& scope) override;

    Result<std::vector<Id>> ChangedActivities(Id workspace_id, Instant updated_since) override;
    Result<std::vector<std::pair<domain::ActivityFact, Instant>>> DoneActivitiesAmong(
        Id workspace_id, const std::vector<Id>& activity_ids) override;
    Result<std::vector<std::pair<domain::ActivityFact, Instant>>> DoneActivities(
        Id workspace_id) override;
    Result<std::vector<domain::DealFact>> DealFactsOf(Id workspace_id,
                                                      const std::string& time_zone,
                                                      const std::vector<Id>& deal_ids) override;
    Status DeleteDealFacts(Id workspace_id,
                           const std::string& time_zone,
                           const std::vector<Id>& deal_ids) override;
    Status AddDealFacts(Id workspace_id,
                        const std::string& time_zone,
                        const std::vector<domain::DealFact>& facts) override;
    Result<std::vector<domain::ActivityFact>> ActivityFactsOf(
        Id workspace_id,
        const std::string& time_zone,
        const std::vector<Id>& activity_ids) override;
    Status DeleteActivityFacts(Id workspace_id,
                               const std::string& time_zone,
                               const std::vector<Id>& activity_ids) override;
    Status AddActivityFacts(Id workspace_id,
                            const std::string& time_zone,
                            const std::vector<domain::ActivityFact>& facts) override;
    Status AddToLeaderboardSums(Id workspace_id,
                                const std::string& time_zone,
                                const std::vector<domain::LeaderboardSumDelta>& deltas) override;
    Status ClearLeaderboard(Id workspace_id, const std::string& time_zone) override;
    Result<std::vector<domain::LeaderboardSum>> LeaderboardSums(
        const domain::LeaderboardScope& scope) override;
    Result<std::vector<Id>> LeaderboardDealOwners(const domain::LeaderboardScope& scope) override;
    Result<std::vector<domain::DealFact>> UnconvertedWonDeals(
        const domain::LeaderboardScope& scope) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql

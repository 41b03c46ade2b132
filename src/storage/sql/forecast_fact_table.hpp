// The forecast's derived data (domain::ForecastFactStore) on one connection (either backend):
// report_forecast_facts, _won_sums, _stage_closes and _lists (migration 0020). Reads of sums and
// lists apply the deals' visibility predicate to the owner and visible_to they copy.
#pragma once

#include "domain/forecast_facts.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Not safe for concurrent use, like its connection.
class ForecastFactTable final : public domain::ForecastFactStore {
  public:
    explicit ForecastFactTable(Connection& db) : db_(db) {}

    Result<std::vector<domain::ForecastFact>> ForecastFactsOf(
        Id workspace_id, const std::string& time_zone, const std::vector<Id>& deal_ids) override;
    Status DeleteForecastFacts(Id workspace_id,
                               const std::string& time_zone,
                               const std::vector<Id>& deal_ids) override;
    Status AddForecastFacts(Id workspace_id,
                            const std::string& time_zone,
                            const std::vector<domain::ForecastFact>& facts) override;
    Status AddToForecastSums(Id workspace_id,
                             const std::string& time_zone,
                             const std::vector<domain::ForecastWonDelta>& won,
                             const std::vector<domain::ForecastCloseDelta>& closes) override;
    Result<std::vector<domain::ForecastList>> ForecastListsAt(
        Id workspace_id,
        const std::string& time_zone,
        const std::vector<domain::ForecastListKey>& keys) override;
    Status SetForecastLists(Id workspace_id,
                            const std::string& time_zone,
                            const std::vector<domain::ForecastList>& lists) override;
    Status ClearForecast(Id workspace_id, const std::string& time_zone) override;

    Result<std::vector<domain::ForecastList>> ForecastLists(
        const domain::ForecastScope& scope) override;
    Result<std::vector<domain::ForecastWonSum>> ForecastWonSums(
        const domain::ForecastScope& scope) override;
    Result<std::vector<domain::ForecastCloseDelta>> ForecastStageCloses(
        const domain::ForecastScope& scope) override;
    Result<std::vector<domain::ForecastFact>> UnconvertedForecastFacts(
        const domain::ForecastScope& scope) override;

  private:
    Connection& db_;
};

/// The deals of a list of `month` (nothing for the list without one) as the compact text
/// stored in report_forecast_lists.deals (by deal id; days must fall in the month), and back
/// (kInternal for text that is not such a list).
std::string EncodeForecastDeals(const std::optional<Date>& month,
                                std::vector<domain::ForecastOpenDeal> deals);
Result<std::vector<domain::ForecastOpenDeal>> DecodeForecastDeals(const std::optional<Date>& month,
                                                                  std::string_view text);

}  // namespace pipecrm::storage::sql

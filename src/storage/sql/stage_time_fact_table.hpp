// The stage-time report's derived data (domain::StageTimeFactStore) on one connection (either
// backend): report_stage_time_facts, _hists and _lists (migration 0019). Histograms, lists and
// visits are packed into TEXT (portable to both backends); reads of histograms and lists apply
// the deals' visibility predicate to the owner and visible_to they copy.
#pragma once

#include "domain/stage_time_facts.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Not safe for concurrent use, like its connection.
class StageTimeFactTable final : public domain::StageTimeFactStore {
  public:
    explicit StageTimeFactTable(Connection& db) : db_(db) {}

    Result<std::vector<domain::DealVisitFacts>> VisitFactsOf(
        Id workspace_id, const std::string& time_zone, const std::vector<Id>& deal_ids) override;
    Status DeleteVisitFacts(Id workspace_id,
                            const std::string& time_zone,
                            const std::vector<Id>& deal_ids) override;
    Status AddVisitFacts(Id workspace_id,
                         const std::string& time_zone,
                         const std::vector<domain::DealVisitFacts>& facts) override;
    Status ApplyStageTimeChanges(Id workspace_id,
                                 const std::string& time_zone,
                                 const domain::StageTimeChanges& changes) override;
    Status ClearStageTime(Id workspace_id, const std::string& time_zone) override;
    Result<std::vector<domain::StageTimeHistRow>> StageTimeHistograms(
        const domain::StageTimeScope& scope, domain::StageTimeKind kind) override;
    Result<std::vector<std::int64_t>> StageTimeValues(const domain::StageTimeScope& scope,
                                                      domain::StageTimeKind kind,
                                                      Id stage_id,
                                                      std::int64_t bucket) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql

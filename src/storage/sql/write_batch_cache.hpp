// What the writer's repositories remember from one job of a write transaction to the next:
// the workspace set-up that nearly every deal write reads and hardly any write changes (stage
// rows, the first stage, the custom field definitions, whether any webhook or automation rule
// exists). A batch of 64 deal
// creates then looks its default stage up once instead of 64 times.
//
// It holds only inside one transaction: the store turns it on after BEGIN and off at COMMIT
// or ROLLBACK, so nothing committed by another connection or server in between can be missed
// (SQLite's write lock, PostgreSQL's REPEATABLE READ snapshot). Within the transaction every
// write to stages, pipelines, custom fields, webhooks or automation rules, and every
// rolled-back savepoint, forgets it all. Reader sessions never turn it on.
#pragma once

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "base/ids.hpp"
#include "domain/custom_field.hpp"
#include "domain/stage.hpp"

namespace pipecrm::storage::sql {

/// Not safe for concurrent use, like the connection it belongs to.
class WriteBatchCache {
  public:
    /// Starts remembering, empty (after BEGIN).
    void Begin();
    /// Stops remembering and forgets (at COMMIT or ROLLBACK).
    void End();
    /// Forgets everything; remembering goes on (a set-up row changed, a savepoint rolled back).
    void Forget();

    /// A stage by (workspace, id), or nothing when not remembered.
    const domain::Stage* Stage(Id workspace_id, Id stage_id) const;
    void RememberStage(const domain::Stage& stage);

    /// The first stage of a pipeline (pipeline 0: of the first pipeline); the outer optional
    /// is empty when not remembered, the inner one when there is no such stage.
    std::optional<std::optional<domain::Stage>> FirstStage(Id workspace_id, Id pipeline_id) const;
    void RememberFirstStage(Id workspace_id,
                            Id pipeline_id,
                            const std::optional<domain::Stage>& stage);

    /// The live custom fields of one kind of record, in List order, when remembered.
    const std::vector<domain::CustomField>* CustomFields(Id workspace_id,
                                                         domain::FieldEntity entity) const;
    void RememberCustomFields(Id workspace_id,
                              domain::FieldEntity entity,
                              const std::vector<domain::CustomField>& fields);

    /// Whether the workspace has a live webhook / an active rule, when remembered.
    std::optional<bool> AnyWebhook(Id workspace_id) const;
    void RememberAnyWebhook(Id workspace_id, bool any);
    std::optional<bool> AnyRule(Id workspace_id) const;
    void RememberAnyRule(Id workspace_id, bool any);

  private:
    using Key = std::pair<Id, Id>;
    bool active_ = false;
    std::map<Key, domain::Stage> stages_;
    std::map<Key, std::optional<domain::Stage>> first_stages_;
    std::map<std::pair<Id, domain::FieldEntity>, std::vector<domain::CustomField>> custom_fields_;
    std::map<Id, bool> any_webhook_;
    std::map<Id, bool> any_rule_;
};

}  // namespace pipecrm::storage::sql

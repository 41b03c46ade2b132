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
#include "base/status.hpp"
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

    /// What may exist in a workspace or not.
    enum class SetUp { kWebhook, kRule };
    /// Whether the workspace has a live webhook or an active rule: remembered, or asked of
    /// `look` (Result<bool>()) once per transaction.
    template <typename LookFn>
    Result<bool> Any(SetUp what, Id workspace_id, LookFn&& look) {
        const auto key = std::pair{what, workspace_id};
        if (auto found = any_.find(key); found != any_.end()) {
            return found->second;
        }
        Result<bool> any = look();
        if (any.ok() && active_) {
            any_.insert_or_assign(key, *any);
        }
        return any;
    }

  private:
    using Key = std::pair<Id, Id>;
    bool active_ = false;
    std::map<Key, domain::Stage> stages_;
    std::map<Key, std::optional<domain::Stage>> first_stages_;
    std::map<std::pair<Id, domain::FieldEntity>, std::vector<domain::CustomField>> custom_fields_;
    std::map<std::pair<SetUp, Id>, bool> any_;
};

}  // namespace pipecrm::storage::sql

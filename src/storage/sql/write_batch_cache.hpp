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

    // Each gives what it remembers, or asks `load` (a Result of the same type) and remembers
    // the answer while the transaction lasts. Errors are never remembered.

    /// A stage by (workspace, id).
    template <typename LoadFn>
    Result<domain::Stage> Stage(Id workspace_id, Id stage_id, LoadFn&& load) {
        return Recall(stages_, std::pair{workspace_id, stage_id}, load);
    }
    /// The first stage of a pipeline (pipeline 0: of the first pipeline), if any.
    template <typename LoadFn>
    Result<std::optional<domain::Stage>> FirstStage(Id workspace_id,
                                                    Id pipeline_id,
                                                    LoadFn&& load) {
        return Recall(first_stages_, std::pair{workspace_id, pipeline_id}, load);
    }
    /// The live custom fields of one kind of record, in List order.
    template <typename LoadFn>
    Result<std::vector<domain::CustomField>> CustomFields(Id workspace_id,
                                                          domain::FieldEntity entity,
                                                          LoadFn&& load) {
        return Recall(custom_fields_, std::pair{workspace_id, entity}, load);
    }
    /// What may exist in a workspace or not.
    enum class SetUp { kWebhook, kRule };
    /// Whether the workspace has a live webhook or an active rule.
    template <typename LoadFn>
    Result<bool> Any(SetUp what, Id workspace_id, LoadFn&& load) {
        return Recall(any_, std::pair{what, workspace_id}, load);
    }

  private:
    template <typename Map, typename Key, typename LoadFn>
    auto Recall(Map& map, const Key& key, LoadFn& load) -> decltype(load()) {
        if (auto found = map.find(key); found != map.end()) {
            return found->second;
        }
        auto loaded = load();
        if (loaded.ok() && active_) {
            map.insert_or_assign(key, *loaded);
        }
        return loaded;
    }

    bool active_ = false;
    std::map<std::pair<Id, Id>, domain::Stage> stages_;
    std::map<std::pair<Id, Id>, std::optional<domain::Stage>> first_stages_;
    std::map<std::pair<Id, domain::FieldEntity>, std::vector<domain::CustomField>> custom_fields_;
    std::map<std::pair<SetUp, Id>, bool> any_;
};

}  // namespace pipecrm::storage::sql

#include "storage/sql/write_batch_cache.hpp"

namespace pipecrm::storage::sql {
namespace {

template <typename Map, typename Key>
auto Find(const Map& map, const Key& key) -> decltype(&map.begin()->second) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

}  // namespace

void WriteBatchCache::Begin() {
    Forget();
    active_ = true;
}

void WriteBatchCache::End() {
    Forget();
    active_ = false;
}

void WriteBatchCache::Forget() {
    stages_.clear();
    first_stages_.clear();
    custom_fields_.clear();
    any_webhook_.clear();
    any_rule_.clear();
}

const domain::Stage* WriteBatchCache::Stage(Id workspace_id, Id stage_id) const {
    return Find(stages_, Key{workspace_id, stage_id});
}

void WriteBatchCache::RememberStage(const domain::Stage& stage) {
    if (active_) {
        stages_.insert_or_assign(Key{stage.workspace_id, stage.id}, stage);
    }
}

std::optional<std::optional<domain::Stage>> WriteBatchCache::FirstStage(Id workspace_id,
                                                                        Id pipeline_id) const {
    const std::optional<domain::Stage>* found = Find(first_stages_, Key{workspace_id, pipeline_id});
    if (found == nullptr) {
        return std::nullopt;
    }
    return std::optional<std::optional<domain::Stage>>(std::in_place, *found);
}

void WriteBatchCache::RememberFirstStage(Id workspace_id,
                                         Id pipeline_id,
                                         const std::optional<domain::Stage>& stage) {
    if (active_) {
        first_stages_.insert_or_assign(Key{workspace_id, pipeline_id}, stage);
    }
}

const std::vector<domain::CustomField>* WriteBatchCache::CustomFields(
    Id workspace_id, domain::FieldEntity entity) const {
    return Find(custom_fields_, std::pair{workspace_id, entity});
}

void WriteBatchCache::RememberCustomFields(Id workspace_id,
                                           domain::FieldEntity entity,
                                           const std::vector<domain::CustomField>& fields) {
    if (active_) {
        custom_fields_.insert_or_assign(std::pair{workspace_id, entity}, fields);
    }
}

std::optional<bool> WriteBatchCache::AnyWebhook(Id workspace_id) const {
    const bool* found = Find(any_webhook_, workspace_id);
    return found ? std::optional<bool>(*found) : std::nullopt;
}

void WriteBatchCache::RememberAnyWebhook(Id workspace_id, bool any) {
    if (active_) {
        any_webhook_.insert_or_assign(workspace_id, any);
    }
}

std::optional<bool> WriteBatchCache::AnyRule(Id workspace_id) const {
    const bool* found = Find(any_rule_, workspace_id);
    return found ? std::optional<bool>(*found) : std::nullopt;
}

void WriteBatchCache::RememberAnyRule(Id workspace_id, bool any) {
    if (active_) {
        any_rule_.insert_or_assign(workspace_id, any);
    }
}

}  // namespace pipecrm::storage::sql

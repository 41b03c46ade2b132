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
    any_.clear();
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

}  // namespace pipecrm::storage::sql

#include "storage/sql/write_batch_cache.hpp"

namespace pipecrm::storage::sql {

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

}  // namespace pipecrm::storage::sql

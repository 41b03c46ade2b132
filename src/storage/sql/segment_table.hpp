// Live counts of saved filters (segments) on SQLite, with the filter compiled by filter_sql.
#pragma once

#include "domain/segment_repository.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class SegmentTable final : public domain::SegmentRepository {
  public:
    explicit SegmentTable(Connection& db) : db_(db) {}
    Result<std::int64_t> Count(Id workspace_id,
                               domain::FilterType type,
                               const domain::FilterConditions& conditions) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql

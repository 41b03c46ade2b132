// DealLabelRepository on both backends (migration 0014), and the text form of a deal's labels
// in deals.label_ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/repositories.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// deals.label_ids of these ids: "3,7" (the ids as given, comma-separated; "" for none).
std::string LabelIdsText(const std::vector<Id>& ids);
/// The ids of a deals.label_ids text; anything that is not a number is skipped.
std::vector<Id> ParseLabelIdsText(std::string_view text);
/// The LIKE pattern that matches ',' || label_ids || ',' of a deal carrying the label.
std::string LabelIdPattern(Id label_id);

/// Not safe for concurrent use, like its connection.
class DealLabelTable final : public domain::DealLabelRepository {
  public:
    explicit DealLabelTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const domain::DealLabel& label) override;
    Result<domain::DealLabel> Get(Id workspace_id, Id id) override;
    Status Update(const domain::DealLabel& label) override;
    Result<std::vector<domain::DealLabel>> List(Id workspace_id) override;
    Result<std::int64_t> RemoveFromDeals(Id workspace_id, Id label_id) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql

// The storage port of call lists.
#pragma once

#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/call_list.hpp"

namespace pipecrm::domain {

class CallListRepository {
  public:
    virtual ~CallListRepository() = default;
    virtual Result<Id> Insert(const CallList& list) = 0;
    virtual Result<Id> InsertItem(Id workspace_id, const CallListItem& item) = 0;
    virtual Result<CallList> Get(Id workspace_id, Id id) = 0;
    /// The workspace's call lists, newest first.
    virtual Result<std::vector<CallList>> List(Id workspace_id) = 0;
    /// One rep's items of the list, in order (every rep's when `user_id` is empty).
    virtual Result<std::vector<CallListItem>> Items(Id workspace_id,
                                                    Id call_list_id,
                                                    OptionalId user_id) = 0;
};

}  // namespace pipecrm::domain

#include "domain/store.hpp"

#include <future>

namespace pipecrm::domain {

Status Store::WriteAndWait(StoreJob job) {
    std::promise<Status> outcome;
    auto future = outcome.get_future();
    Write(std::move(job), [&outcome](Status status) { outcome.set_value(std::move(status)); });
    return future.get();
}

}  // namespace pipecrm::domain

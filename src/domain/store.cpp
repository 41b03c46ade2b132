#include "domain/store.hpp"

#include <condition_variable>
#include <mutex>

namespace pipecrm::domain {

Status Store::WriteAndWait(StoreJob job) {
    // Lives on this stack until the outcome arrives; `done` holds only a pointer to it, so no
    // allocation happens per write beyond the job itself.
    struct Outcome {
        std::mutex mutex;  // guards ready and status
        std::condition_variable cv;
        bool ready = false;
        Status status;
    } outcome;
    Write(std::move(job), [&outcome](Status status) {
        std::lock_guard lock(outcome.mutex);
        outcome.status = std::move(status);
        outcome.ready = true;
        // Notified while holding the lock: the waiter cannot return and destroy `outcome`
        // before this function has let go of it.
        outcome.cv.notify_one();
    });
    std::unique_lock lock(outcome.mutex);
    outcome.cv.wait(lock, [&outcome] { return outcome.ready; });
    return std::move(outcome.status);
}

}  // namespace pipecrm::domain

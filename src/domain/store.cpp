#include "domain/store.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>

namespace pipecrm::domain {
namespace {

// Calls `write` with a WriteDone and waits until the store calls it.
template <typename WriteCall>
Status WaitForWrite(WriteCall&& write) {
    struct Outcome {
        std::mutex mutex;  // guards ready and status
        std::condition_variable cv;
        bool ready = false;
        Status status;
    };
    // Shared with `done`, so that the store can notify after unlocking: a caller woken while
    // the store still held the mutex would only block again on it (two context switches
    // instead of one), and once unlocked the caller may return while the store is still in
    // notify_one. The pointer fits std::function's inline buffer.
    auto outcome = std::make_shared<Outcome>();
    write([outcome](Status status) {
        {
            std::lock_guard lock(outcome->mutex);
            outcome->status = std::move(status);
            outcome->ready = true;
        }
        outcome->cv.notify_one();
    });
    std::unique_lock lock(outcome->mutex);
    outcome->cv.wait(lock, [&outcome] { return outcome->ready; });
    return std::move(outcome->status);
}

}  // namespace

Status Store::WriteAndWait(StoreJob job) {
    return WaitForWrite([&](WriteDone done) { Write(std::move(job), std::move(done)); });
}

Status Store::WriteBulkAndWait(StoreJob job) {
    return WaitForWrite([&](WriteDone done) { WriteBulk(std::move(job), std::move(done)); });
}

}  // namespace pipecrm::domain

#include "app/buffered_log.hpp"

#include <unistd.h>

#include <cerrno>

namespace pipecrm::app {
namespace {
constexpr std::size_t kFlushAt = 64 * 1024;
}

BufferedLog::BufferedLog(int fd, std::chrono::milliseconds interval)
    : fd_(fd), interval_(interval), flusher_([this] { FlushLoop(); }) {}

BufferedLog::~BufferedLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    flusher_.join();
}

void BufferedLog::Write(std::string_view line) {
    bool full = false;
    {
        std::lock_guard lock(mutex_);
        buffer_.append(line);
        buffer_.push_back('\n');
        full = buffer_.size() >= kFlushAt;
    }
    if (full) {
        wake_.notify_one();
    }
}

void BufferedLog::FlushLoop() {
    std::string chunk;
    for (;;) {
        bool stop = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, interval_,
                           [this] { return stopping_ || buffer_.size() >= kFlushAt; });
            chunk.swap(buffer_);
            stop = stopping_;
        }
        WriteOut(chunk);
        chunk.clear();
        if (stop) {
            return;
        }
    }
}

void BufferedLog::WriteOut(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;  // nowhere to log to; dropping log text is better than blocking requests
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace pipecrm::app

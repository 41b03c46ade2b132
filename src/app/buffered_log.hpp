// Log lines collected in memory and written to a file descriptor in chunks, so that a busy
// server does not make one write(2) per request. Lines reach the fd within `interval`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace pipecrm::app {

/// Safe for concurrent use. The destructor writes whatever is left.
class BufferedLog {
  public:
    explicit BufferedLog(int fd,
                         std::chrono::milliseconds interval = std::chrono::milliseconds(200));
    ~BufferedLog();
    BufferedLog(const BufferedLog&) = delete;
    BufferedLog& operator=(const BufferedLog&) = delete;

    /// Appends one line (a newline is added).
    void Write(std::string_view line);

  private:
    void FlushLoop();
    void WriteOut(const std::string& text);

    const int fd_;
    const std::chrono::milliseconds interval_;
    std::mutex mutex_;  // guards buffer_ and stopping_
    std::condition_variable wake_;
    std::string buffer_;
    bool stopping_ = false;
    std::thread flusher_;
};

}  // namespace pipecrm::app

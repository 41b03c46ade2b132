// Running the real pipecrm binary from tests and benchmarks: CLI commands with captured output,
// and `pipecrm serve` as a child process on a free loopback port.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace pipecrm::testing {

/// The binary under test: $PIPECRM_BINARY (set by ctest), else build/debug/pipecrm.
std::string PipecrmBinary();

/// A fresh directory under $TMPDIR, removed with its contents on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string File(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `pipecrm args...` with extra environment entries ("NAME=value"), no stdin, and waits.
CommandResult RunPipecrm(const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {});

/// `pipecrm init` (admin admin@example.com, password "correct horse") and a token for the
/// admin. Aborts the test binary with a message if either fails.
std::string InitDatabaseWithToken(const std::string& db, const std::string& lang = "en");

/// `pipecrm serve` on 127.0.0.1 with a free port, started and listening.
class ServerProcess {
  public:
    /// Starts the server and waits until it prints its address (up to 20 s). `extra_args` are
    /// more `serve` options.
    explicit ServerProcess(const std::string& db,
                           int threads = 2,
                           const std::vector<std::string>& extra_args = {});
    /// Sends SIGTERM and waits if still running.
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool started() const { return port_ != 0; }
    std::uint16_t port() const { return port_; }
    pid_t pid() const { return pid_; }
    /// Sends a signal (SIGTERM, SIGKILL, ...).
    void Signal(int signal_number);
    /// Waits for exit; returns the exit code, or 128+signal when killed. -1 on timeout.
    int Wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    /// What the server wrote to stderr so far (the access log).
    std::string Log() const;

  private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::string log_path_;
    bool remove_log_ = false;
    bool exited_ = false;
    int exit_code_ = -1;
};

}  // namespace pipecrm::testing

#include "support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace pipecrm::testing {
namespace {

std::string ReadAll(int fd) {
    std::string out;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            out.append(buf, static_cast<std::size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return out;
        }
    }
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// fork + exec of the binary with args and extra env; stdout/stderr to the given fds.
// Everything the child needs is built before fork: only async-signal-safe calls after it.
pid_t Spawn(const std::vector<std::string>& args,
            const std::vector<std::string>& env,
            int out_fd,
            int err_fd) {
    std::vector<std::string> argv_storage;
    argv_storage.push_back(PipecrmBinary());
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_storage(env);
    std::vector<char*> envp;
    for (std::string& entry : env_storage) {
        envp.push_back(entry.data());
    }
    for (char** entry = environ; *entry != nullptr; ++entry) {
        envp.push_back(*entry);
    }
    envp.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        int null_fd = ::open("/dev/null", O_RDONLY);
        ::dup2(null_fd, 0);
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        ::execve(argv[0], argv.data(), envp.data());
        static const char kFailed[] = "exec of the pipecrm binary failed\n";
        ssize_t ignored = ::write(2, kFailed, sizeof kFailed - 1);
        (void)ignored;
        ::_exit(127);
    }
    return pid;
}

int DecodeWaitStatus(int status) {
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return -1;
}

}  // namespace

std::string PipecrmBinary() {
    if (const char* binary = std::getenv("PIPECRM_BINARY")) {
        return binary;
    }
    return "build/debug/pipecrm";
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pipecrm-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::cerr << "cannot create a temporary directory: " << std::strerror(errno) << "\n";
        std::abort();
    }
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

CommandResult RunPipecrm(const std::vector<std::string>& args,
                         const std::vector<std::string>& env) {
    char out_path[] = "/tmp/pipecrm-out-XXXXXX";
    char err_path[] = "/tmp/pipecrm-err-XXXXXX";
    int out_fd = ::mkstemp(out_path);
    int err_fd = ::mkstemp(err_path);
    pid_t pid = Spawn(args, env, out_fd, err_fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    CommandResult result;
    result.exit_code = DecodeWaitStatus(status);
    ::lseek(out_fd, 0, SEEK_SET);
    ::lseek(err_fd, 0, SEEK_SET);
    result.out = ReadAll(out_fd);
    result.err = ReadAll(err_fd);
    ::close(out_fd);
    ::close(err_fd);
    ::unlink(out_path);
    ::unlink(err_path);
    return result;
}

std::string InitDatabaseWithToken(const std::string& db, const std::string& lang) {
    CommandResult init =
        RunPipecrm({"init", "--db", db, "--admin-email", "admin@example.com", "--lang", lang},
                   {"PIPECRM_ADMIN_PASSWORD=correct horse"});
    if (init.exit_code != 0) {
        std::cerr << "pipecrm init failed: " << init.err << "\n";
        std::abort();
    }
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db, "--email", "admin@example.com"});
    if (token.exit_code != 0 || token.out.size() < 41) {
        std::cerr << "pipecrm token create failed: " << token.err << "\n";
        std::abort();
    }
    return token.out.substr(0, token.out.find('\n'));
}

ServerProcess::ServerProcess(const std::string& db,
                             int threads,
                             const std::vector<std::string>& extra_args) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) {
        return;
    }
    // Beside a database file; for a database on a server (postgresql://), in a file of its
    // own, removed with this object.
    if (db.find("://") == std::string::npos) {
        log_path_ = db + ".server.log";
    } else {
        char pattern[] = "/tmp/pipecrm-server-log-XXXXXX";
        const int fd = ::mkstemp(pattern);
        if (fd >= 0) {
            ::close(fd);
        }
        log_path_ = pattern;
        remove_log_ = true;
    }
    int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<std::string> args = {
        "serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", std::to_string(threads)};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = Spawn(args, {}, pipe_fds[1], log_fd);
    ::close(pipe_fds[1]);
    ::close(log_fd);
    // Read the "listening on http://127.0.0.1:PORT" line, with a deadline.
    ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline && line.find('\n') == std::string::npos) {
        char buf[256];
        ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
        if (n > 0) {
            line.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0) {
            break;  // the server exited
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    ::close(pipe_fds[0]);
    const std::string marker = "127.0.0.1:";
    auto at = line.find(marker);
    if (at != std::string::npos) {
        port_ = static_cast<std::uint16_t>(std::atoi(line.c_str() + at + marker.size()));
    } else {
        std::cerr << "pipecrm serve did not start: " << ReadFile(log_path_) << "\n";
    }
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0 && !exited_) {
        Signal(SIGTERM);
        if (Wait(std::chrono::seconds(20)) < 0) {
            Signal(SIGKILL);
            Wait();
        }
    }
    if (remove_log_) {
        ::unlink(log_path_.c_str());
    }
}

void ServerProcess::Signal(int signal_number) {
    if (pid_ > 0 && !exited_) {
        ::kill(pid_, signal_number);
    }
}

int ServerProcess::Wait(std::chrono::milliseconds timeout) {
    if (exited_) {
        return exit_code_;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            exited_ = true;
            exit_code_ = DecodeWaitStatus(status);
            return exit_code_;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string ServerProcess::Log() const {
    return ReadFile(log_path_);
}

}  // namespace pipecrm::testing

#include "support/postgres_cluster.hpp"

#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pipecrm::testing {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A port nothing listens on right now. Another process may take it before the server binds
// it; Start() then tries another.
std::uint16_t FreeLoopbackPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    std::uint16_t port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

}  // namespace

std::string PostgresBinDir() {
    if (const char* dir = std::getenv("PIPECRM_PG_BINDIR")) {
        return dir;
    }
    std::error_code error;
    std::string best;
    int best_version = -1;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
        const std::string version = entry.path().filename().string();
        const int number = std::atoi(version.c_str());
        if (number > best_version && std::filesystem::exists(entry.path() / "bin" / "initdb")) {
            best_version = number;
            best = (entry.path() / "bin").string();
        }
    }
    return best;
}

PostgresCluster::PostgresCluster(bool durable) : bin_dir_(PostgresBinDir()), durable_(durable) {
    if (bin_dir_.empty()) {
        error_ =
            "no PostgreSQL server programs in /usr/lib/postgresql/*/bin (scripts/setup "
            "installs the postgresql package)";
        return;
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "pipecrm-pg-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        error_ = std::string("cannot create a temporary directory: ") + std::strerror(errno);
        return;
    }
    dir_ = pattern;
    data_dir_ = dir_ + "/data";
    if (::geteuid() == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        if (nobody == nullptr) {
            error_ = "running as root and there is no user `nobody` to run PostgreSQL as";
            return;
        }
        run_as_uid_ = static_cast<int>(nobody->pw_uid);
        run_as_gid_ = static_cast<int>(nobody->pw_gid);
        if (::chown(dir_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
            error_ =
                std::string("cannot give the cluster directory to nobody: ") + std::strerror(errno);
            return;
        }
    }
    std::string output;
    // --no-sync (and fsync=off below unless durable): a test cluster need not survive a power
    // cut.
    if (Run("initdb",
            {"-D", data_dir_, "-U", "pipecrm", "-A", "trust", "-E", "UTF8", "--locale=C",
             "--no-sync", "--no-instructions"},
            &output) != 0) {
        error_ = "initdb failed: " + output;
        return;
    }
    if (!Start()) {
        return;
    }
    if (!CreateDatabase("pipecrm_test")) {
        port_ = 0;
    }
}

bool PostgresCluster::Start() {
    std::string output;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::uint16_t port = FreeLoopbackPort();
        std::string options =
            "-c listen_addresses=127.0.0.1 -p " + std::to_string(port) + " -k " + dir_;
        if (!durable_) {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }
        if (Run("pg_ctl",
                {"-D", data_dir_, "-l", dir_ + "/server.log", "-w", "-t", "60", "-o", options,
                 "start"},
                &output) == 0) {
            port_ = port;
            server_running_ = true;
            return true;
        }
        // pg_ctl may have left a server starting up; stop it before another try.
        Run("pg_ctl", {"-D", data_dir_, "-m", "immediate", "-w", "stop"}, nullptr);
    }
    error_ = "pg_ctl start failed: " + output + Log();
    return false;
}

PostgresCluster::PostgresCluster(AdoptTag, const std::string& dir, std::uint16_t port)
    : bin_dir_(PostgresBinDir()), dir_(dir), data_dir_(dir + "/data"), port_(port) {
    struct stat info {};
    if (::stat(dir_.c_str(), &info) != 0) {
        error_ = "no cluster directory " + dir_;
        port_ = 0;
        dir_.clear();
        return;
    }
    if (::geteuid() == 0 && info.st_uid != 0) {
        run_as_uid_ = static_cast<int>(info.st_uid);
        run_as_gid_ = static_cast<int>(info.st_gid);
    }
    server_running_ = true;
}

std::unique_ptr<PostgresCluster> PostgresCluster::Adopt(const std::string& dir,
                                                        std::uint16_t port) {
    return std::unique_ptr<PostgresCluster>(new PostgresCluster(AdoptTag{}, dir, port));
}

PostgresCluster::~PostgresCluster() {
    if (detached_) {
        return;
    }
    if (server_running_) {
        Run("pg_ctl", {"-D", data_dir_, "-m", "immediate", "-w", "-t", "60", "stop"}, nullptr);
    }
    if (!dir_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
}

std::string PostgresCluster::Url(const std::string& database) const {
    return "postgresql://pipecrm@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

bool PostgresCluster::CreateDatabase(const std::string& name) {
    std::string output;
    if (Run("createdb", {"-h", "127.0.0.1", "-p", std::to_string(port_), "-U", "pipecrm", name},
            &output) != 0) {
        error_ = "createdb " + name + " failed: " + output;
        return false;
    }
    return true;
}

std::string PostgresCluster::Log() const {
    return ReadFile(dir_ + "/server.log");
}

int PostgresCluster::Run(const std::string& program,
                         const std::vector<std::string>& args,
                         std::string* output) {
    // The output goes to a file the parent opened, so the child's user needs no access to it.
    char out_path[] = "/tmp/pipecrm-pg-out-XXXXXX";
    const int out_fd = ::mkstemp(out_path);
    if (out_fd < 0) {
        return -1;
    }
    std::vector<std::string> argv_storage = {bin_dir_ + "/" + program};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    const uid_t uid = static_cast<uid_t>(run_as_uid_);
    const gid_t gid = static_cast<gid_t>(run_as_gid_);
    const bool switch_user = run_as_uid_ >= 0;
    const std::string dir = dir_;
    // Only async-signal-safe calls between fork and exec.
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_RDONLY);
        ::dup2(null_fd, 0);
        ::dup2(out_fd, 1);
        ::dup2(out_fd, 2);
        if (switch_user &&
            (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
            ::_exit(126);
        }
        if (::chdir(dir.c_str()) != 0) {
            ::_exit(126);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (pid > 0 && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(out_fd);
    if (output != nullptr) {
        *output = ReadFile(out_path);
    }
    ::unlink(out_path);
    if (pid < 0) {
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace pipecrm::testing

// A throwaway PostgreSQL cluster for tests: Debian's initdb and pg_ctl into a temporary
// directory, listening only on 127.0.0.1 on a free port (its unix socket inside that
// directory), one database created, stopped and removed on destruction.
//
// PostgreSQL refuses to run as root. When the tests run as root (CI, containers), the cluster
// runs as the unprivileged `nobody` user, which every Debian system has, and its directory is
// owned by that user; otherwise it runs as the current user.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pipecrm::testing {

class PostgresCluster {
  public:
    /// Creates and starts the cluster and the database `pipecrm_test` (a few seconds). On
    /// failure started() is false and error() says why. Never waits for input. A test cluster
    /// skips fsync; a `durable` one (for benchmarks) keeps PostgreSQL's default durability.
    explicit PostgresCluster(bool durable = false);
    /// Stops the server (immediate shutdown) and removes the directory.
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    bool started() const { return port_ != 0; }
    const std::string& error() const { return error_; }
    std::uint16_t port() const { return port_; }
    /// postgresql://pipecrm@127.0.0.1:PORT/DATABASE (trust authentication on loopback).
    std::string Url(const std::string& database = "pipecrm_test") const;
    /// Creates another empty database; false (and error()) on failure.
    bool CreateDatabase(const std::string& name);
    /// The server's log so far, for failure messages.
    std::string Log() const;
    /// The cluster's directory (its data, socket and log inside).
    const std::string& dir() const { return dir_; }

    /// Leaves the server running and its directory in place on destruction: a cluster shared
    /// by a whole test run (tests/support/test_cluster_main.cpp), stopped later through Adopt.
    void Detach() { detached_ = true; }
    /// Takes over the detached cluster in `dir` listening on `port`; destroying the result
    /// stops that server and removes the directory.
    static std::unique_ptr<PostgresCluster> Adopt(const std::string& dir, std::uint16_t port);

  private:
    struct AdoptTag {};
    PostgresCluster(AdoptTag, const std::string& dir, std::uint16_t port);
    /// Runs a PostgreSQL program from the bin directory as the cluster's user; its output
    /// goes to `output`. Returns the exit code.
    int Run(const std::string& program, const std::vector<std::string>& args, std::string* output);
    bool Start();

    std::string bin_dir_;
    std::string dir_;
    std::string data_dir_;
    int run_as_uid_ = -1;  ///< -1: the current user
    int run_as_gid_ = -1;
    std::uint16_t port_ = 0;
    bool server_running_ = false;
    bool detached_ = false;
    bool durable_ = false;
    std::string error_;
};

/// The directory of the newest installed PostgreSQL server programs
/// (/usr/lib/postgresql/<version>/bin), or $PIPECRM_PG_BINDIR when set; empty when none.
std::string PostgresBinDir();

}  // namespace pipecrm::testing

#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>

namespace pipecrm::testing {
namespace {

bool IsUrl(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0;
}

// A libpq connection with the PipeCRM schema first; null (and a test failure) when refused.
std::unique_ptr<PGconn, decltype(&PQfinish)> ConnectPostgres(const std::string& url) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        ADD_FAILURE() << "cannot connect to " << url << ": " << PQerrorMessage(conn.get());
        return {nullptr, &PQfinish};
    }
    PQclear(PQexec(conn.get(), "SET search_path = main, public"));
    return conn;
}

}  // namespace

bool TestOnPostgres() {
    const char* backend = std::getenv("PIPECRM_TEST_BACKEND");
    return backend != nullptr && std::string(backend) == "postgresql";
}

PostgresCluster& SharedTestCluster() {
    static auto* cluster = new PostgresCluster();
    static const bool kStopAtExit = [] {
        std::atexit([] { delete cluster; });
        return true;
    }();
    (void)kStopAtExit;
    return *cluster;
}

// The cluster the whole ctest run shares (pipecrm_test_cluster start), as the URL of its
// maintenance database; empty when there is none or it does not answer.
std::string RunClusterUrl(std::string* base) {
    std::ifstream in(PIPECRM_TEST_CLUSTER_STATE);
    std::string dir;
    int port = 0;
    if (!(in >> dir >> port)) {
        return "";
    }
    *base = "postgresql://pipecrm@127.0.0.1:" + std::to_string(port) + "/";
    const std::string url = *base + "postgres";
    return PQping(url.c_str()) == PQPING_OK ? url : "";
}

// Databases made on the run's cluster, dropped when the process exits.
std::vector<std::string>& MadeOnRunCluster() {
    static auto* names = new std::vector<std::string>();
    return *names;
}

void DropMadeDatabases() {
    std::string base;
    const std::string url = RunClusterUrl(&base);
    if (url.empty()) {
        return;
    }
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), &PQfinish);
    for (const std::string& name : MadeOnRunCluster()) {
        PQclear(PQexec(conn.get(), ("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").c_str()));
    }
}

std::string NewPostgresDatabase() {
    static std::atomic<int> next{0};
    const std::string name = "test_" + std::to_string(::getpid()) + "_" + std::to_string(++next);
    std::string base;
    const std::string run_cluster = RunClusterUrl(&base);
    if (!run_cluster.empty()) {
        std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(run_cluster.c_str()),
                                                          &PQfinish);
        std::unique_ptr<PGresult, decltype(&PQclear)> made(
            PQexec(conn.get(), ("CREATE DATABASE " + name).c_str()), &PQclear);
        if (PQresultStatus(made.get()) != PGRES_COMMAND_OK) {
            ADD_FAILURE() << "cannot create database " << name << ": "
                          << PQerrorMessage(conn.get());
            return "";
        }
        static const bool kDropAtExit = [] {
            std::atexit(DropMadeDatabases);
            return true;
        }();
        (void)kDropAtExit;
        MadeOnRunCluster().push_back(name);
        return base + name;
    }
    PostgresCluster& cluster = SharedTestCluster();
    if (!cluster.started()) {
        ADD_FAILURE() << "no PostgreSQL cluster: " << cluster.error();
        return "";
    }
    if (!cluster.CreateDatabase(name)) {
        ADD_FAILURE() << cluster.error();
        return "";
    }
    return cluster.Url(name);
}

std::string NewTestDatabase(const TempDir& dir, const std::string& file) {
    return TestOnPostgres() ? NewPostgresDatabase() : dir.File(file);
}

namespace {

// Every row of `sql` on `db`, each column as text or nullopt for NULL.
using Table = std::vector<std::vector<std::optional<std::string>>>;

Table QueryTable(const std::string& db, const std::string& sql) {
    Table out;
    if (IsUrl(db)) {
        auto conn = ConnectPostgres(db);
        if (conn == nullptr) {
            return out;
        }
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()),
                                                             &PQclear);
        EXPECT_EQ(PQresultStatus(result.get()), PGRES_TUPLES_OK)
            << sql << ": " << PQerrorMessage(conn.get());
        for (int row = 0; row < PQntuples(result.get()); ++row) {
            auto& cells = out.emplace_back();
            for (int column = 0; column < PQnfields(result.get()); ++column) {
                cells.push_back(
                    PQgetisnull(result.get(), row, column)
                        ? std::nullopt
                        : std::optional<std::string>(PQgetvalue(result.get(), row, column)));
            }
        }
        return out;
    }
    sqlite3* handle = nullptr;
    sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(handle, 5000);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(handle);
    while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
        auto& cells = out.emplace_back();
        for (int column = 0; column < sqlite3_column_count(stmt); ++column) {
            const unsigned char* text = sqlite3_column_text(stmt, column);
            cells.push_back(text ? std::optional<std::string>(reinterpret_cast<const char*>(text))
                                 : std::nullopt);
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return out;
}

}  // namespace

std::vector<std::string> QueryColumn(const std::string& db, const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& row : QueryTable(db, sql)) {
        out.push_back(row.empty() || !row[0] ? "NULL" : *row[0]);
    }
    return out;
}

std::string QueryRows(const std::string& db, const std::string& sql) {
    std::string out;
    for (const auto& row : QueryTable(db, sql)) {
        for (std::size_t column = 0; column < row.size(); ++column) {
            out += (column ? "|" : "") + row[column].value_or("");
        }
        out += "\n";
    }
    return out;
}

bool ExecSql(const std::string& db, const std::string& sql) {
    if (IsUrl(db)) {
        auto conn = ConnectPostgres(db);
        if (conn == nullptr) {
            return false;
        }
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()),
                                                             &PQclear);
        const bool ok = PQresultStatus(result.get()) == PGRES_COMMAND_OK ||
                        PQresultStatus(result.get()) == PGRES_TUPLES_OK;
        EXPECT_TRUE(ok) << sql << ": " << PQerrorMessage(conn.get());
        return ok;
    }
    sqlite3* handle = nullptr;
    sqlite3_open(db.c_str(), &handle);
    sqlite3_busy_timeout(handle, 5000);
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(handle);
    return rc == SQLITE_OK;
}

}  // namespace pipecrm::testing

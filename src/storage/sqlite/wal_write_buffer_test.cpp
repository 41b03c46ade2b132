// The write-buffering VFS on real files: whatever a connection through it commits, another
// connection (SQLite's default VFS) reads at once and after reopening, through transactions
// larger than one write call, pages spilled to the log before their commit (read back and
// rewritten in place), and the log starting over after checkpoints.
#include "storage/sqlite/wal_write_buffer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "storage/sqlite/connection.hpp"
#include "support/process.hpp"

namespace pipecrm::storage::sqlite {
namespace {

using testing::TempDir;

std::unique_ptr<Connection> Open(const std::string& path, const char* vfs) {
    auto connection = Connection::Open(path, Connection::Mode::kReadWrite, vfs);
    EXPECT_TRUE(connection.ok()) << connection.status().ToString();
    return connection.ok() ? std::move(*connection) : nullptr;
}

// The first column of the first row of `sql`, as text.
std::string Value(Connection& db, const std::string& sql) {
    auto stmt = db.Cached(sql);
    EXPECT_TRUE(stmt.ok());
    auto row = (*stmt)->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    std::string value = row.ok() && *row ? (*stmt)->Text(0) : "";
    (*stmt)->Reset();
    return value;
}

// Rows of `count` values of `bytes` bytes each, in one transaction.
void InsertRows(Connection& db, int first, int count, int bytes) {
    ASSERT_TRUE(db.Exec("BEGIN IMMEDIATE").ok());
    for (int i = first; i < first + count; ++i) {
        ASSERT_TRUE(db.Exec("INSERT INTO t(id, v) VALUES(" + std::to_string(i) + ", randomblob(" +
                            std::to_string(bytes) + "))")
                        .ok());
    }
    ASSERT_TRUE(db.Exec("COMMIT").ok());
}

// A database whose writer connection goes through the VFS, set up by `schema`, and a reader
// connection through SQLite's default VFS.
struct WriterAndReader {
    TempDir dir;
    const std::string path = dir.File("crm.db");
    std::unique_ptr<Connection> writer;
    std::unique_ptr<Connection> reader;

    explicit WriterAndReader(const std::string& schema) {
        writer = Open(path, WalWriteBufferVfs());
        if (writer != nullptr) {
            EXPECT_TRUE(writer->Exec("PRAGMA synchronous=NORMAL; " + schema).ok());
        }
        reader = Open(path, nullptr);
    }
    bool ok() const { return writer != nullptr && reader != nullptr; }
    void Close() {
        reader.reset();
        writer.reset();
    }
};

TEST(WalWriteBuffer, IsRegisteredUnderItsName) {
    const char* name = WalWriteBufferVfs();
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(std::string(name), "pipecrm-wal-buffer");
    EXPECT_EQ(WalWriteBufferVfs(), name) << "registered once";
}

TEST(WalWriteBuffer, OtherConnectionsReadEveryCommitAtOnceAndAfterReopening) {
    WriterAndReader db("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB NOT NULL)");
    ASSERT_TRUE(db.ok());
    auto& writer = db.writer;
    auto& reader = db.reader;
    int rows = 0;
    // Small commits, then one of about 6 MiB (over the 4 MiB gathered at most and many
    // 124 KiB write calls), then small ones again.
    for (int round = 0; round < 20; ++round) {
        InsertRows(*writer, rows, 3, 100);
        rows += 3;
        EXPECT_EQ(Value(*reader, "SELECT count(*) FROM t"), std::to_string(rows));
    }
    InsertRows(*writer, rows, 1500, 4000);
    rows += 1500;
    EXPECT_EQ(Value(*reader, "SELECT count(*) FROM t"), std::to_string(rows));
    InsertRows(*writer, rows, 2, 100);
    rows += 2;
    EXPECT_EQ(Value(*reader, "SELECT count(*) FROM t"), std::to_string(rows));
    const std::string sum = Value(*reader, "SELECT sum(length(v)) FROM t");
    db.Close();

    auto reopened = Open(db.path, nullptr);
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(Value(*reopened, "SELECT count(*) FROM t"), std::to_string(rows));
    EXPECT_EQ(Value(*reopened, "SELECT sum(length(v)) FROM t"), sum);
    EXPECT_EQ(Value(*reopened, "PRAGMA integrity_check"), "ok");
}

// A tiny page cache makes SQLite write a transaction's pages to the log before its commit,
// read them back and overwrite them in place; small checkpoints make the log start over.
TEST(WalWriteBuffer, SpilledPagesAndALogThatStartsOverStayConsistent) {
    WriterAndReader db(
        "PRAGMA cache_size=10; PRAGMA wal_autocheckpoint=50; CREATE TABLE t(id INTEGER PRIMARY "
        "KEY, v BLOB NOT NULL); CREATE INDEX t_v ON t(v)");
    ASSERT_TRUE(db.ok());
    auto& writer = db.writer;
    auto& reader = db.reader;
    int rows = 0;
    for (int round = 0; round < 30; ++round) {
        ASSERT_TRUE(writer->Exec("BEGIN IMMEDIATE").ok());
        ASSERT_TRUE(writer
                        ->Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < 200) INSERT INTO t(id, v) SELECT i + " +
                               std::to_string(rows) + ", randomblob(300) FROM n")
                        .ok());
        // Rewrites pages written (spilled) earlier in this transaction.
        ASSERT_TRUE(writer->Exec("UPDATE t SET v = randomblob(300) WHERE id % 7 = 0").ok());
        EXPECT_EQ(Value(*writer, "SELECT count(*) FROM t"), std::to_string(rows + 200));
        ASSERT_TRUE(writer->Exec("COMMIT").ok());
        rows += 200;
        EXPECT_EQ(Value(*reader, "SELECT count(*) FROM t"), std::to_string(rows));
    }
    EXPECT_EQ(Value(*reader, "PRAGMA integrity_check"), "ok");
    db.Close();
    auto reopened = Open(db.path, nullptr);
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(Value(*reopened, "SELECT count(*) FROM t"), std::to_string(rows));
    EXPECT_EQ(Value(*reopened, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace pipecrm::storage::sqlite

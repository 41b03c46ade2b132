#include "storage/postgres/connection.hpp"

#include <gtest/gtest.h>

#include "storage/postgres/test_database.hpp"

namespace pipecrm::storage::postgres {
namespace {

class PostgresConnection : public PostgresTest {
  protected:
    void SetUp() override {
        PostgresTest::SetUp();
        ASSERT_FALSE(HasFatalFailure());
        ASSERT_TRUE(db_->Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT UNIQUE, "
                              "parent BIGINT REFERENCES t(id), score DOUBLE PRECISION)")
                        .ok());
    }
};

TEST_F(PostgresConnection, BindsParametersAndReadsRows) {
    const std::string insert = "INSERT INTO t (id, name, parent, score) VALUES ($1, $2, $3, $4)";
    auto first =
        db_->Query(insert, Params().Add(std::int64_t{1} << 40).Add("één").AddNull().Add(2.5));
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(first->Affected(), 1);
    // The cached statement again, with a null where the first call had a value.
    auto second = db_->Query(insert, Params()
                                         .Add(2)
                                         .Add(std::optional<std::string_view>())
                                         .Add(std::optional<std::int64_t>(std::int64_t{1} << 40))
                                         .Add(-1.0));
    ASSERT_TRUE(second.ok()) << second.status().ToString();

    auto rows = db_->Query("SELECT id, name, parent, score FROM t ORDER BY id");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows->size(), 2);
    EXPECT_EQ(rows->Int(0, 0), 2);
    EXPECT_TRUE(rows->IsNull(0, 1));
    EXPECT_EQ(rows->OptionalInt(0, 2), std::int64_t{1} << 40);
    EXPECT_EQ(rows->Real(0, 3), -1.0);
    EXPECT_EQ(rows->Int(1, 0), std::int64_t{1} << 40);
    EXPECT_EQ(rows->Text(1, 1), "één");
    EXPECT_EQ(rows->OptionalInt(1, 2), std::nullopt);
    EXPECT_EQ(rows->Real(1, 3), 2.5);
}

TEST_F(PostgresConnection, TranslatesConstraintErrors) {
    const std::string insert = "INSERT INTO t (id, name, parent) VALUES ($1, $2, $3)";
    ASSERT_TRUE(db_->Query(insert, Params().Add(1).Add("a").AddNull()).ok());

    auto duplicate = db_->Query(insert, Params().Add(2).Add("a").AddNull());
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.status().code(), ErrorCode::kAlreadyExists);
    EXPECT_NE(duplicate.status().message().find("duplicate key"), std::string::npos)
        << duplicate.status().message();
    // As the SQLite layer reports a failed foreign key: a failed precondition.
    auto orphan = db_->Query(insert, Params().Add(3).Add("b").Add(99));
    EXPECT_EQ(orphan.status().code(), ErrorCode::kFailedPrecondition);
    auto bad_value = db_->Query("SELECT $1::date", Params().Add("not a date"));
    EXPECT_EQ(bad_value.status().code(), ErrorCode::kInvalidArgument);
    // The connection stays usable after errors.
    EXPECT_TRUE(db_->Query("SELECT 1").ok());
}

TEST_F(PostgresConnection, ReportsSerializationFailureAsConflict) {
    auto other = Connection::Open(cluster_.Url());
    ASSERT_TRUE(other.ok()) << other.status().ToString();
    ASSERT_TRUE(db_->Exec("INSERT INTO t (id, name) VALUES (1, 'a')").ok());
    ASSERT_TRUE(db_->Exec("BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT * FROM t").ok());
    ASSERT_TRUE((*other)->Exec("UPDATE t SET name = 'b' WHERE id = 1").ok());
    Status status = db_->Exec("UPDATE t SET name = 'c' WHERE id = 1");
    EXPECT_EQ(status.code(), ErrorCode::kConflict) << status.ToString();
    EXPECT_TRUE(db_->Exec("ROLLBACK").ok());
}

TEST(PostgresConnectionOpen, ReportsAnUnreachableServerAsUnavailable) {
    // Port 1 on loopback: nothing listens there.
    auto opened = Connection::Open("postgresql://pipecrm:secret@127.0.0.1:1/pipecrm");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), ErrorCode::kUnavailable);
    const std::string& message = opened.status().message();
    EXPECT_NE(message.find("cannot connect to PostgreSQL at postgresql://pipecrm@127.0.0.1:1/"),
              std::string::npos)
        << message;
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
    EXPECT_NE(message.find("refused"), std::string::npos) << message;
}

TEST(PostgresTestCluster, StopsWhenDestroyed) {
    std::string url;
    {
        pipecrm::testing::PostgresCluster cluster;
        ASSERT_TRUE(cluster.started()) << cluster.error();
        url = cluster.Url();
        EXPECT_TRUE(Connection::Open(url).ok());
    }
    EXPECT_EQ(Connection::Open(url).status().code(), ErrorCode::kUnavailable);
}

TEST(PostgresConnectionOpen, RejectsTextThatIsNotAPostgresUrl) {
    auto opened = Connection::Open("/var/lib/pipecrm.db");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), ErrorCode::kInvalidArgument);
}

TEST_F(PostgresConnection, ReportsAMissingDatabaseAsUnavailable) {
    auto opened = Connection::Open(cluster_.Url("no_such_database"));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), ErrorCode::kUnavailable);
    EXPECT_NE(opened.status().message().find("no_such_database"), std::string::npos);
}

TEST(PostgresErrorCodes, MapSqlStates) {
    EXPECT_EQ(ErrorCodeForSqlState("23505"), ErrorCode::kAlreadyExists);
    EXPECT_EQ(ErrorCodeForSqlState("23503"), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(ErrorCodeForSqlState("40001"), ErrorCode::kConflict);
    EXPECT_EQ(ErrorCodeForSqlState("40P01"), ErrorCode::kConflict);
    EXPECT_EQ(ErrorCodeForSqlState("08006"), ErrorCode::kUnavailable);
    EXPECT_EQ(ErrorCodeForSqlState("57P01"), ErrorCode::kUnavailable);
    EXPECT_EQ(ErrorCodeForSqlState("22007"), ErrorCode::kInvalidArgument);
    EXPECT_EQ(ErrorCodeForSqlState("42P01"), ErrorCode::kInternal);
}

TEST(PostgresUrl, RedactsThePassword) {
    EXPECT_EQ(RedactUrl("postgresql://u:p@h:5432/d"), "postgresql://u@h:5432/d");
    EXPECT_EQ(RedactUrl("postgresql://u@h:5432/d"), "postgresql://u@h:5432/d");
}

}  // namespace
}  // namespace pipecrm::storage::postgres

// For PostgreSQL storage tests: a throwaway cluster per test and a connection to its database.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "storage/postgres/connection.hpp"
#include "support/postgres_cluster.hpp"

namespace pipecrm::storage::postgres {

class PostgresTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(cluster_.started()) << cluster_.error();
        auto opened = Connection::Open(cluster_.Url());
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        db_ = std::move(*opened);
    }

    pipecrm::testing::PostgresCluster cluster_;
    std::unique_ptr<Connection> db_;
};

}  // namespace pipecrm::storage::postgres

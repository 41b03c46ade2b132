#include "storage/sqlite/wal_sync.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"

namespace pipecrm::storage::sqlite {
namespace {

using testing::TempDir;

TEST(WalSync, SyncsAnExistingLog) {
    TempDir dir;
    const std::string path = dir.File("crm.db-wal");
    std::ofstream(path) << "frames";
    WalSync wal(path);
    EXPECT_TRUE(wal.Sync().ok());
    EXPECT_TRUE(wal.Sync().ok()) << "the file stays open between syncs";
}

TEST(WalSync, AMissingLogIsUnavailableNamingIt) {
    TempDir dir;
    const std::string path = dir.File("missing.db-wal");
    WalSync wal(path);
    const Status status = wal.Sync();
    EXPECT_EQ(status.code(), ErrorCode::kUnavailable);
    EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
}

}  // namespace
}  // namespace pipecrm::storage::sqlite

#include "contract_store.hpp"

#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/test_database.hpp"

namespace pipecrm::storage {

std::string BackendName(const ::testing::TestParamInfo<BackendKind>& info) {
    return info.param == BackendKind::kSqlite ? "SQLite" : "PostgreSQL";
}

std::string NewDatabase(BackendKind kind, const pipecrm::testing::TempDir& dir) {
    return kind == BackendKind::kSqlite ? dir.File("crm.db")
                                        : pipecrm::testing::NewPostgresDatabase();
}

Result<std::unique_ptr<domain::Store>> OpenStore(const std::string& db) {
    if (postgres::IsPostgresUrl(db)) {
        auto store = postgres::PostgresStore::Open(db);
        if (!store.ok()) {
            return store.status();
        }
        return std::unique_ptr<domain::Store>(std::move(*store));
    }
    auto store = sqlite::SqliteStore::Open(db);
    if (!store.ok()) {
        return store.status();
    }
    return std::unique_ptr<domain::Store>(std::move(*store));
}

void ContractTest::SetUp() {
    db_ = NewDatabase(GetParam(), dir_);
    ASSERT_FALSE(db_.empty());
    auto opened = OpenStore(db_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
}

std::unique_ptr<domain::Store> ContractTest::OpenAnother() {
    auto opened = OpenStore(db_);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(*opened) : nullptr;
}

std::unique_ptr<domain::Store> OpenTestStore(BackendKind kind,
                                             const pipecrm::testing::TempDir& dir) {
    const std::string db = NewDatabase(kind, dir);
    if (db.empty()) {
        return nullptr;
    }
    auto opened = OpenStore(db);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(*opened) : nullptr;
}

domain::CreatedWorkspace AddTestWorkspace(domain::Store& store,
                                          const std::string& email,
                                          Instant now) {
    domain::CreatedWorkspace created;
    Status status = store.WriteAndWait([&](domain::Repositories& repos) -> Status {
        domain::NewWorkspace request{"Acme", domain::Language::kEnglish, email, "", ""};
        auto result = domain::SetUpWorkspace(repos, request, now);
        if (!result.ok()) {
            return result.status();
        }
        created = *result;
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return created;
}

domain::CreatedWorkspace ContractTest::AddWorkspace(const std::string& email, Instant now) {
    return AddTestWorkspace(*store_, email, now);
}

}  // namespace pipecrm::storage

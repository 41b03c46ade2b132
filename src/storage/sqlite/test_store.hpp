// For storage tests: a store on a real SQLite file and new workspaces in it.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/workspace_setup.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace pipecrm::storage::sqlite {

/// Opens (creating) the store at `path`; a test failure and null when it cannot.
inline std::unique_ptr<SqliteStore> OpenTestStore(const std::string& path) {
    auto opened = SqliteStore::Open(path);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(*opened) : nullptr;
}

/// Sets up a workspace (SetUpWorkspace) whose admin has `email`; a test failure when it cannot.
inline domain::CreatedWorkspace AddTestWorkspace(SqliteStore& store,
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

}  // namespace pipecrm::storage::sqlite

#include "storage/postgres/workspace_repository.hpp"

#include <string>

namespace pipecrm::storage::postgres {
namespace {

using domain::Language;
using domain::Workspace;

constexpr const char* kSelect =
    "SELECT id, name, language, default_currency, phone_region, time_zone, add_time, "
    "default_visibility FROM workspaces";

Workspace Read(const Rows& rows, int row) {
    Workspace w;
    w.id = rows.Int(row, 0);
    w.name = rows.Text(row, 1);
    w.language = rows.Text(row, 2) == "vi" ? Language::kVietnamese : Language::kEnglish;
    w.default_currency = rows.Text(row, 3);
    w.phone_region = rows.Text(row, 4);
    w.time_zone = rows.Text(row, 5);
    w.add_time = FromUnixSeconds(rows.Int(row, 6));
    w.default_visibility =
        domain::VisibilityFromInt(rows.Int(row, 7)).value_or(domain::Visibility::kEveryone);
    return w;
}

}  // namespace

Result<Id> WorkspaceRepository::Insert(const Workspace& w) {
    auto rows = db_.Query(
        "INSERT INTO workspaces(name, language, default_currency, phone_region, time_zone, "
        "add_time, default_visibility) VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        Params()
            .Add(w.name)
            .Add(w.language == Language::kVietnamese ? "vi" : "en")
            .Add(w.default_currency)
            .Add(w.phone_region)
            .Add(w.time_zone)
            .Add(ToUnixSeconds(w.add_time))
            .Add(static_cast<int>(w.default_visibility)));
    if (!rows.ok()) {
        return rows.status();
    }
    const Id id = rows->Int(0, 0);
    // workspace_id equals id (every table carries it), as in SQLite.
    auto updated =
        db_.Query("UPDATE workspaces SET workspace_id = id WHERE id = $1", Params().Add(id));
    if (!updated.ok()) {
        return updated.status();
    }
    return id;
}

Result<Workspace> WorkspaceRepository::Get(Id id) {
    auto rows = db_.Query(std::string(kSelect) + " WHERE id = $1", Params().Add(id));
    if (!rows.ok()) {
        return rows.status();
    }
    if (rows->empty()) {
        return NotFound("workspace " + std::to_string(id) + " not found");
    }
    return Read(*rows, 0);
}

Status WorkspaceRepository::SetDefaultVisibility(Id id, domain::Visibility visibility) {
    return db_
        .Query("UPDATE workspaces SET default_visibility = $1 WHERE id = $2",
               Params().Add(static_cast<int>(visibility)).Add(id))
        .status();
}

Result<std::vector<Workspace>> WorkspaceRepository::List() {
    auto rows = db_.Query(std::string(kSelect) + " ORDER BY id");
    if (!rows.ok()) {
        return rows.status();
    }
    return rows->Map(Read);
}

}  // namespace pipecrm::storage::postgres

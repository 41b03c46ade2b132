#include "storage/postgres/user_repository.hpp"

#include <string>

namespace pipecrm::storage::postgres {
namespace {

using domain::Role;
using domain::User;

constexpr const char* kSelect =
    "SELECT id, workspace_id, name, email, role, password_hash, default_currency, locale, "
    "time_zone, active, add_time, update_time FROM users";

User Read(const Rows& rows, int row) {
    User u;
    u.id = rows.Int(row, 0);
    u.workspace_id = rows.Int(row, 1);
    u.name = rows.Text(row, 2);
    u.email = rows.Text(row, 3);
    const std::string role = rows.Text(row, 4);
    u.role = role == "admin" ? Role::kAdmin : role == "manager" ? Role::kManager : Role::kMember;
    u.password_hash = rows.Text(row, 5);
    u.default_currency = rows.Text(row, 6);
    u.locale = rows.Text(row, 7);
    u.time_zone = rows.Text(row, 8);
    u.active = rows.Int(row, 9) != 0;
    u.add_time = FromUnixSeconds(rows.Int(row, 10));
    u.update_time = FromUnixSeconds(rows.Int(row, 11));
    return u;
}

}  // namespace

Result<Id> UserRepository::Insert(const User& u) {
    auto rows = db_.Query(
        "INSERT INTO users(workspace_id, name, email, role, password_hash, default_currency, "
        "locale, time_zone, active, add_time, update_time) "
        "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        Params()
            .Add(u.workspace_id)
            .Add(u.name)
            .Add(u.email)
            .Add(domain::RoleName(u.role))
            .Add(u.password_hash)
            .Add(u.default_currency)
            .Add(u.locale)
            .Add(u.time_zone)
            .Add(u.active ? 1 : 0)
            .Add(ToUnixSeconds(u.add_time))
            .Add(ToUnixSeconds(u.update_time)));
    if (!rows.ok()) {
        return rows.status();
    }
    return rows->Int(0, 0);
}

Result<User> UserRepository::Get(Id workspace_id, Id id) {
    auto users = Many(std::string(kSelect) + " WHERE workspace_id = $1 AND id = $2",
                      Params().Add(workspace_id).Add(id));
    if (!users.ok()) {
        return users.status();
    }
    if (users->empty()) {
        return NotFound("user " + std::to_string(id) + " not found");
    }
    return std::move(users->front());
}

Result<std::optional<User>> UserRepository::FindByEmail(Id workspace_id, const std::string& email) {
    auto users = Many(std::string(kSelect) + " WHERE workspace_id = $1 AND email = $2",
                      Params().Add(workspace_id).Add(email));
    if (!users.ok()) {
        return users.status();
    }
    if (users->empty()) {
        return std::optional<User>();
    }
    return std::optional<User>(std::move(users->front()));
}

Result<std::vector<User>> UserRepository::FindByEmailEverywhere(const std::string& email) {
    return Many(std::string(kSelect) + " WHERE email = $1 ORDER BY workspace_id",
                Params().Add(email));
}

Result<std::vector<User>> UserRepository::List(Id workspace_id) {
    return Many(std::string(kSelect) + " WHERE workspace_id = $1 ORDER BY id",
                Params().Add(workspace_id));
}

Status UserRepository::SetPasswordHash(Id workspace_id,
                                       Id id,
                                       const std::string& password_hash,
                                       Instant now) {
    return db_
        .Query(
            "UPDATE users SET password_hash = $1, update_time = $2 WHERE workspace_id = $3 "
            "AND id = $4",
            Params().Add(password_hash).Add(ToUnixSeconds(now)).Add(workspace_id).Add(id))
        .status();
}

Status UserRepository::Update(const User& u) {
    return db_
        .Query(
            "UPDATE users SET name = $1, role = $2, password_hash = $3, active = $4, "
            "update_time = $5 WHERE workspace_id = $6 AND id = $7",
            Params()
                .Add(u.name)
                .Add(domain::RoleName(u.role))
                .Add(u.password_hash)
                .Add(u.active ? 1 : 0)
                .Add(ToUnixSeconds(u.update_time))
                .Add(u.workspace_id)
                .Add(u.id))
        .status();
}

Result<std::vector<User>> UserRepository::Many(const std::string& sql, const Params& params) {
    auto rows = db_.Query(sql, params);
    if (!rows.ok()) {
        return rows.status();
    }
    return rows->Map(Read);
}

}  // namespace pipecrm::storage::postgres

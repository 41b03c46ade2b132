// The users of a PostgreSQL database (domain::UserRepository).
#pragma once

#include "domain/repositories.hpp"
#include "storage/postgres/connection.hpp"

namespace pipecrm::storage::postgres {

/// Not safe for concurrent use, like its connection.
class UserRepository final : public domain::UserRepository {
  public:
    explicit UserRepository(Connection& db) : db_(db) {}

    /// kAlreadyExists when the workspace has a user with the email.
    Result<Id> Insert(const domain::User& user) override;
    /// kNotFound when the workspace has no such user.
    Result<domain::User> Get(Id workspace_id, Id id) override;
    Result<std::optional<domain::User>> FindByEmail(Id workspace_id,
                                                    const std::string& email) override;
    Result<std::vector<domain::User>> FindByEmailEverywhere(const std::string& email) override;
    Result<std::vector<domain::User>> List(Id workspace_id) override;
    Status SetPasswordHash(Id workspace_id,
                           Id id,
                           const std::string& password_hash,
                           Instant now) override;
    Status Update(const domain::User& user) override;

  private:
    Result<std::vector<domain::User>> Many(const std::string& sql, const Params& params);

    Connection& db_;
};

}  // namespace pipecrm::storage::postgres

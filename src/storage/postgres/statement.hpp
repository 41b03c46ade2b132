// The shared statement interface over libpq: Bind collects the parameters, the first Step
// runs the prepared statement, later Steps walk its rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/postgres/connection.hpp"
#include "storage/sql/statement.hpp"

namespace pipecrm::storage::postgres {

class Statement final : public sql::Statement {
  public:
    /// `sql` is already in PostgreSQL's numbering ($N); `connection` outlives the statement.
    /// `used` tells, per parameter number - 1, whether the SQL names it (RewritePlaceholders).
    Statement(Connection& connection, std::string sql, std::vector<bool> used)
        : connection_(connection), sql_(std::move(sql)), used_(std::move(used)) {}

    using sql::Statement::Bind;
    Statement& Reset() override;
    sql::Statement& Bind(int index, std::int64_t value) override;
    sql::Statement& Bind(int index, double value) override;
    sql::Statement& Bind(int index, std::string_view value) override;
    sql::Statement& BindNull(int index) override;

    Result<bool> Step() override;

    bool IsNull(int column) const override;
    std::int64_t Int(int column) const override;
    double Real(int column) const override;
    std::string Text(int column) const override;

  private:
    Params::Value& At(int index);

    Connection& connection_;
    const std::string sql_;
    const std::vector<bool> used_;
    std::vector<Params::Value> values_;  ///< by parameter index - 1
    std::optional<Rows> rows_;           ///< once run
    int row_ = -1;
};

}  // namespace pipecrm::storage::postgres

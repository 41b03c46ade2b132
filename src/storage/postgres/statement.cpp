#include "storage/postgres/statement.hpp"

namespace pipecrm::storage::postgres {
namespace {

constexpr Oid kTextOid = 25;

}  // namespace

Statement& Statement::Reset() {
    values_.clear();
    rows_.reset();
    row_ = -1;
    return *this;
}

Params::Value& Statement::At(int index) {
    const auto slot = static_cast<std::size_t>(index - 1);
    if (values_.size() <= slot) {
        values_.resize(slot + 1);
    }
    return values_[slot];
}

sql::Statement& Statement::Bind(int index, std::int64_t value) {
    At(index) = Params::Of(value);
    return *this;
}

sql::Statement& Statement::Bind(int index, double value) {
    At(index) = Params::Of(value);
    return *this;
}

sql::Statement& Statement::Bind(int index, std::string_view value) {
    At(index) = Params::Of(value);
    return *this;
}

sql::Statement& Statement::BindNull(int index) {
    At(index) = Params::Value{};
    return *this;
}

Result<bool> Statement::Step() {
    if (!rows_) {
        // Exactly the parameters the SQL numbers: unbound ones are NULL, and one it skips (an
        // UPDATE that sets only the changed columns) is sent as a text NULL, as the server
        // cannot infer a type for it.
        values_.resize(used_.size());
        for (std::size_t i = 0; i < used_.size(); ++i) {
            if (!used_[i]) {
                values_[i] = Params::Value{std::nullopt, kTextOid, 0};
            }
        }
        auto rows = connection_.Query(sql_, Params(values_));
        if (!rows.ok()) {
            return rows.status();
        }
        rows_.emplace(std::move(*rows));
    }
    ++row_;
    return row_ < rows_->size();
}

bool Statement::IsNull(int column) const {
    return rows_->IsNull(row_, column);
}

std::int64_t Statement::Int(int column) const {
    return rows_->Int(row_, column);
}

double Statement::Real(int column) const {
    return rows_->Real(row_, column);
}

std::string Statement::Text(int column) const {
    return rows_->Text(row_, column);
}

}  // namespace pipecrm::storage::postgres

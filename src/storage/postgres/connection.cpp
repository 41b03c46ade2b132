#include "storage/postgres/connection.hpp"

#include <charconv>
#include <cstdlib>

#include "storage/postgres/placeholders.hpp"
#include "storage/postgres/statement.hpp"

namespace pipecrm::storage::postgres {
namespace {

// Type OIDs of the parameters this layer sends in binary (pg_type.dat).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kFloat8Oid = 701;

// libpq's messages end with a newline; messages here do not.
std::string Trimmed(const char* message) {
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

ErrorCode ErrorCodeForSqlState(std::string_view sqlstate) {
    if (sqlstate == "23505") {  // unique_violation
        return ErrorCode::kAlreadyExists;
    }
    if (sqlstate == "40001" || sqlstate == "40P01") {  // serialization failure, deadlock
        return ErrorCode::kConflict;
    }
    // Integrity constraints (foreign key, not null, check) and triggers that refuse a change
    // (raise_exception), as SQLite's SQLITE_CONSTRAINT; a read-only transaction as
    // SQLITE_READONLY.
    if (StartsWith(sqlstate, "23") || sqlstate == "P0001" || sqlstate == "25006") {
        return ErrorCode::kFailedPrecondition;
    }
    // Connection exceptions, insufficient resources, operator intervention (shutdown), and no
    // SQLSTATE at all, which libpq reports when it lost the server.
    if (sqlstate.empty() || StartsWith(sqlstate, "08") || StartsWith(sqlstate, "53") ||
        StartsWith(sqlstate, "57")) {
        return ErrorCode::kUnavailable;
    }
    if (StartsWith(sqlstate, "22")) {  // data exception: bad value for its type
        return ErrorCode::kInvalidArgument;
    }
    return ErrorCode::kInternal;
}

Params::Value Params::Of(std::int64_t value) {
    std::string bytes(8, '\0');
    auto bits = static_cast<std::uint64_t>(value);
    for (int i = 7; i >= 0; --i) {  // network byte order
        bytes[static_cast<std::size_t>(i)] = static_cast<char>(bits & 0xff);
        bits >>= 8;
    }
    return {std::move(bytes), kInt8Oid, 1};
}

Params::Value Params::Of(std::string_view value) {
    return {std::string(value), 0, 0};
}

Params::Value Params::Of(double value) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    (void)ec;  // 64 characters hold any double
    return {std::string(buf, end), kFloat8Oid, 0};
}

std::vector<Oid> Params::Types() const {
    std::vector<Oid> types;
    types.reserve(values_.size());
    for (const auto& value : values_) {
        types.push_back(value.type);
    }
    return types;
}

std::vector<const char*> Params::Values() const {
    std::vector<const char*> values;
    values.reserve(values_.size());
    for (const auto& value : values_) {
        values.push_back(value.bytes ? value.bytes->data() : nullptr);
    }
    return values;
}

std::vector<int> Params::Lengths() const {
    std::vector<int> lengths;
    lengths.reserve(values_.size());
    for (const auto& value : values_) {
        lengths.push_back(value.bytes ? static_cast<int>(value.bytes->size()) : 0);
    }
    return lengths;
}

std::vector<int> Params::Formats() const {
    std::vector<int> formats;
    formats.reserve(values_.size());
    for (const auto& value : values_) {
        formats.push_back(value.format);
    }
    return formats;
}

bool Rows::IsNull(int row, int column) const {
    return PQgetisnull(result_.get(), row, column) == 1;
}

std::int64_t Rows::Int(int row, int column) const {
    const char* text = PQgetvalue(result_.get(), row, column);
    if (PQftype(result_.get(), column) == kBoolOid) {
        return text[0] == 't' ? 1 : 0;
    }
    std::int64_t value = 0;
    std::from_chars(text, text + PQgetlength(result_.get(), row, column), value);
    return value;
}

double Rows::Real(int row, int column) const {
    if (PQftype(result_.get(), column) == kBoolOid) {
        return static_cast<double>(Int(row, column));
    }
    return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

std::string Rows::Text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::optional<std::int64_t> Rows::OptionalInt(int row, int column) const {
    if (IsNull(row, column)) {
        return std::nullopt;
    }
    return Int(row, column);
}

std::int64_t Rows::Affected() const {
    const char* text = PQcmdTuples(result_.get());
    std::int64_t value = 0;
    std::from_chars(text, text + std::char_traits<char>::length(text), value);
    return value;
}

std::string RedactUrl(std::string_view url) {
    // postgresql://user:password@host/... -> postgresql://user@host/...
    const auto scheme_end = url.find("://");
    const auto at = url.find('@');
    if (scheme_end == std::string_view::npos || at == std::string_view::npos) {
        return std::string(url);
    }
    const auto colon = url.find(':', scheme_end + 3);
    if (colon == std::string_view::npos || colon > at) {
        return std::string(url);
    }
    return std::string(url.substr(0, colon)) + std::string(url.substr(at));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
    if (!StartsWith(url, "postgresql://") && !StartsWith(url, "postgres://")) {
        return InvalidArgument(
            "not a PostgreSQL URL (postgresql://USER@HOST:PORT/DBNAME): " + RedactUrl(url), "db");
    }
    // The URL's own settings come first; a connect timeout unless it names one, so an
    // unreachable server fails in seconds rather than hanging.
    const char* keywords[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {url.c_str(), "10", "pipecrm", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (conn == nullptr) {
        return Unavailable("cannot connect to PostgreSQL at " + RedactUrl(url) + ": out of memory");
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        Status status = Unavailable("cannot connect to PostgreSQL at " + RedactUrl(url) + ": " +
                                    Trimmed(PQerrorMessage(conn)));
        PQfinish(conn);
        return status;
    }
    std::unique_ptr<Connection> connection(new Connection(conn));  // private constructor
    // Quiet NOTICEs (e.g. "relation already exists, skipping") instead of libpq's stderr.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    // PipeCRM's tables live in the schema `main` (created by the migrations), so that
    // `main.deals` names the table on PostgreSQL as on SQLite, while an unqualified `deals`
    // finds the connection's visibility view in pg_temp first.
    Status path = connection->Exec("SET search_path = main, public");
    if (!path.ok()) {
        return Unavailable("cannot connect to PostgreSQL at " + RedactUrl(url) + ": " +
                           path.message());
    }
    return connection;
}

Connection::~Connection() {
    PQfinish(conn_);
}

Status Connection::Failed(const PGresult* result, std::string_view what) {
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    std::string text = Trimmed(message);
    if (text.empty()) {
        text = Trimmed(PQerrorMessage(conn_));
    }
    ErrorCode code = ErrorCodeForSqlState(sqlstate ? sqlstate : "");
    if (code == ErrorCode::kConflict) {
        retryable_conflict_ = true;
    }
    if (sqlstate == nullptr && PQstatus(conn_) == CONNECTION_OK) {
        code = ErrorCode::kInternal;  // a client-side error on a live connection
    }
    return {code, std::string(what) + ": " + text};
}

void Connection::NoteStart() {
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
        retryable_conflict_ = false;
    }
}

bool Connection::TransactionAborted() const {
    return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

Status Connection::Exec(std::string_view sql) {
    NoteStart();
    std::string text(sql);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn_, text.c_str()), &PQclear);
    const ExecStatusType status = PQresultStatus(result.get());
    if (result == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) {
        return Failed(result.get(), "statement failed");
    }
    return Status::Ok();
}

Result<Rows> Connection::Query(const std::string& sql, const Params& params) {
    NoteStart();
    // One prepared statement per SQL text and parameter types: a parameter bound NULL once
    // and a number later, or an integer once and a fraction later, gets a fitting one.
    const std::vector<Oid> types = params.Types();
    std::string key = sql;
    for (Oid type : types) {
        key += ':' + std::to_string(type);
    }
    auto found = prepared_.find(key);
    if (found == prepared_.end()) {
        std::string name = "pipecrm_" + std::to_string(prepared_.size() + 1);
        std::unique_ptr<PGresult, decltype(&PQclear)> prepared(
            PQprepare(conn_, name.c_str(), sql.c_str(), params.size(), types.data()), &PQclear);
        if (prepared == nullptr || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
            return Failed(prepared.get(), "cannot prepare statement " + sql.substr(0, 300));
        }
        found = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    const std::vector<const char*> values = params.Values();
    const std::vector<int> lengths = params.Lengths();
    const std::vector<int> formats = params.Formats();
    Rows rows(PQexecPrepared(conn_, found->second.c_str(), params.size(), values.data(),
                             lengths.data(), formats.data(), 0));
    const ExecStatusType status = PQresultStatus(rows.raw());
    if (rows.raw() == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) {
        return Failed(rows.raw(), "query failed");
    }
    const std::string_view command = PQcmdStatus(const_cast<PGresult*>(rows.raw()));
    if (StartsWith(command, "INSERT") || StartsWith(command, "UPDATE") ||
        StartsWith(command, "DELETE")) {
        total_changes_ += rows.Affected();
    }
    return rows;
}

Result<sql::Statement*> Connection::Cached(std::string_view sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        std::vector<bool> used;
        std::string rewritten = RewritePlaceholders(sql, &used);
        found = statements_
                    .emplace(std::string(sql), std::make_unique<Statement>(
                                                   *this, std::move(rewritten), std::move(used)))
                    .first;
    }
    return &found->second->Reset();
}

Status Connection::SetLocal(const char* name, std::string_view value) {
    auto rows = Query("SELECT set_config($1, $2, true)", Params().Add(name).Add(value));
    return rows.status();
}

}  // namespace pipecrm::storage::postgres

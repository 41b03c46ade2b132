// Status and Result<T>: expected failures as values, with one small set of error codes.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace pipecrm {

/// The project's error codes. Each edge maps them once: HTTP status, CLI exit code.
enum class ErrorCode {
    kOk = 0,
    kInvalidArgument,
    kNotFound,
    kAlreadyExists,
    kFailedPrecondition,
    kUnauthenticated,
    kPermissionDenied,
    kConflict,
    kResourceExhausted,  ///< too many attempts; try again later
    kUnavailable,
    kInternal,
};

/// Every code except kOk, for tests that check each one is mapped at the edges.
inline constexpr ErrorCode kAllErrorCodes[] = {
    ErrorCode::kInvalidArgument,    ErrorCode::kNotFound,          ErrorCode::kAlreadyExists,
    ErrorCode::kFailedPrecondition, ErrorCode::kUnauthenticated,   ErrorCode::kPermissionDenied,
    ErrorCode::kConflict,           ErrorCode::kResourceExhausted, ErrorCode::kUnavailable,
    ErrorCode::kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

/// Success, or an error code with a message for people and the field it concerns (may be empty).
class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(ErrorCode code, std::string message, std::string field = {})
        : code_(code), message_(std::move(message)), field_(std::move(field)) {}

    static Status Ok() { return {}; }

    bool ok() const { return code_ == ErrorCode::kOk; }
    ErrorCode code() const { return code_; }
    const std::string& message() const { return message_; }
    /// The request field or CSV column the error is about; empty when it is about none.
    const std::string& field() const { return field_; }
    std::string ToString() const;

  private:
    ErrorCode code_ = ErrorCode::kOk;
    std::string message_;
    std::string field_;
};

inline Status InvalidArgument(std::string message, std::string field = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
}
inline Status NotFound(std::string message, std::string field = {}) {
    return {ErrorCode::kNotFound, std::move(message), std::move(field)};
}
inline Status AlreadyExists(std::string message, std::string field = {}) {
    return {ErrorCode::kAlreadyExists, std::move(message), std::move(field)};
}
inline Status FailedPrecondition(std::string message) {
    return {ErrorCode::kFailedPrecondition, std::move(message)};
}
inline Status Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message)};
}
inline Status PermissionDenied(std::string message) {
    return {ErrorCode::kPermissionDenied, std::move(message)};
}
inline Status ResourceExhausted(std::string message) {
    return {ErrorCode::kResourceExhausted, std::move(message)};
}
inline Status Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message)};
}
inline Status Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message)};
}

/// A value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
    Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
        assert(!status_.ok() && "a Result holds a value or an error");
    }

    bool ok() const { return value_.has_value(); }
    const Status& status() const { return status_; }
    T& value() & { return *value_; }
    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() & { return *value_; }
    const T& operator*() const& { return *value_; }

  private:
    std::optional<T> value_;
    Status status_;
};

}  // namespace pipecrm

#define PIPECRM_CONCAT_INNER(a, b) a##b
#define PIPECRM_CONCAT(a, b) PIPECRM_CONCAT_INNER(a, b)

/// Returns early from the enclosing function when `expr` (a Status) is an error. Nested uses
/// do not shadow each other: each names its variable with a fresh __COUNTER__.
#define PIPECRM_RETURN_IF_ERROR(expr) \
    PIPECRM_RETURN_IF_ERROR_NAMED(expr, PIPECRM_CONCAT(pipecrm_status_, __COUNTER__))
#define PIPECRM_RETURN_IF_ERROR_NAMED(expr, name) \
    do {                                          \
        ::pipecrm::Status name = (expr);          \
        if (!name.ok()) {                         \
            return name;                          \
        }                                         \
    } while (false)

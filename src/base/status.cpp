#include "base/status.hpp"

namespace pipecrm {

std::string_view ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk:
            return "ok";
        case ErrorCode::kInvalidArgument:
            return "invalid_argument";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kAlreadyExists:
            return "already_exists";
        case ErrorCode::kFailedPrecondition:
            return "failed_precondition";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kPermissionDenied:
            return "permission_denied";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kResourceExhausted:
            return "resource_exhausted";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kInternal:
            return "internal";
    }
    return "unknown";
}

std::string Status::ToString() const {
    if (ok()) {
        return "ok";
    }
    std::string text(ErrorCodeName(code_));
    text += ": ";
    text += message_;
    if (!field_.empty()) {
        text += " (field ";
        text += field_;
        text += ")";
    }
    return text;
}

}  // namespace pipecrm

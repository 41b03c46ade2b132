#include "http/errors.hpp"

#include "http/json.hpp"

namespace pipecrm::http {

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk:
            return 200;
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kAlreadyExists:
            return 409;
        case ErrorCode::kFailedPrecondition:
            return 409;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kResourceExhausted:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

Response ErrorResponse(const Status& status) {
    const int http_status = HttpStatusFor(status.code());
    JsonWriter w;
    w.StartObject();
    w.Key("success").Bool(false);
    w.Key("error").String(status.message());
    w.Key("error_info").String("See the PipeCRM API documentation at /api/openapi.json");
    w.Key("code").String(ErrorCodeName(status.code()));
    if (!status.field().empty()) {
        w.Key("field").String(status.field());
    }
    if (http_status == 401) {
        w.Key("errorCode").Int(401);
    }
    w.Key("data").Null();
    w.Key("additional_data").Null();
    w.EndObject();
    Response response;
    response.status = http_status;
    response.body = w.Take();
    return response;
}

Response SuccessResponse(std::string_view data_json,
                         int status,
                         std::string_view additional_data_json) {
    Response response;
    response.status = status;
    response.body.reserve(data_json.size() + additional_data_json.size() + 48);
    response.body += "{\"success\":true,\"data\":";
    response.body += data_json;
    if (!additional_data_json.empty()) {
        response.body += ",\"additional_data\":";
        response.body += additional_data_json;
    }
    response.body += '}';
    return response;
}

}  // namespace pipecrm::http

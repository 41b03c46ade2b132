// The one place an ErrorCode becomes an HTTP status and a JSON error body.
#pragma once

#include "base/status.hpp"
#include "http/server.hpp"

namespace pipecrm::http {

/// The HTTP status for each error code (every code is mapped; a test checks it).
int HttpStatusFor(ErrorCode code);

/// Pipedrive's error envelope, plus "code" and, when the error is about one, "field".
Response ErrorResponse(const Status& status);

/// A 200/201 response with `data` (already-encoded JSON) in the success envelope.
Response SuccessResponse(std::string_view data_json,
                         int status = 200,
                         std::string_view additional_data_json = {});

}  // namespace pipecrm::http

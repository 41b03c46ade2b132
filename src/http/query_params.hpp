// Reading query parameters: ids, enums, limits and opaque cursors, each error naming the
// parameter.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/list_options.hpp"
#include "http/server.hpp"

namespace pipecrm::http {

/// An optional positive id; kInvalidArgument naming the parameter.
Result<OptionalId> QueryId(const Request& request, const char* name);
/// A comma list of positive ids.
Result<std::vector<Id>> QueryIdList(const Request& request, const char* name);
/// A comma list of words.
std::vector<std::string> QueryWords(const Request& request, const char* name);
/// An optional RFC 3339 time.
Result<std::optional<Instant>> QueryInstant(const Request& request, const char* name);
/// An optional date, "YYYY-MM-DD".
Result<std::optional<Date>> QueryDate(const Request& request, const char* name);
/// An optional v1 flag: "0" or "1".
Result<std::optional<bool>> QueryFlag(const Request& request, const char* name);
/// An optional v2 boolean: "true" or "false" (present but empty is an error too).
Result<std::optional<bool>> QueryBool(const Request& request, const char* name);

/// sort_by (one of `allowed`), sort_direction (asc|desc), limit (1..500, default 100) and
/// cursor (opaque, from a previous page's next_cursor).
Result<domain::ListOptions> QueryListOptions(
    const Request& request,
    std::initializer_list<std::pair<const char*, domain::SortField>> allowed);

/// v1 offset paging: `start` (default 0) and `limit` (1..500, default 100) as {start, limit}.
Result<std::pair<int, int>> QueryOffsetPage(const Request& request);
/// v1's additional_data for an offset page: {"pagination":{start, limit, more..., next_start}}.
std::string OffsetPagination(int start, int limit, bool more);

/// The next_cursor for a page whose last row has this sort key and id.
std::string EncodeCursor(const domain::Cursor& cursor);

}  // namespace pipecrm::http

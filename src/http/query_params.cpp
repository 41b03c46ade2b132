#include "http/query_params.hpp"

#include <charconv>

#include "base/encoding.hpp"

namespace pipecrm::http {
namespace {

std::optional<std::int64_t> ParseInt(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::vector<std::string_view> SplitCommas(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find(',', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view part = text.substr(pos, end - pos);
        while (!part.empty() && part.front() == ' ') {
            part.remove_prefix(1);
        }
        while (!part.empty() && part.back() == ' ') {
            part.remove_suffix(1);
        }
        if (!part.empty()) {
            parts.push_back(part);
        }
        pos = end + 1;
    }
    return parts;
}

}  // namespace

Result<OptionalId> QueryId(const Request& request, const char* name) {
    const std::string* text = request.Query(name);
    if (text == nullptr || text->empty()) {
        return OptionalId();
    }
    auto value = ParseInt(*text);
    if (!value || *value <= 0) {
        return InvalidArgument(std::string(name) + " must be a positive integer", name);
    }
    return OptionalId(*value);
}

Result<std::vector<Id>> QueryIdList(const Request& request, const char* name) {
    std::vector<Id> ids;
    const std::string* text = request.Query(name);
    if (text == nullptr) {
        return ids;
    }
    for (std::string_view part : SplitCommas(*text)) {
        auto value = ParseInt(part);
        if (!value || *value <= 0) {
            return InvalidArgument(std::string(name) + " must be a comma list of positive integers",
                                   name);
        }
        ids.push_back(*value);
    }
    if (ids.size() > 100) {
        return InvalidArgument(std::string(name) + " takes at most 100 ids", name);
    }
    return ids;
}

std::vector<std::string> QueryWords(const Request& request, const char* name) {
    std::vector<std::string> words;
    if (const std::string* text = request.Query(name)) {
        for (std::string_view part : SplitCommas(*text)) {
            words.emplace_back(part);
        }
    }
    return words;
}

Result<std::optional<Instant>> QueryInstant(const Request& request, const char* name) {
    const std::string* text = request.Query(name);
    if (text == nullptr || text->empty()) {
        return std::optional<Instant>();
    }
    auto instant = ParseInstant(*text);
    if (!instant.ok()) {
        return InvalidArgument(std::string(name) + ": " + instant.status().message(), name);
    }
    return std::optional<Instant>(*instant);
}

Result<std::optional<Date>> QueryDate(const Request& request, const char* name) {
    const std::string* text = request.Query(name);
    if (text == nullptr || text->empty()) {
        return std::optional<Date>();
    }
    auto date = ParseDate(*text);
    if (!date.ok()) {
        return InvalidArgument(std::string(name) + ": " + date.status().message(), name);
    }
    return std::optional<Date>(*date);
}

Result<std::optional<bool>> QueryFlag(const Request& request, const char* name) {
    const std::string* text = request.Query(name);
    if (text == nullptr || text->empty()) {
        return std::optional<bool>();
    }
    if (*text != "0" && *text != "1") {
        return InvalidArgument(std::string(name) + " must be 0 or 1", name);
    }
    return std::optional<bool>(*text == "1");
}

Result<std::optional<bool>> QueryBool(const Request& request, const char* name) {
    const std::string* text = request.Query(name);
    if (text == nullptr) {
        return std::optional<bool>();
    }
    if (*text != "true" && *text != "false") {
        return InvalidArgument(std::string(name) + " must be true or false", name);
    }
    return std::optional<bool>(*text == "true");
}

Result<domain::ListOptions> QueryListOptions(
    const Request& request,
    std::initializer_list<std::pair<const char*, domain::SortField>> allowed) {
    domain::ListOptions options;
    if (const std::string* sort_by = request.Query("sort_by")) {
        bool found = false;
        std::string names;
        for (const auto& [name, field] : allowed) {
            names += names.empty() ? name : std::string(", ") + name;
            if (*sort_by == name) {
                options.sort = field;
                found = true;
            }
        }
        if (!found) {
            return InvalidArgument("sort_by must be one of " + names, "sort_by");
        }
    }
    if (const std::string* direction = request.Query("sort_direction")) {
        if (*direction != "asc" && *direction != "desc") {
            return InvalidArgument("sort_direction must be asc or desc", "sort_direction");
        }
        options.descending = *direction == "desc";
    }
    if (const std::string* limit = request.Query("limit")) {
        auto value = ParseInt(*limit);
        if (!value || *value < 1 || *value > 500) {
            return InvalidArgument("limit must be an integer from 1 to 500", "limit");
        }
        options.limit = static_cast<int>(*value);
    }
    if (const std::string* cursor = request.Query("cursor"); cursor && !cursor->empty()) {
        auto decoded = Base64UrlDecode(*cursor);
        std::optional<std::int64_t> key;
        std::optional<std::int64_t> id;
        if (decoded) {
            auto colon = decoded->find(':');
            if (colon != std::string::npos) {
                key = ParseInt(std::string_view(*decoded).substr(0, colon));
                id = ParseInt(std::string_view(*decoded).substr(colon + 1));
            }
        }
        if (!key || !id) {
            return InvalidArgument("cursor is not one this server issued", "cursor");
        }
        options.after = domain::Cursor{*key, *id};
    }
    return options;
}

Result<std::pair<int, int>> QueryOffsetPage(const Request& request) {
    auto number = [&](const char* name, int fallback, int min, int max) -> Result<int> {
        const std::string* text = request.Query(name);
        if (text == nullptr || text->empty()) {
            return fallback;
        }
        auto value = ParseInt(*text);
        if (!value || *value < min || *value > max) {
            return InvalidArgument(std::string(name) + " must be a whole number from " +
                                       std::to_string(min) + " to " + std::to_string(max),
                                   name);
        }
        return static_cast<int>(*value);
    };
    auto start = number("start", 0, 0, 1'000'000'000);
    auto limit = number("limit", 100, 1, 500);
    if (!start.ok() || !limit.ok()) {
        return !start.ok() ? start.status() : limit.status();
    }
    return std::pair{*start, *limit};
}

std::string OffsetPagination(int start, int limit, bool more) {
    std::string json = "{\"pagination\":{\"start\":" + std::to_string(start) +
                       ",\"limit\":" + std::to_string(limit) +
                       ",\"more_items_in_collection\":" + (more ? "true" : "false");
    if (more) {
        json += ",\"next_start\":" + std::to_string(start + limit);
    }
    return json + "}}";
}

std::string EncodeCursor(const domain::Cursor& cursor) {
    return Base64UrlEncode(std::to_string(cursor.key) + ":" + std::to_string(cursor.id));
}

}  // namespace pipecrm::http

#include "storage/postgres/placeholders.hpp"

#include <cctype>

namespace pipecrm::storage::postgres {

std::string RewritePlaceholders(std::string_view sql, std::vector<bool>* used) {
    std::string out;
    out.reserve(sql.size() + 16);
    int largest = 0;
    std::vector<bool> named;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // a literal or a quoted name, its quote doubled inside
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop;
            continue;
        }
        if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment to the line end
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop;
            continue;
        }
        if (c != '?') {
            out.push_back(c);
            ++i;
            continue;
        }
        ++i;
        int number = 0;
        bool numbered = false;
        while (i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i]))) {
            number = number * 10 + (sql[i] - '0');
            numbered = true;
            ++i;
        }
        if (!numbered) {
            number = largest + 1;
        }
        if (number > largest) {
            largest = number;
        }
        if (number > 0) {
            if (named.size() < static_cast<std::size_t>(number)) {
                named.resize(static_cast<std::size_t>(number));
            }
            named[static_cast<std::size_t>(number - 1)] = true;
        }
        out += '$';
        out += std::to_string(number);
    }
    if (used != nullptr) {
        *used = std::move(named);
    }
    return out;
}

}  // namespace pipecrm::storage::postgres

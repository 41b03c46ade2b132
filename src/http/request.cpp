// Request parsing that needs no Beast: percent-decoding, query strings, header and query lookup.
#include "http/server.hpp"

namespace pipecrm::http {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string PercentDecode(std::string_view text, bool plus_is_space) {
    if (text.find('%') == std::string_view::npos &&
        (!plus_is_space || text.find('+') == std::string_view::npos)) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = HexValue(text[i + 1]);
            const int low = HexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += (plus_is_space && c == '+') ? ' ' : c;
    }
    return out;
}

HeaderList ParseQueryString(std::string_view query) {
    HeaderList params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (part.empty()) {
            continue;
        }
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            params.emplace_back(PercentDecode(part, true), std::string());
        } else {
            params.emplace_back(PercentDecode(part.substr(0, eq), true),
                                PercentDecode(part.substr(eq + 1), true));
        }
    }
    return params;
}

const std::string* Request::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return &value;
        }
    }
    return nullptr;
}

const std::string* Request::Query(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name) {
            return &value;
        }
    }
    return nullptr;
}

}  // namespace pipecrm::http

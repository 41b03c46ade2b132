#include "reports/report_render.hpp"

#include <cmath>
#include <cstdio>

#include "base/money.hpp"

namespace pipecrm::reports {
namespace {

std::string Fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') {
            text.pop_back();
        }
        if (text.back() == '.') {
            text.pop_back();
        }
    }
    return text == "-0" ? "0" : text;
}

// The cell as plain text; empty for null.
std::string Plain(const Cell& cell, const std::string& currency, const std::string& column) {
    switch (cell.kind) {
        case CellKind::kNull:
            return {};
        case CellKind::kInt:
            return std::to_string(cell.integer);
        case CellKind::kNumber: {
            const bool ratio = column.find("rate") != std::string::npos ||
                               column.find("probability") != std::string::npos || column == "share";
            return Fixed(cell.number, ratio ? 4 : 2);
        }
        case CellKind::kMoney:
            return FormatAmount(cell.integer, currency);
        case CellKind::kText:
            return cell.text;
    }
    return {};
}

std::string JsonString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string JsonValue(const Cell& cell, const std::string& currency, const std::string& column) {
    if (cell.kind == CellKind::kNull ||
        (cell.kind == CellKind::kNumber && !std::isfinite(cell.number))) {
        return "null";
    }
    if (cell.kind == CellKind::kText) {
        return JsonString(cell.text);
    }
    return Plain(cell, currency, column);
}

std::string CsvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

// Characters on screen: UTF-8 code points (Vietnamese text is NFC, one per letter).
std::size_t Width(const std::string& text) {
    std::size_t width = 0;
    for (const char c : text) {
        width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return width;
}

}  // namespace

std::string RenderJson(const ReportTable& table) {
    const std::string& currency = table.base_currency;
    std::string out = "{\"report\":" + JsonString(table.report) +
                      ",\"base_currency\":" + JsonString(currency) + ",\"summary\":{";
    for (std::size_t i = 0; i < table.summary.size(); ++i) {
        const auto& [key, cell] = table.summary[i];
        out += (i ? "," : "") + JsonString(key) + ":" + JsonValue(cell, currency, key);
    }
    out += "},\"columns\":[";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        out += (i ? "," : "") + JsonString(table.columns[i]);
    }
    out += "],\"rows\":[";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out += r ? ",{" : "{";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            out += (c ? "," : "") + JsonString(table.columns[c]) + ":" +
                   JsonValue(table.rows[r][c], currency, table.columns[c]);
        }
        out += "}";
    }
    return out + "]}";
}

std::string RenderCsv(const ReportTable& table) {
    std::string out;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out += (c ? "," : "") + CsvField(table.columns[c]);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            out += (c ? "," : "") + CsvField(Plain(row[c], table.base_currency, table.columns[c]));
        }
        out += "\r\n";
    }
    return out;
}

std::string RenderText(const ReportTable& table) {
    std::string out = table.report + " (values in " + table.base_currency + ")\n";
    for (const auto& [key, cell] : table.summary) {
        const std::string value = Plain(cell, table.base_currency, key);
        out += key + ": " + (value.empty() ? "-" : value) + "\n";
    }
    out += "\n";
    std::vector<std::vector<std::string>> cells;
    cells.push_back(table.columns);
    for (const auto& row : table.rows) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const std::string value = Plain(row[c], table.base_currency, table.columns[c]);
            line.push_back(value.empty() ? "-" : value);
        }
        cells.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(table.columns.size(), 0);
    for (const auto& line : cells) {
        for (std::size_t c = 0; c < line.size(); ++c) {
            widths[c] = std::max(widths[c], Width(line[c]));
        }
    }
    for (const auto& line : cells) {
        std::string text;
        for (std::size_t c = 0; c < line.size(); ++c) {
            text += line[c];
            if (c + 1 < line.size()) {
                text += std::string(widths[c] - Width(line[c]) + 2, ' ');
            }
        }
        out += text + "\n";
    }
    return out;
}

}  // namespace pipecrm::reports

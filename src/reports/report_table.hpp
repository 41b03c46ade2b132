// What every report returns: named columns, rows of typed cells, and a few summary figures.
// The edges render it as JSON, CSV or a plain table (report_render.hpp), so the API and the
// CLI always agree.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pipecrm::reports {

enum class CellKind { kNull, kInt, kNumber, kMoney, kText };

/// One value. kMoney holds minor units of the report's base currency; kNumber is a ratio or a
/// number of days, rounded to two decimals when rendered.
struct Cell {
    CellKind kind = CellKind::kNull;
    std::int64_t integer = 0;
    double number = 0;
    std::string text;

    static Cell Null() { return {}; }
    static Cell Int(std::int64_t v) { return {CellKind::kInt, v, 0, {}}; }
    static Cell Number(double v) { return {CellKind::kNumber, 0, v, {}}; }
    static Cell Money(std::int64_t minor_units) { return {CellKind::kMoney, minor_units, 0, {}}; }
    static Cell Text(std::string v) { return {CellKind::kText, 0, 0, std::move(v)}; }
    bool operator==(const Cell&) const = default;
};

struct ReportTable {
    std::string report;         ///< e.g. "funnel"
    std::string base_currency;  ///< the currency of every kMoney cell
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;  ///< each as long as `columns`
    std::vector<std::pair<std::string, Cell>> summary;

    /// The cell of `column` in row `row`; a kNull cell when there is no such column.
    const Cell& At(std::size_t row, const std::string& column) const;
    /// The summary figure `key`; a kNull cell when there is none.
    const Cell& Summary(const std::string& key) const;
};

}  // namespace pipecrm::reports

// A ReportTable as text: JSON for the API and `--format json`, CSV for `?format=csv` and
// `--format csv`, and a plain aligned table for the terminal. One renderer for both edges, so
// they always agree. Money cells are decimal numbers in the base currency; ratios and days
// keep two decimals (ratios four).
#pragma once

#include <string>

#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// {"report", "base_currency", "summary": {...}, "columns": [...], "rows": [{column: value}]}
std::string RenderJson(const ReportTable& table);
/// A header line of column names, then one line per row (RFC 4180 quoting, CRLF ends).
std::string RenderCsv(const ReportTable& table);
/// The summary as "key: value" lines, a blank line, then the rows with padded columns.
std::string RenderText(const ReportTable& table);

}  // namespace pipecrm::reports

#include "reports/report_table.hpp"

#include <algorithm>

namespace pipecrm::reports {
namespace {
const Cell kNullCell;
}  // namespace

const Cell& ReportTable::At(std::size_t row, const std::string& column) const {
    const auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end() || row >= rows.size()) {
        return kNullCell;
    }
    return rows[row][static_cast<std::size_t>(it - columns.begin())];
}

const Cell& ReportTable::Summary(const std::string& key) const {
    for (const auto& [name, cell] : summary) {
        if (name == key) {
            return cell;
        }
    }
    return kNullCell;
}

}  // namespace pipecrm::reports

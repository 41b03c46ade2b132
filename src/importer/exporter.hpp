// CSV export of a workspace's records, in the columns the importer reads, so that an export
// imports back to the same data (with its id column: an update of the same records).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::importer {

enum class ExportKind { kPersons, kOrganizations, kDeals, kActivities, kNotes };
std::optional<ExportKind> ParseExportKind(std::string_view text);  ///< "persons", ... "notes"

/// Writes the workspace's live records of `kind` as CSV (header first, then one record per
/// row by id) through `write`, a page at a time. Owners are written as emails, organizations
/// and persons by name, times as "YYYY-MM-DD HH:MM:SS" UTC, custom fields under their names
/// (options by label).
Status ExportCsv(domain::Repositories& repos,
                 Id workspace_id,
                 ExportKind kind,
                 const std::function<void(std::string_view)>& write);

}  // namespace pipecrm::importer

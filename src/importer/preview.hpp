// What the mapping screen shows before an import: the header, what each column would fill, the
// first rows with what is wrong in each by itself, and the fields a column may be mapped to.
// Nothing is written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "domain/actor.hpp"
#include "domain/custom_field.hpp"
#include "domain/store.hpp"
#include "importer/apply.hpp"
#include "importer/column_mapping.hpp"

namespace pipecrm::importer {

struct ImportPreview {
    ImportKind kind = ImportKind::kPersons;
    char delimiter = ',';
    std::int64_t rows_total = 0;
    std::vector<std::string> header;
    ColumnMapping mapping;
    std::vector<std::vector<std::string>> rows;  ///< the first records after the header
    /// Per row of `rows`: why validation (step 3) rejects it under this mapping (message and
    /// field), or kOk. What needs the database (owners, stages, duplicates) is not checked.
    std::vector<Status> problems;
    std::vector<domain::CustomField> custom_fields;  ///< of the kind, mappable by key or name
};

/// Reads the whole file and maps its header as RunImport would (options.kind and options.map),
/// keeping the first `max_rows` records and validating them as RunImport would. Fails as RunImport
/// does before it writes anything: kInvalidArgument naming the line (encoding, open quote, empty
/// file) or "map".
Result<ImportPreview> PreviewImport(domain::Store& store,
                                    const domain::Actor& actor,
                                    std::string_view csv,
                                    const ImportOptions& options,
                                    int max_rows);

}  // namespace pipecrm::importer

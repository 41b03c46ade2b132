// Step 2 of an import: which field each CSV column fills. Headers are recognised in English and
// Vietnamese ("Số điện thoại", "sđt" and "phone" all mean phone), custom fields by their name,
// and --map CSVCOL=FIELD overrides both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "domain/custom_field.hpp"
#include "importer/csv_reader.hpp"

namespace pipecrm::importer {

enum class ImportKind { kPersons, kOrganizations, kDeals, kActivities };

std::string_view ImportKindName(ImportKind kind);  ///< "persons", "organizations", ...
std::optional<ImportKind> ParseImportKind(std::string_view text);

/// The standard fields a kind's columns may fill, in the order exports write them.
const std::vector<std::string>& StandardFields(ImportKind kind);

/// What one column fills: a standard field, a custom field (by key), or nothing.
struct ColumnTarget {
    std::string field;       ///< a StandardFields() name; empty for a custom field or none
    std::string custom_key;  ///< the custom field's key
    bool ignored() const { return field.empty() && custom_key.empty(); }
};

struct ColumnMapping {
    std::vector<ColumnTarget> columns;  ///< one per header column
    std::vector<std::string> ignored;   ///< headers of the columns nothing reads
};

/// `header` folded for matching: lower case, no diacritics, '_' '-' '.' '/' as spaces, trimmed.
std::string FoldHeader(std::string_view header);

/// Maps the header. `overrides` are "CSVCOL=FIELD" ("-" as FIELD ignores the column); FIELD is
/// a standard field, or a custom field's key or name. Fails with kInvalidArgument naming the
/// override or column: an unknown column or field, or two columns for one single-valued field.
/// Columns that may repeat (email, phone) can be given more than once.
Result<ColumnMapping> MapColumns(ImportKind kind,
                                 const std::vector<std::string>& header,
                                 const std::vector<std::string>& overrides,
                                 const std::vector<domain::CustomField>& custom_fields);

/// One record's non-empty cells (spaces trimmed) by what they fill.
struct MappedRow {
    std::int64_t line = 0;
    std::vector<std::pair<std::string, std::string>> fields;  ///< standard field, text
    std::vector<std::pair<std::string, std::string>> custom;  ///< custom field key, text

    /// The first cell of the field; empty when the row has none.
    const std::string& Get(std::string_view field) const;
    /// Every cell of a repeatable field (email, phone).
    std::vector<std::string> GetAll(std::string_view field) const;
};

/// The record's cells by the mapping. kInvalidArgument when the record has non-empty cells past
/// the header's columns.
Result<MappedRow> ApplyMapping(const ColumnMapping& mapping, const CsvRecord& record);

}  // namespace pipecrm::importer

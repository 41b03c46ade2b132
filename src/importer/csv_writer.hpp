// CSV out: RFC 4180 records, quoted only when a field needs it. Used by exports and the
// rejected-rows file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pipecrm::importer {

/// One record with its line ending ("\r\n", as RFC 4180 writes).
std::string CsvLine(const std::vector<std::string>& fields);

/// `field` quoted when it holds a comma, quote, CR or LF, or starts or ends with a space.
std::string CsvField(std::string_view field);

}  // namespace pipecrm::importer

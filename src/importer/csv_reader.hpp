// Step 1 of an import: CSV text to records. RFC 4180 quoting (newlines and doubled quotes inside
// quoted fields), the delimiter guessed from the first lines, a UTF-8 BOM skipped, any other
// encoding refused naming the line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace pipecrm::importer {

struct CsvRecord {
    std::int64_t line = 0;  ///< the file line the record starts on, from 1
    std::vector<std::string> fields;
};

/// Reads records one at a time from text held by the caller (which must outlive the reader).
/// Not safe for concurrent use.
class CsvReader {
  public:
    explicit CsvReader(std::string_view text);

    /// ',', ';', '\t' or '|': the one that splits the first lines into the same number of
    /// fields, most of them.
    char delimiter() const { return delimiter_; }
    /// The next record, skipping blank lines; nullopt at the end. kInvalidArgument naming the
    /// line for text that is not UTF-8 (a UTF-16 file included) or a quote left open.
    Result<std::optional<CsvRecord>> Next();
    /// Reads past the next record without keeping its fields (checking a whole file before
    /// anything is imported): false at the end; the same errors as Next.
    Result<bool> Skip();
    /// Bytes read so far and in all, for progress.
    std::size_t position() const { return pos_; }
    std::size_t size() const { return text_.size(); }

  private:
    /// Next's reading, into `record`, or past the record when it is null.
    Result<bool> Read(CsvRecord* record);

    std::string_view text_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 1;
    char delimiter_ = ',';
    std::optional<Status> encoding_error_;
};

}  // namespace pipecrm::importer

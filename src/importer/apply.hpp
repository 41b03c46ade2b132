// Step 5 of an import, and the pipeline as a whole: read, map, validate, find duplicates, then
// write through the same domain services the API uses, many rows per write job (one
// transaction each), so that what is reported done is committed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/store.hpp"
#include "importer/column_mapping.hpp"

namespace pipecrm::importer {

enum class OnDuplicate { kSkip, kUpdate, kCreate };
std::optional<OnDuplicate> ParseOnDuplicate(std::string_view text);  ///< skip|update|create

struct ImportSummary;

struct ImportProgress {
    std::int64_t rows_done = 0;
    std::int64_t rows_total = 0;
    const ImportSummary* summary = nullptr;  ///< the counts so far
};

struct ImportOptions {
    ImportKind kind = ImportKind::kPersons;
    std::vector<std::string> map;  ///< --map CSVCOL=FIELD overrides
    OnDuplicate on_duplicate = OnDuplicate::kSkip;
    bool dry_run = false;    ///< everything is checked and counted; nothing is kept
    OptionalId pipeline_id;  ///< deals: where stage names are looked up (default: the first)
    int batch_rows = 10000;  ///< rows per transaction
    /// Every row through the services the API uses, one call per step (the reference the
    /// faster bulk writes are compared with in tests).
    bool per_row_writes = false;
    /// Called after each committed batch, on the caller's thread.
    std::function<void(const ImportProgress&)> progress;
    /// Asked before each batch; true stops the import (kUnavailable), committed batches stay.
    std::function<bool()> should_stop;
};

struct RejectedRow {
    std::int64_t line = 0;
    std::string reason;
    std::vector<std::string> fields;  ///< as read
};

struct ImportSummary {
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t skipped = 0;  ///< duplicates left alone (--on-duplicate skip)
    std::int64_t rejected = 0;
    std::int64_t organizations_created = 0;  ///< for rows of other kinds
    std::int64_t persons_created = 0;        ///< for rows of other kinds
    std::vector<std::string> header;
    std::vector<std::string> ignored_columns;
    std::vector<RejectedRow> rejected_rows;
};

/// Imports `csv` into the actor's workspace. Records are owned by the actor's user unless the
/// row names an owner. Fails (before anything is written) with kInvalidArgument naming the line
/// for text that is not UTF-8 or a quote never closed, and for a bad --map; rows that fail
/// their checks are counted as rejected, with their reason, and the rest go on. A failure of
/// the database stops the import: the batches reported through `progress` stay committed.
/// Re-running the same file creates no duplicates (unless --on-duplicate create).
Result<ImportSummary> RunImport(domain::Store& store,
                                const domain::Actor& actor,
                                std::string_view csv,
                                const ImportOptions& options,
                                const Clock& clock);

/// The rejected rows as CSV: the file's header then "line" and "reason", one record per row.
std::string RejectedCsv(const ImportSummary& summary);

}  // namespace pipecrm::importer

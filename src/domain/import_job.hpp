// An import started over the API: its options, progress and outcome, kept in storage so that
// whoever started it can leave the page and come back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

enum class ImportJobStatus { kRunning, kDone, kFailed };

inline std::string_view ImportJobStatusName(ImportJobStatus status) {
    switch (status) {
        case ImportJobStatus::kRunning:
            return "running";
        case ImportJobStatus::kDone:
            return "done";
        case ImportJobStatus::kFailed:
            return "failed";
    }
    return "failed";
}

inline ImportJobStatus ParseImportJobStatus(std::string_view text) {
    return text == "running" ? ImportJobStatus::kRunning
           : text == "done"  ? ImportJobStatus::kDone
                             : ImportJobStatus::kFailed;
}

struct ImportJob {
    Id id = 0;
    Id workspace_id = 0;
    Id user_id = 0;    ///< who started it
    std::string kind;  ///< persons, organizations, deals, activities
    ImportJobStatus status = ImportJobStatus::kRunning;
    bool dry_run = false;
    std::string on_duplicate = "skip";
    std::string file_name;
    std::int64_t rows_total = 0;
    std::int64_t rows_done = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t skipped = 0;
    std::int64_t rejected = 0;
    std::int64_t organizations_created = 0;
    std::int64_t persons_created = 0;
    std::string ignored_columns;  ///< one header per line
    std::string error;            ///< why it failed; empty otherwise
    std::string rejected_csv;     ///< FILE.rejected.csv's contents, once finished
    Instant add_time;
    Instant update_time;
    std::optional<Instant> finish_time;
};

}  // namespace pipecrm::domain

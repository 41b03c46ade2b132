// Imports started over the API: each runs on its own thread while its progress, summary and
// rejected rows are recorded in storage (domain::ImportJob), where the API reads them.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/import_job.hpp"
#include "domain/store.hpp"
#include "importer/apply.hpp"

namespace pipecrm::importer {

/// Safe for concurrent use.
class ImportJobRunner {
  public:
    /// Marks jobs left running by a server that stopped as failed (best effort).
    ImportJobRunner(domain::Store& store, const Clock& clock);
    /// Asks running imports to stop after their current batch and waits for them.
    ~ImportJobRunner();
    ImportJobRunner(const ImportJobRunner&) = delete;
    ImportJobRunner& operator=(const ImportJobRunner&) = delete;

    /// Checks the file and the options as PreviewImport does (the same errors, nothing
    /// recorded), records the job and starts it. Returns the job as first recorded.
    Result<domain::ImportJob> Start(const domain::Actor& actor,
                                    std::string csv,
                                    std::string file_name,
                                    ImportOptions options);

  private:
    void Run(domain::ImportJob job, domain::Actor actor, std::string csv, ImportOptions options);
    Status Save(const domain::ImportJob& job);

    domain::Store& store_;
    const Clock& clock_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;                  ///< guards threads_
    std::vector<std::thread> threads_;  ///< one per job started, joined on destruction
};

}  // namespace pipecrm::importer

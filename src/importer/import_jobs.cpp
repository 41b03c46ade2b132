#include "importer/import_jobs.hpp"

#include "importer/preview.hpp"

namespace pipecrm::importer {
namespace {

std::string_view OnDuplicateName(OnDuplicate on_duplicate) {
    switch (on_duplicate) {
        case OnDuplicate::kSkip:
            return "skip";
        case OnDuplicate::kUpdate:
            return "update";
        case OnDuplicate::kCreate:
            return "create";
    }
    return "skip";
}

void CopyCounts(const ImportSummary& summary, domain::ImportJob& job) {
    job.rows_done = summary.rows;
    job.created = summary.created;
    job.updated = summary.updated;
    job.skipped = summary.skipped;
    job.rejected = summary.rejected;
    job.organizations_created = summary.organizations_created;
    job.persons_created = summary.persons_created;
}

}  // namespace

ImportJobRunner::ImportJobRunner(domain::Store& store, const Clock& clock)
    : store_(store), clock_(clock) {
    const Instant now = clock_.Now();
    // Best effort: a store that cannot be written now will say so to the first request.
    (void)store_.WriteAndWait([now](domain::Repositories& repos) -> Status {
        auto failed = repos.ImportJobs().FailRunning(
            "the server stopped while this import ran; the rows it reported are committed, and "
            "importing the same file again skips them",
            now);
        return failed.ok() ? Status::Ok() : failed.status();
    });
}

ImportJobRunner::~ImportJobRunner() {
    stopping_ = true;
    std::vector<std::thread> threads;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        threads.swap(threads_);
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
}

Status ImportJobRunner::Save(const domain::ImportJob& job) {
    return store_.WriteAndWait(
        [&job](domain::Repositories& repos) { return repos.ImportJobs().Update(job); });
}

Result<domain::ImportJob> ImportJobRunner::Start(const domain::Actor& actor,
                                                 std::string csv,
                                                 std::string file_name,
                                                 ImportOptions options) {
    auto preview = PreviewImport(store_, actor, csv, options, 0);
    if (!preview.ok()) {
        return preview.status();
    }
    domain::ImportJob job;
    job.workspace_id = actor.workspace_id;
    job.user_id = actor.user_id;
    job.kind = std::string(ImportKindName(options.kind));
    job.dry_run = options.dry_run;
    job.on_duplicate = std::string(OnDuplicateName(options.on_duplicate));
    job.file_name = std::move(file_name);
    job.rows_total = preview->rows_total;
    for (const std::string& column : preview->mapping.ignored) {
        job.ignored_columns += (job.ignored_columns.empty() ? "" : "\n") + column;
    }
    job.add_time = clock_.Now();
    job.update_time = job.add_time;
    PIPECRM_RETURN_IF_ERROR(store_.WriteAndWait([&job](domain::Repositories& repos) -> Status {
        auto id = repos.ImportJobs().Insert(job);
        if (!id.ok()) {
            return id.status();
        }
        job.id = *id;
        return Status::Ok();
    }));
    std::lock_guard<std::mutex> lock(mutex_);
    threads_.emplace_back(&ImportJobRunner::Run, this, job, actor, std::move(csv),
                          std::move(options));
    return job;
}

void ImportJobRunner::Run(domain::ImportJob job,
                          domain::Actor actor,
                          std::string csv,
                          ImportOptions options) {
    options.should_stop = [this] { return stopping_.load(); };
    options.progress = [&](const ImportProgress& progress) {
        CopyCounts(*progress.summary, job);
        job.update_time = clock_.Now();
        // A progress record that fails to save is only late: the final one says it all.
        (void)Save(job);
    };
    auto summary = RunImport(store_, actor, csv, options, clock_);
    job.update_time = clock_.Now();
    job.finish_time = job.update_time;
    if (summary.ok()) {
        CopyCounts(*summary, job);
        job.status = domain::ImportJobStatus::kDone;
        if (summary->rejected > 0) {
            job.rejected_csv = RejectedCsv(*summary);
        }
    } else {
        job.status = domain::ImportJobStatus::kFailed;
        job.error = summary.status().message();
    }
    (void)Save(job);
}

}  // namespace pipecrm::importer

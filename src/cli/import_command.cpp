// pipecrm import KIND FILE and pipecrm export KIND: CSV in and out of a workspace.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "cli/commands.hpp"
#include "importer/apply.hpp"
#include "importer/exporter.hpp"

namespace pipecrm::cli {
namespace {

// Records made by an import belong to the workspace's first admin unless a row names an owner.
Status ActAsFirstAdmin(domain::Store& store, domain::Actor& actor) {
    return store.Read([&](domain::Repositories& repos) -> Status {
        auto users = repos.Users().List(actor.workspace_id);
        if (!users.ok()) {
            return users.status();
        }
        for (const domain::User& user : *users) {
            if (user.role == domain::Role::kAdmin && user.active) {
                actor.user_id = user.id;
                actor.default_currency = user.default_currency;
                return Status::Ok();
            }
        }
        return FailedPrecondition("the workspace has no active admin to own imported records");
    });
}

std::string Duration(double seconds) {
    const auto whole = static_cast<long long>(seconds + 0.5);
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
    return text;
}

// A bar with rows/s and time left on a terminal; otherwise a plain line every few seconds.
class ProgressReporter {
  public:
    ProgressReporter(std::ostream& err, bool terminal) : err_(err), terminal_(terminal) {}

    void Report(const importer::ImportProgress& progress) {
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double rate = elapsed > 0 ? static_cast<double>(progress.rows_done) / elapsed : 0;
        const double left =
            rate > 0 ? static_cast<double>(progress.rows_total - progress.rows_done) / rate : 0;
        const bool finished = progress.rows_done >= progress.rows_total;
        if (terminal_) {
            const int width = 30;
            const auto filled = static_cast<std::size_t>(
                progress.rows_total ? progress.rows_done * width / progress.rows_total : width);
            err_ << "\r[" << std::string(filled, '#')
                 << std::string(static_cast<std::size_t>(width) - filled, ' ') << "] "
                 << progress.rows_done << "/" << progress.rows_total << " rows  "
                 << static_cast<long long>(rate) << " rows/s  " << Duration(left) << " left "
                 << (finished ? "\n" : "") << std::flush;
            return;
        }
        if (finished || now - last_line_ >= std::chrono::seconds(2)) {
            last_line_ = now;
            err_ << "import: " << progress.rows_done << "/" << progress.rows_total << " rows, "
                 << static_cast<long long>(rate) << " rows/s, " << Duration(left) << " left\n";
        }
    }

  private:
    std::ostream& err_;
    bool terminal_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_line_ = start_;
};

}  // namespace

Status RunImport(const Arguments& args, Environment& env) {
    importer::ImportOptions options;
    auto kind = importer::ParseImportKind(args.Get("KIND"));
    if (!kind) {
        return InvalidArgument(
            "what to import must be persons, organizations, deals or "
            "activities, not \"" +
                args.Get("KIND") + "\"",
            "KIND");
    }
    options.kind = *kind;
    auto on_duplicate = importer::ParseOnDuplicate(args.Get("on-duplicate"));
    if (!on_duplicate) {
        return InvalidArgument("--on-duplicate must be skip, update or create", "on-duplicate");
    }
    options.on_duplicate = *on_duplicate;
    options.dry_run = args.Has("dry-run");
    options.map = args.GetAll("map");
    if (args.Has("pipeline")) {
        auto pipeline = PositiveIntOption(args, "pipeline", 1LL << 62);
        if (!pipeline.ok()) {
            return pipeline.status();
        }
        options.pipeline_id = static_cast<Id>(*pipeline);
    }
    const std::string& file = args.Get("FILE");
    auto csv = env.ReadFile(file);
    if (!csv.ok()) {
        return csv.status();
    }
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    PIPECRM_RETURN_IF_ERROR(ActAsFirstAdmin(*session->store, session->actor));
    ProgressReporter reporter(env.err(), env.ErrIsTerminal());
    options.progress = [&reporter](const importer::ImportProgress& progress) {
        reporter.Report(progress);
    };
    auto summary = importer::RunImport(*session->store, session->actor, *csv, options, env.clock());
    if (!summary.ok()) {
        return Status(summary.status().code(), file + ": " + summary.status().message(),
                      summary.status().field());
    }
    // Beside the file; a pipe or a device (/dev/stdin) has no "beside", so then in the current
    // directory, under the pipe's own name.
    const std::string rejected_path =
        env.IsRegularFile(file) ? file + ".rejected.csv"
                                : std::filesystem::path(file).filename().string() + ".rejected.csv";
    if (summary->rejected > 0) {
        PIPECRM_RETURN_IF_ERROR(env.WriteFile(rejected_path, importer::RejectedCsv(*summary)));
    } else {
        env.RemoveFile(rejected_path);
    }
    std::ostream& out = env.out();
    out << (options.dry_run ? "Dry run (nothing was changed): " : "Imported ") << args.Get("KIND")
        << " from " << file << ": " << summary->rows << " rows, " << summary->created
        << " created, " << summary->updated << " updated, " << summary->skipped
        << " skipped as duplicates, " << summary->rejected << " rejected.\n";
    if (summary->organizations_created > 0 || summary->persons_created > 0) {
        out << "Also created: " << summary->organizations_created << " organizations, "
            << summary->persons_created << " persons.\n";
    }
    if (!summary->ignored_columns.empty()) {
        out << "Ignored columns:";
        for (const std::string& column : summary->ignored_columns) {
            out << " \"" << column << "\"";
        }
        out << " (read them with --map COLUMN=FIELD).\n";
    }
    if (summary->rejected > 0) {
        out << "Rejected rows, with their line and reason: " << rejected_path << "\n";
    }
    return Status::Ok();
}

Status RunExport(const Arguments& args, Environment& env) {
    auto kind = importer::ParseExportKind(args.Get("KIND"));
    if (!kind) {
        return InvalidArgument(
            "what to export must be persons, organizations, deals, "
            "activities or notes, not \"" +
                args.Get("KIND") + "\"",
            "KIND");
    }
    return ReadInWorkspace(args, env, [&](domain::Repositories& repos, const domain::Actor& actor) {
        return importer::ExportCsv(repos, actor.workspace_id, *kind,
                                   [&env](std::string_view chunk) { env.out() << chunk; });
    });
}

}  // namespace pipecrm::cli

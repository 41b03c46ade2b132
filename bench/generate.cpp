// pipecrm_generate: a new SQLite database with one workspace and N deals of realistic sample
// data (stage histories, persons, organizations, activities), the same for the same seed.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <string_view>

#include "domain/workspace_setup.hpp"
#include "sample/sample_data.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace pipecrm::bench {
namespace {

constexpr int kUsageError = 2;
constexpr std::string_view kUsage =
    "usage: pipecrm_generate --db PATH --deals N [--seed S] [--lang en|vi]\n";

struct Options {
    std::string db;
    long long deals = -1;
    long long seed = 1;
    std::string lang = "en";
};

// Every timestamp derives from this instant, not the clock, so that equal seeds give equal
// databases.
Instant FixedNow() {
    using namespace std::chrono;
    return Instant{sys_days{year{2026} / November / 1}};
}

bool ParseCount(const char* text, long long& out) {
    char* end = nullptr;
    out = std::strtoll(text, &end, 10);
    return *text != '\0' && *end == '\0' && out >= 0;
}

// Returns false (after printing why) when the arguments are not usable.
bool ParseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) {
            std::cerr << "missing value for " << flag << "\n";
            return false;
        }
        const char* value = argv[++i];
        if (flag == "--db") {
            options.db = value;
        } else if (flag == "--deals") {
            if (!ParseCount(value, options.deals) || options.deals > 10'000'000) {
                std::cerr << "--deals must be a whole number from 0 to 10000000\n";
                return false;
            }
        } else if (flag == "--seed") {
            if (!ParseCount(value, options.seed)) {
                std::cerr << "--seed must be a non-negative whole number\n";
                return false;
            }
        } else if (flag == "--lang") {
            options.lang = value;
            if (options.lang != "en" && options.lang != "vi") {
                std::cerr << "--lang must be en or vi\n";
                return false;
            }
        } else {
            std::cerr << "unknown option " << flag << "\n";
            return false;
        }
    }
    if (options.db.empty() || options.deals < 0) {
        std::cerr << "--db and --deals are required\n";
        return false;
    }
    return true;
}

void ShowProgress(int done, int total) {
    constexpr int kWidth = 30;
    const int filled = total > 0 ? done * kWidth / total : kWidth;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(kWidth - filled), ' ') << "] " << done << "/"
              << total << " deals" << (done == total ? "\n" : "") << std::flush;
}

int Generate(const Options& options) {
    if (std::filesystem::exists(options.db)) {
        std::cerr << options.db << " already exists; pipecrm_generate only creates new databases\n";
        return kUsageError;
    }
    const auto started = std::chrono::steady_clock::now();
    // A page cache large enough for the indexes of a million deals: with SQLite's 2 MiB the
    // writer re-read (and spilled) index pages tens of gigabytes over at 1M deals.
    storage::sqlite::StoreOptions store_options;
    store_options.sqlite_writer_cache_mib = 2048;
    auto store = storage::sqlite::SqliteStore::Open(options.db, store_options);
    if (!store.ok()) {
        std::cerr << "cannot create " << options.db << ": " << store.status().ToString() << "\n";
        return 1;
    }
    const bool vietnamese = options.lang == "vi";
    domain::NewWorkspace request;
    request.name = "PipeCRM Bench";
    request.language = vietnamese ? domain::Language::kVietnamese : domain::Language::kEnglish;
    request.admin_email = "bench@example.com";
    request.admin_name = "Bench Admin";
    domain::CreatedWorkspace workspace;
    Status set_up = (*store)->WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto created = domain::SetUpWorkspace(repos, request, FixedNow());
        if (!created.ok()) {
            return created.status();
        }
        workspace = *created;
        return Status::Ok();
    });
    if (!set_up.ok()) {
        std::cerr << "cannot set up the workspace: " << set_up.ToString() << "\n";
        return 1;
    }

    sample::SampleOptions sample_options;
    sample_options.workspace_id = workspace.workspace_id;
    sample_options.admin_user_id = workspace.admin_user_id;
    sample_options.deals = static_cast<int>(options.deals);
    sample_options.seed = static_cast<std::uint64_t>(options.seed);
    sample_options.now = FixedNow();
    sample_options.vietnamese = vietnamese;
    // Few large transactions: at 1M deals the commits (and their fsyncs) of 500-deal batches
    // were most of the run.
    sample_options.batch = 20'000;
    sample_options.progress = ShowProgress;
    auto summary = sample::GenerateSampleData(**store, sample_options);
    if (!summary.ok()) {
        std::cerr << "\ngenerating failed: " << summary.status().ToString() << "\n";
        return 1;
    }
    store->reset();  // waits for every write to be durable before the time is taken
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    std::cout << options.db << ": " << summary->deals << " deals, " << summary->persons
              << " persons, " << summary->organizations << " organizations, " << summary->activities
              << " activities, " << summary->notes << " notes, " << summary->products
              << " products, " << summary->users << " users in " << std::fixed
              << std::setprecision(1) << elapsed.count() << " s (seed " << options.seed << ")\n";
    return 0;
}

}  // namespace
}  // namespace pipecrm::bench

int main(int argc, char** argv) {
    pipecrm::bench::Options options;
    if (!pipecrm::bench::ParseOptions(argc, argv, options)) {
        std::cerr << pipecrm::bench::kUsage;
        return pipecrm::bench::kUsageError;
    }
    return pipecrm::bench::Generate(options);
}

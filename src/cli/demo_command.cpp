// pipecrm demo: realistic demo data, in a new database or the first workspace of one.
#include <ostream>

#include "cli/commands.hpp"
#include "sample/sample_data.hpp"

namespace pipecrm::cli {
namespace {

constexpr const char* kDefaultDemoPassword = "pipecrm-demo";

}  // namespace

Status RunDemo(const Arguments& args, Environment& env) {
    const std::string& db = args.Get("db");
    auto deals = PositiveIntOption(args, "deals", 10'000'000);
    auto seed = PositiveIntOption(args, "seed", 1LL << 62);
    if (!deals.ok() || !seed.ok()) {
        return !deals.ok() ? deals.status() : seed.status();
    }
    std::string password;
    const bool fresh = !env.DatabaseExists(db);
    if (fresh) {
        password = env.GetEnv("PIPECRM_ADMIN_PASSWORD").value_or(kDefaultDemoPassword);
        InitRequest request{db, args.Get("admin-email"), "Demo Admin", "PipeCRM Demo",
                            args.Get("lang")};
        PIPECRM_RETURN_IF_ERROR(InitDatabase(request, password, env));
    }
    auto store = env.OpenStore(db, /*create=*/false);
    if (!store.ok()) {
        return store.status();
    }
    sample::SampleOptions options;
    options.deals = static_cast<int>(*deals);
    options.seed = static_cast<std::uint64_t>(*seed);
    options.now = env.clock().Now();
    Status status = (*store)->Read([&](domain::Repositories& repos) -> Status {
        auto workspaces = repos.Workspaces().List();
        if (!workspaces.ok()) {
            return workspaces.status();
        }
        if (workspaces->empty()) {
            return FailedPrecondition(db + " has no workspace; run pipecrm init first");
        }
        options.workspace_id = workspaces->front().id;
        options.vietnamese = workspaces->front().language == domain::Language::kVietnamese;
        auto users = repos.Users().List(options.workspace_id);
        if (!users.ok()) {
            return users.status();
        }
        for (const domain::User& user : *users) {
            if (user.role == domain::Role::kAdmin) {
                options.admin_user_id = user.id;
                break;
            }
        }
        return options.admin_user_id ? Status::Ok()
                                     : FailedPrecondition("the workspace has no admin");
    });
    PIPECRM_RETURN_IF_ERROR(status);
    options.progress = [&env](int done, int total) {
        const int width = 30;
        const int filled = total ? done * width / total : width;
        env.err() << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << done
                  << "/" << total << " deals" << (done == total ? "\n" : "") << std::flush;
    };
    auto summary = sample::GenerateSampleData(**store, options);
    if (!summary.ok()) {
        return summary.status();
    }
    env.out() << "Demo data in " << db << ": " << summary->deals << " deals, " << summary->persons
              << " persons, " << summary->organizations << " organizations, " << summary->activities
              << " activities, " << summary->notes << " notes, " << summary->users << " reps.\n";
    if (fresh) {
        env.out() << "Sign in as " << args.Get("admin-email") << " with password "
                  << (env.GetEnv("PIPECRM_ADMIN_PASSWORD") ? "from PIPECRM_ADMIN_PASSWORD"
                                                           : kDefaultDemoPassword)
                  << ".\n";
    }
    return Status::Ok();
}

}  // namespace pipecrm::cli

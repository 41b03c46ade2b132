// pipecrm init: a new database with one workspace, its admin and the default sales pipeline.
#include <charconv>
#include <ostream>

#include "auth/credentials.hpp"
#include "cli/commands.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::cli {

Result<long long> PositiveIntOption(const Arguments& args, const std::string& name, long long max) {
    const std::string& text = args.Get(name);
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
        return InvalidArgument("--" + name + " must be a whole number from 0 to " +
                                   std::to_string(max) + ", got \"" + text + "\"",
                               name);
    }
    return value;
}

Result<std::optional<std::string>> PasswordFrom(Environment& env,
                                                const char* variable,
                                                const std::string& prompt) {
    if (auto password = env.GetEnv(variable)) {
        return password;
    }
    auto first = env.AskSecret(prompt);
    if (!first) {
        return std::optional<std::string>();
    }
    auto second = env.AskSecret("Repeat the password: ");
    if (!second || *second != *first) {
        return InvalidArgument("the two passwords differ");
    }
    return first;
}

Result<std::string> AdminPassword(Environment& env) {
    auto password = PasswordFrom(env, "PIPECRM_ADMIN_PASSWORD", "Admin password: ");
    if (!password.ok()) {
        return password.status();
    }
    if (!password->has_value()) {
        return InvalidArgument(
            "no admin password: set PIPECRM_ADMIN_PASSWORD or run in a terminal to be asked");
    }
    return std::move(**password);
}

Status InitDatabase(const InitRequest& request, const std::string& password, Environment& env) {
    if (request.lang != "en" && request.lang != "vi") {
        return InvalidArgument("--lang must be en or vi, got \"" + request.lang + "\"");
    }
    auto email = domain::NormalizeEmail(request.admin_email);
    if (!email.ok()) {
        return email.status();
    }
    auto hash = auth::HashPassword(password);
    if (!hash.ok()) {
        return hash.status();
    }
    auto store = env.OpenStore(request.db, /*create=*/true);
    if (!store.ok()) {
        return store.status();
    }
    domain::NewWorkspace workspace;
    workspace.name = request.workspace;
    workspace.language =
        request.lang == "vi" ? domain::Language::kVietnamese : domain::Language::kEnglish;
    workspace.admin_email = *email;
    workspace.admin_name = request.admin_name;
    workspace.admin_password_hash = *hash;
    const Instant now = env.clock().Now();
    return (*store)->WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto existing = repos.Workspaces().List();
        if (!existing.ok()) {
            return existing.status();
        }
        if (!existing->empty()) {
            return AlreadyExists(request.db + " is already initialised (it has a workspace)");
        }
        auto created = domain::SetUpWorkspace(repos, workspace, now);
        return created.ok() ? Status::Ok() : created.status();
    });
}

Status RunInit(const Arguments& args, Environment& env) {
    auto password = AdminPassword(env);
    if (!password.ok()) {
        return password.status();
    }
    InitRequest request{args.Get("db"), args.Get("admin-email"), args.Get("admin-name"),
                        args.Get("workspace"), args.Get("lang")};
    PIPECRM_RETURN_IF_ERROR(InitDatabase(request, *password, env));
    env.out() << "Created " << request.db << ": workspace \"" << request.workspace << "\", admin "
              << request.admin_email << ", pipeline with 5 stages.\n"
              << "Next: pipecrm token create --db " << request.db << " --email "
              << request.admin_email << "\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

// pipecrm workspace create: another tenant in an existing database, set up like init's.
#include <ostream>

#include "auth/credentials.hpp"
#include "cli/commands.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::cli {

Status RunWorkspaceCreate(const Arguments& args, Environment& env) {
    const std::string& lang = args.Get("lang");
    if (lang != "en" && lang != "vi") {
        return InvalidArgument("--lang must be en or vi, got \"" + lang + "\"");
    }
    const std::string& name = args.Get("name");
    if (name.find_first_not_of(" \t") == std::string::npos) {
        return InvalidArgument("--name must not be empty", "name");
    }
    auto email = domain::NormalizeEmail(args.Get("admin-email"));
    if (!email.ok()) {
        return email.status();
    }
    auto store = OpenExistingStore(args, env);
    if (!store.ok()) {
        return store.status();
    }
    auto password = AdminPassword(env);
    if (!password.ok()) {
        return password.status();
    }
    auto hash = auth::HashPassword(*password);
    if (!hash.ok()) {
        return hash.status();
    }
    domain::NewWorkspace workspace;
    workspace.name = name;
    workspace.language = lang == "vi" ? domain::Language::kVietnamese : domain::Language::kEnglish;
    workspace.admin_email = *email;
    workspace.admin_name = args.Get("admin-name");
    workspace.admin_password_hash = *hash;
    const Instant now = env.clock().Now();
    Id workspace_id = 0;
    PIPECRM_RETURN_IF_ERROR((*store)->WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto existing = repos.Workspaces().List();
        if (!existing.ok()) {
            return existing.status();
        }
        for (const domain::Workspace& w : *existing) {
            if (w.name == name) {
                return AlreadyExists("a workspace is already named \"" + name + "\"", "name");
            }
        }
        auto created = domain::SetUpWorkspace(repos, workspace, now);
        if (!created.ok()) {
            return created.status();
        }
        workspace_id = created->workspace_id;
        return Status::Ok();
    }));
    env.out() << "Created workspace \"" << name << "\" (id " << workspace_id << "), admin "
              << *email << ", pipeline with 5 stages.\n"
              << "Next: pipecrm token create --db " << args.Get("db") << " --workspace \"" << name
              << "\" --email " << *email << "\n";
    return Status::Ok();
}

Status RunWorkspaceSet(const Arguments& args, Environment& env) {
    const std::string& text = args.Get("default-visibility");
    std::optional<domain::Visibility> visibility;
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '9') {
        visibility = domain::VisibilityFromInt(text[0] - '0');
    }
    if (!visibility) {
        return InvalidArgument("--default-visibility must be 1, 3, 5 or 7, got \"" + text + "\"",
                               "default-visibility");
    }
    PIPECRM_RETURN_IF_ERROR(
        WriteInWorkspace(args, env, [&](domain::Repositories& repos, const domain::Actor& actor) {
            return repos.Workspaces().SetDefaultVisibility(actor.workspace_id, *visibility);
        }));
    env.out() << "New records now get visible_to " << text << " unless a request names one.\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli

// v1 users (under /api/v1 and /v1): me, the list, one user, and find by name or email.
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"
#include "text/search_text.hpp"

namespace pipecrm::http {
namespace {

struct UsersOfWorkspace {
    domain::Workspace workspace;
    std::vector<domain::User> users;
};

// The caller's workspace and the users `pick` keeps, rendered as a v1 list (or one object).
template <typename Pick>
void RespondWithUsers(domain::Store& store,
                      const RouteContext& ctx,
                      Pick pick,
                      bool single,
                      const Responder& respond) {
    const domain::User& me = ctx.principal->user;
    ReadThen<UsersOfWorkspace>(
        store,
        [&](domain::Repositories& repos) -> Result<UsersOfWorkspace> {
            auto workspace = repos.Workspaces().Get(me.workspace_id);
            auto users = repos.Users().List(me.workspace_id);
            if (!workspace.ok() || !users.ok()) {
                return !workspace.ok() ? workspace.status() : users.status();
            }
            UsersOfWorkspace out{std::move(*workspace), {}};
            for (domain::User& user : *users) {
                if (pick(user)) {
                    out.users.push_back(std::move(user));
                }
            }
            if (single && out.users.empty()) {
                return NotFound("user not found");
            }
            return out;
        },
        [&](const UsersOfWorkspace& found) {
            JsonWriter w;
            if (!single) {
                w.StartArray();
            }
            for (const domain::User& user : found.users) {
                WriteUserV1(w, user, found.workspace, user.id == me.id);
            }
            if (!single) {
                w.EndArray();
            }
            return SuccessResponse(w.Take());
        },
        respond);
}

// Case and diacritics folded, like every search.
bool ContainsFolded(const std::string& haystack, const std::string& needle) {
    return text::FoldForSearch(haystack).find(text::FoldForSearch(needle)) != std::string::npos;
}

}  // namespace

void AddUserRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/users/me",
                   [&store](const RouteContext& ctx, Responder respond) {
                       const Id my_id = ctx.principal->user.id;
                       RespondWithUsers(
                           store, ctx, [my_id](const domain::User& u) { return u.id == my_id; },
                           true, respond);
                   });
        router.Add(
            "GET", prefix + "/users/find", [&store](const RouteContext& ctx, Responder respond) {
                const std::string* term = ctx.request.Query("term");
                if (term == nullptr || term->empty()) {
                    respond(ErrorResponse(InvalidArgument("term is required", "term")));
                    return;
                }
                const std::string* by_email = ctx.request.Query("search_by_email");
                const bool email = by_email != nullptr && (*by_email == "1" || *by_email == "true");
                RespondWithUsers(
                    store, ctx,
                    [term = *term, email](const domain::User& u) {
                        return ContainsFolded(email ? u.email : u.name, term);
                    },
                    false, respond);
            });
        router.Add("GET", prefix + "/users", [&store](const RouteContext& ctx, Responder respond) {
            RespondWithUsers(
                store, ctx, [](const domain::User&) { return true; }, false, respond);
        });
        router.Add("GET", prefix + "/users/{id}",
                   [&store](const RouteContext& ctx, Responder respond) {
                       auto id = ctx.IdParam(0);
                       if (!id.ok()) {
                           respond(ErrorResponse(id.status()));
                           return;
                       }
                       RespondWithUsers(
                           store, ctx, [id = *id](const domain::User& u) { return u.id == id; },
                           true, respond);
                   });
    }
}

}  // namespace pipecrm::http

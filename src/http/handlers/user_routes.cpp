// v1 users: GET /users/me (under /api/v1 and /v1).
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {

void AddUserRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    auto me = [&store](const RouteContext& ctx, Responder respond) {
        const domain::User& user = ctx.principal->user;
        ReadThen<domain::Workspace>(
            store,
            [&](domain::Repositories& repos) { return repos.Workspaces().Get(user.workspace_id); },
            [&](const domain::Workspace& workspace) {
                JsonWriter w;
                WriteUserV1(w, user, workspace, true);
                return SuccessResponse(w.Take());
            },
            respond);
    };
    router.Add("GET", "/api/v1/users/me", me);
    router.Add("GET", "/v1/users/me", me);
}

}  // namespace pipecrm::http

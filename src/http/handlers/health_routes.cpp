// GET /healthz: the server is up and its database answers. GET /api/openapi.json: the API's
// description.
#include "http/api.hpp"
#include "http/errors.hpp"

namespace pipecrm::http {

void AddHealthRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    router.Add(
        "GET", "/healthz",
        [&store](const RouteContext&, Responder respond) {
            Status status = store.Read([](domain::Repositories& repos) -> Status {
                auto workspaces = repos.Workspaces().List();
                return workspaces.ok() ? Status::Ok() : workspaces.status();
            });
            if (!status.ok()) {
                respond(ErrorResponse(Unavailable("database unavailable: " + status.message())));
                return;
            }
            Response response;
            response.body = "{\"status\":\"ok\"}";
            respond(std::move(response));
        },
        Access::kPublic);
    router.Add(
        "GET", "/api/openapi.json",
        [](const RouteContext&, Responder respond) {
            Response response;
            response.body = std::string(OpenApiDocument());
            respond(std::move(response));
        },
        Access::kPublic);
}

}  // namespace pipecrm::http

// Merging contacts as Pipedrive's v1 does: PUT /api/v1/persons/{id}/merge and
// /api/v1/organizations/{id}/merge with {"merge_with_id": N}; {id} is merged into N, which stays.
#include "domain/contact_merge.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

struct MergeInput {
    Id id = 0;
    Id merge_with_id = 0;
};

Result<MergeInput> ParseMerge(const RouteContext& ctx) {
    MergeInput input;
    PIPECRM_RETURN_IF_ERROR(Take(ctx.IdParam(0), input.id));
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    std::optional<std::int64_t> with;
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("merge_with_id"), with));
    if (!with || *with <= 0) {
        return InvalidArgument("merge_with_id (the id of the record that stays) is required",
                               "merge_with_id");
    }
    input.merge_with_id = static_cast<Id>(*with);
    return input;
}

}  // namespace

void AddMergeRoutes(Router& router, const ApiServices& services) {
    for (const char* prefix : {"/api/v1", "/v1"}) {
        router.Add("PUT", std::string(prefix) + "/persons/{id}/merge",
                   WriteRoute<domain::Person>(
                       services.store, services.clock, ParseMerge,
                       [](domain::Repositories& repos, const domain::Actor& actor,
                          const MergeInput& input, Instant now) {
                           return domain::MergePersons(repos, actor, input.id, input.merge_with_id,
                                                       now);
                       },
                       [](const domain::Person& person) {
                           return SuccessResponse(ToJson(person, WritePersonV2));
                       }));
        router.Add("PUT", std::string(prefix) + "/organizations/{id}/merge",
                   WriteRoute<domain::Organization>(
                       services.store, services.clock, ParseMerge,
                       [](domain::Repositories& repos, const domain::Actor& actor,
                          const MergeInput& input, Instant now) {
                           return domain::MergeOrganizations(repos, actor, input.id,
                                                             input.merge_with_id, now);
                       },
                       [](const domain::Organization& org) {
                           return SuccessResponse(ToJson(org, WriteOrganizationV2));
                       }));
    }
}

}  // namespace pipecrm::http

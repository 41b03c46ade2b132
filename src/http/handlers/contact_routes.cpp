// v2 persons and organizations: list with filters and cursor paging, get, create, update,
// delete.
#include "domain/contact_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

std::optional<std::vector<domain::ContactPoint>> ToContactPoints(
    std::optional<std::vector<LabeledValue>> values) {
    if (!values) {
        return std::nullopt;
    }
    std::vector<domain::ContactPoint> points;
    for (LabeledValue& value : *values) {
        points.push_back({std::move(value.value), std::move(value.label), value.primary});
    }
    return points;
}

Result<domain::PersonChange> ParsePersonBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(
        {"name", "owner_id", "org_id", "emails", "phones", "visible_to", "custom_fields"}));
    domain::PersonChange change;
    std::optional<std::vector<LabeledValue>> emails;
    std::optional<std::vector<LabeledValue>> phones;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("owner_id"), change.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("org_id"), change.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->LabeledValues("emails"), emails));
    PIPECRM_RETURN_IF_ERROR(Take(body->LabeledValues("phones"), phones));
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), change.visible_to));
    change.emails = ToContactPoints(std::move(emails));
    change.phones = ToContactPoints(std::move(phones));
    PIPECRM_RETURN_IF_ERROR(Take(body->CustomFields("custom_fields"), change.custom_fields));
    return change;
}

Result<domain::OrganizationChange> ParseOrganizationBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"name", "owner_id", "address", "visible_to", "custom_fields"}));
    domain::OrganizationChange change;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("owner_id"), change.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->AddressText("address"), change.address));
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), change.visible_to));
    PIPECRM_RETURN_IF_ERROR(Take(body->CustomFields("custom_fields"), change.custom_fields));
    return change;
}

Result<domain::ContactQuery> ParseOrganizationQuery(const RouteContext& ctx) {
    domain::ContactQuery query;
    PIPECRM_RETURN_IF_ERROR(ReadCommonListParams(ctx, query));
    return query;
}

Result<domain::ContactQuery> ParsePersonQuery(const RouteContext& ctx) {
    domain::ContactQuery query;
    PIPECRM_RETURN_IF_ERROR(ReadCommonListParams(ctx, query));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "org_id"), query.org_id));
    return query;
}

Result<std::vector<domain::Person>> ListPersons(domain::Repositories& repos,
                                                const domain::ContactQuery& query) {
    return domain::WithCustomFields(repos, query.workspace_id, repos.Persons().List(query));
}

Result<std::vector<domain::Organization>> ListOrganizations(domain::Repositories& repos,
                                                            const domain::ContactQuery& query) {
    return domain::WithCustomFields(repos, query.workspace_id, repos.Organizations().List(query));
}

}  // namespace

void AddContactRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/persons",
               CursorListRoute<domain::Person>(store, ParsePersonQuery, ListPersons, WritePersonV2,
                                               domain::FilterType::kPeople));
    AddItemRoutes<domain::Person, domain::PersonChange>(
        router, store, clock,
        {"/api/v2/persons", ParsePersonBody, AndCustomFields<domain::GetLivePerson>,
         AndCustomFields<domain::CreatePerson>, AndCustomFields<domain::UpdatePerson>,
         domain::DeletePerson, WritePersonV2});

    router.Add(
        "GET", "/api/v2/organizations",
        CursorListRoute<domain::Organization>(store, ParseOrganizationQuery, ListOrganizations,
                                              WriteOrganizationV2, domain::FilterType::kOrg));
    AddItemRoutes<domain::Organization, domain::OrganizationChange>(
        router, store, clock,
        {"/api/v2/organizations", ParseOrganizationBody,
         AndCustomFields<domain::GetLiveOrganization>, AndCustomFields<domain::CreateOrganization>,
         AndCustomFields<domain::UpdateOrganization>, domain::DeleteOrganization,
         WriteOrganizationV2});
}

}  // namespace pipecrm::http

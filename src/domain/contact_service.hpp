// Person and organization use cases over the storage ports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/bulk_writes.hpp"
#include "domain/change_events.hpp"
#include "domain/custom_field.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Empty fields stay as they are; an inner empty optional clears the field.
struct PersonChange {
    std::optional<std::string> name;
    std::optional<Id> owner_id;
    std::optional<OptionalId> org_id;
    std::optional<std::vector<ContactPoint>> emails;  ///< replaces all emails
    std::optional<std::vector<ContactPoint>> phones;  ///< replaces all phones
    std::optional<Visibility> visible_to;
    std::vector<FieldAssignment> custom_fields;  ///< by key; a null value clears
};

struct OrganizationChange {
    std::optional<std::string> name;
    std::optional<Id> owner_id;
    std::optional<std::string> address;
    std::optional<Visibility> visible_to;
    std::vector<FieldAssignment> custom_fields;  ///< by key; a null value clears
};

/// Whether a service looks the ids a change refers to up, or takes them as live because its
/// caller checked them (an importer, against what it read and created in the same transaction).
enum class ReferenceCheck { kLookUp, kCheckedByCaller };

/// Creates a person. Name required; owner defaults to the actor; emails are lower-cased and
/// checked; one email and one phone are primary (the first, unless one is marked). Fails with
/// kInvalidArgument naming the field.
Result<Person> CreatePerson(Repositories& repos,
                            const Actor& actor,
                            const PersonChange& change,
                            Instant now);
/// CreatePerson for a caller that checked the owner and organization ids itself
/// (kCheckedByCaller skips looking them up; the person written is the same), and, with
/// ChangeListeners::kNoneChecked, that nothing takes change events (none is built). With `bulk`
/// holding ids (BulkWrites::reserved), the person is kept there to be inserted at its Flush.
Result<Person> CreatePersonWith(ReferenceCheck references,
                                Repositories& repos,
                                const Actor& actor,
                                const PersonChange& change,
                                Instant now,
                                ChangeListeners listeners = ChangeListeners::kPublish,
                                BulkWrites* bulk = nullptr);
/// kNotFound for an unknown or deleted person.
Result<Person> UpdatePerson(
    Repositories& repos, const Actor& actor, Id person_id, const PersonChange& change, Instant now);
/// Soft delete; deals and activities keep their link. kNotFound when already deleted.
Result<Person> DeletePerson(Repositories& repos, const Actor& actor, Id person_id, Instant now);
/// A live person or kNotFound.
Result<Person> GetLivePerson(Repositories& repos, Id workspace_id, Id person_id);

Result<Organization> CreateOrganization(Repositories& repos,
                                        const Actor& actor,
                                        const OrganizationChange& change,
                                        Instant now);
/// CreateOrganization without the change event when the caller checked that nothing takes it
/// (ChangeListeners::kNoneChecked); with `bulk` holding ids, kept there as CreatePersonWith does.
Result<Organization> CreateOrganizationWith(ChangeListeners listeners,
                                            Repositories& repos,
                                            const Actor& actor,
                                            const OrganizationChange& change,
                                            Instant now,
                                            BulkWrites* bulk = nullptr);
Result<Organization> UpdateOrganization(Repositories& repos,
                                        const Actor& actor,
                                        Id org_id,
                                        const OrganizationChange& change,
                                        Instant now);
Result<Organization> DeleteOrganization(Repositories& repos,
                                        const Actor& actor,
                                        Id org_id,
                                        Instant now);
Result<Organization> GetLiveOrganization(Repositories& repos, Id workspace_id, Id org_id);

}  // namespace pipecrm::domain

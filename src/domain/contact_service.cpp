#include "domain/contact_service.hpp"

#include "domain/change_events.hpp"
#include "domain/custom_field_service.hpp"
#include "domain/references.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::domain {
namespace {

Result<std::string> CheckedName(const std::string& name) {
    auto begin = name.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) {
        return InvalidArgument("name must not be empty", "name");
    }
    auto end = name.find_last_not_of(" \t\r\n");
    std::string trimmed = name.substr(begin, end - begin + 1);
    if (trimmed.size() > 255) {
        return InvalidArgument("name is longer than 255 bytes", "name");
    }
    return trimmed;
}

// Trims values, drops empty ones, checks labels and makes exactly one point primary.
Result<std::vector<ContactPoint>> CleanPoints(std::vector<ContactPoint> points,
                                              const char* field,
                                              bool emails) {
    std::vector<ContactPoint> clean;
    for (ContactPoint& point : points) {
        auto begin = point.value.find_first_not_of(" \t");
        if (begin == std::string::npos) {
            continue;
        }
        point.value = point.value.substr(begin, point.value.find_last_not_of(" \t") - begin + 1);
        if (emails) {
            auto email = NormalizeEmail(point.value);
            if (!email.ok()) {
                return InvalidArgument(email.status().message(), field);
            }
            point.value = *email;
        } else if (point.value.size() > 64) {
            return InvalidArgument("phone \"" + point.value + "\" is longer than 64 characters",
                                   field);
        }
        if (point.label.empty()) {
            point.label = emails ? "work" : "mobile";
        }
        if (point.label != "work" && point.label != "home" && point.label != "mobile" &&
            point.label != "other") {
            return InvalidArgument("label must be work, home, mobile or other", field);
        }
        clean.push_back(std::move(point));
    }
    bool has_primary = false;
    for (ContactPoint& point : clean) {
        point.primary = point.primary && !has_primary;
        has_primary = has_primary || point.primary;
    }
    if (!has_primary && !clean.empty()) {
        clean.front().primary = true;
    }
    return clean;
}

Status ApplyPersonChange(Repositories& repos,
                         const Actor& actor,
                         const PersonChange& change,
                         Person& person,
                         ReferenceCheck references = ReferenceCheck::kLookUp) {
    const bool look_up = references == ReferenceCheck::kLookUp;
    if (change.name) {
        auto name = CheckedName(*change.name);
        if (!name.ok()) {
            return name.status();
        }
        person.name = *name;
    }
    if (change.owner_id) {
        if (look_up) {
            PIPECRM_RETURN_IF_ERROR(CheckOwner(repos, actor.workspace_id, *change.owner_id));
        }
        person.owner_id = *change.owner_id;
    }
    if (change.org_id) {
        if (look_up) {
            PIPECRM_RETURN_IF_ERROR(CheckOrganization(repos, actor.workspace_id, *change.org_id));
        }
        person.org_id = *change.org_id;
    }
    if (change.emails) {
        auto emails = CleanPoints(*change.emails, "emails", true);
        if (!emails.ok()) {
            return emails.status();
        }
        person.emails = std::move(*emails);
    }
    if (change.phones) {
        auto phones = CleanPoints(*change.phones, "phones", false);
        if (!phones.ok()) {
            return phones.status();
        }
        person.phones = std::move(*phones);
    }
    if (change.visible_to) {
        person.visible_to = *change.visible_to;
    }
    return Status::Ok();
}

Status ApplyOrganizationChange(Repositories& repos,
                               const Actor& actor,
                               const OrganizationChange& change,
                               Organization& org) {
    if (change.name) {
        auto name = CheckedName(*change.name);
        if (!name.ok()) {
            return name.status();
        }
        org.name = *name;
    }
    if (change.owner_id) {
        PIPECRM_RETURN_IF_ERROR(CheckOwner(repos, actor.workspace_id, *change.owner_id));
        org.owner_id = *change.owner_id;
    }
    if (change.address) {
        if (change.address->size() > 1000) {
            return InvalidArgument("address is longer than 1000 bytes", "address");
        }
        org.address = *change.address;
    }
    if (change.visible_to) {
        org.visible_to = *change.visible_to;
    }
    return Status::Ok();
}

// Checks the custom field values first (nothing is written when one is bad), then saves the
// record with `save` (Result<Id>: its id), then writes the values.
template <typename Save>
Status SaveWithFields(Repositories& repos,
                      Id workspace_id,
                      FieldEntity entity,
                      const std::vector<FieldAssignment>& assignments,
                      Save&& save) {
    auto fields = CheckFieldAssignments(repos, workspace_id, entity, assignments);
    if (!fields.ok()) {
        return fields.status();
    }
    Result<Id> id = save();
    if (!id.ok()) {
        return id.status();
    }
    return WriteFieldValues(repos, workspace_id, entity, *id, *fields);
}

}  // namespace

Result<Person> GetLivePerson(Repositories& repos, Id workspace_id, Id person_id) {
    return LiveOnly(repos.Persons().Get(workspace_id, person_id), NotDeleted<Person>, "person",
                    person_id);
}

Result<Organization> GetLiveOrganization(Repositories& repos, Id workspace_id, Id org_id) {
    return LiveOnly(repos.Organizations().Get(workspace_id, org_id), NotDeleted<Organization>,
                    "organization", org_id);
}

Result<Person> CreatePerson(Repositories& repos,
                            const Actor& actor,
                            const PersonChange& change,
                            Instant now) {
    return CreatePersonWith(ReferenceCheck::kLookUp, repos, actor, change, now);
}

Result<Person> CreatePersonWith(ReferenceCheck references,
                                Repositories& repos,
                                const Actor& actor,
                                const PersonChange& change,
                                Instant now,
                                ChangeListeners listeners,
                                BulkWrites* bulk) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    Person person;
    person.workspace_id = actor.workspace_id;
    person.owner_id = actor.user_id;
    person.visible_to = actor.default_visibility;
    PIPECRM_RETURN_IF_ERROR(ApplyPersonChange(repos, actor, change, person, references));
    person.add_time = now;
    person.update_time = now;
    PIPECRM_RETURN_IF_ERROR(SaveWithFields(repos, actor.workspace_id, FieldEntity::kPerson,
                                           change.custom_fields, [&]() -> Result<Id> {
                                               if (bulk != nullptr && bulk->reserved()) {
                                                   person.id = bulk->AddPerson(person);
                                                   return person.id;
                                               }
                                               auto id = repos.Persons().Insert(person);
                                               person.id = id.ok() ? *id : 0;
                                               return id;
                                           }));
    if (listeners == ChangeListeners::kPublish) {
        PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Person>(repos, "person", ChangeAction::kCreate,
                                                            actor, nullptr, &person, now));
    }
    return person;
}

Result<Person> UpdatePerson(Repositories& repos,
                            const Actor& actor,
                            Id person_id,
                            const PersonChange& change,
                            Instant now) {
    auto person = GetLivePerson(repos, actor.workspace_id, person_id);
    if (!person.ok()) {
        return person.status();
    }
    const Person previous = *person;
    PIPECRM_RETURN_IF_ERROR(ApplyPersonChange(repos, actor, change, *person));
    person->update_time = now;
    PIPECRM_RETURN_IF_ERROR(SaveWithFields(
        repos, actor.workspace_id, FieldEntity::kPerson, change.custom_fields, [&]() -> Result<Id> {
            PIPECRM_RETURN_IF_ERROR(repos.Persons().Update(*person));
            return person->id;
        }));
    PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Person>(repos, "person", ChangeAction::kChange,
                                                        actor, &previous, &*person, now));
    return person;
}

Result<Person> DeletePerson(Repositories& repos, const Actor& actor, Id person_id, Instant now) {
    auto person = SoftDelete(GetLivePerson(repos, actor.workspace_id, person_id), now,
                             [&](const Person& p) { return repos.Persons().Update(p); });
    if (person.ok()) {
        PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Person>(repos, "person", ChangeAction::kDelete,
                                                            actor, &*person, nullptr, now));
    }
    const std::string name = person.ok() ? person->name : "";
    return AuditDeletion(std::move(person), repos, actor, "person", name, now);
}

Result<Organization> CreateOrganization(Repositories& repos,
                                        const Actor& actor,
                                        const OrganizationChange& change,
                                        Instant now) {
    return CreateOrganizationWith(ChangeListeners::kPublish, repos, actor, change, now);
}

Result<Organization> CreateOrganizationWith(ChangeListeners listeners,
                                            Repositories& repos,
                                            const Actor& actor,
                                            const OrganizationChange& change,
                                            Instant now,
                                            BulkWrites* bulk) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    Organization org;
    org.workspace_id = actor.workspace_id;
    org.owner_id = actor.user_id;
    org.visible_to = actor.default_visibility;
    PIPECRM_RETURN_IF_ERROR(ApplyOrganizationChange(repos, actor, change, org));
    org.add_time = now;
    org.update_time = now;
    PIPECRM_RETURN_IF_ERROR(SaveWithFields(repos, actor.workspace_id, FieldEntity::kOrganization,
                                           change.custom_fields, [&]() -> Result<Id> {
                                               if (bulk != nullptr && bulk->reserved()) {
                                                   org.id = bulk->AddOrganization(org);
                                                   return org.id;
                                               }
                                               auto id = repos.Organizations().Insert(org);
                                               org.id = id.ok() ? *id : 0;
                                               return id;
                                           }));
    if (listeners == ChangeListeners::kPublish) {
        PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Organization>(
            repos, "organization", ChangeAction::kCreate, actor, nullptr, &org, now));
    }
    return org;
}

Result<Organization> UpdateOrganization(Repositories& repos,
                                        const Actor& actor,
                                        Id org_id,
                                        const OrganizationChange& change,
                                        Instant now) {
    auto org = GetLiveOrganization(repos, actor.workspace_id, org_id);
    if (!org.ok()) {
        return org.status();
    }
    const Organization previous = *org;
    PIPECRM_RETURN_IF_ERROR(ApplyOrganizationChange(repos, actor, change, *org));
    org->update_time = now;
    PIPECRM_RETURN_IF_ERROR(SaveWithFields(repos, actor.workspace_id, FieldEntity::kOrganization,
                                           change.custom_fields, [&]() -> Result<Id> {
                                               PIPECRM_RETURN_IF_ERROR(
                                                   repos.Organizations().Update(*org));
                                               return org->id;
                                           }));
    PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Organization>(
        repos, "organization", ChangeAction::kChange, actor, &previous, &*org, now));
    return org;
}

Result<Organization> DeleteOrganization(Repositories& repos,
                                        const Actor& actor,
                                        Id org_id,
                                        Instant now) {
    auto org = SoftDelete(GetLiveOrganization(repos, actor.workspace_id, org_id), now,
                          [&](const Organization& o) { return repos.Organizations().Update(o); });
    if (org.ok()) {
        PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Organization>(
            repos, "organization", ChangeAction::kDelete, actor, &*org, nullptr, now));
    }
    const std::string name = org.ok() ? org->name : "";
    return AuditDeletion(std::move(org), repos, actor, "organization", name, now);
}

}  // namespace pipecrm::domain

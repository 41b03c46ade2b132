// Merging two persons or two organizations into one, as Pipedrive's PUT /persons/{id}/merge
// does: everything attached to either is kept on the one that stays.
#pragma once

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Merges person `merged_id` into `kept_id`: the merged person's deals (any status), activities
/// and notes move to the kept one (deal histories stay with their deals); emails and phones the
/// kept one lacks are added to it, and its organization is taken when it has none; the merged
/// person is then deleted. The kept person's other fields win. Returns the kept person.
/// kInvalidArgument("merge_with_id") for a person merged with itself; kNotFound for an unknown
/// or deleted person.
Result<Person> MergePersons(
    Repositories& repos, const Actor& actor, Id merged_id, Id kept_id, Instant now);

/// Merges organization `merged_id` into `kept_id`: its deals, persons, activities and notes
/// move to the kept one; its address is taken when the kept one has none; then it is deleted.
Result<Organization> MergeOrganizations(
    Repositories& repos, const Actor& actor, Id merged_id, Id kept_id, Instant now);

}  // namespace pipecrm::domain

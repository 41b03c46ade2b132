// Checking the rows a change refers to (owner, person, organization, stage, ...): each must
// exist in the workspace and be live, or the request is at fault.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/audit.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// `row` if it was found and `is_live(row)`; otherwise kInvalidArgument "<what> <id> does not
/// exist" naming `field`. Storage errors other than kNotFound pass through.
template <typename T, typename IsLive>
Result<T> Referenced(Result<T> row, IsLive&& is_live, const char* what, Id id, const char* field) {
    if (row.ok() && is_live(*row)) {
        return row;
    }
    if (!row.ok() && row.status().code() != ErrorCode::kNotFound) {
        return row.status();
    }
    return InvalidArgument(std::string(what) + " " + std::to_string(id) + " does not exist", field);
}

/// For Referenced: rows with an is_deleted flag are live while it is false.
template <typename T>
bool NotDeleted(const T& row) {
    return !row.is_deleted;
}

/// `row` when `is_live(row)`; a row that is not live is kNotFound, like a missing one.
template <typename T, typename IsLive>
Result<T> LiveOnly(Result<T> row, IsLive&& is_live, const char* what, Id id) {
    if (row.ok() && !is_live(*row)) {
        return NotFound(std::string(what) + " " + std::to_string(id) + " not found");
    }
    return row;
}

/// Soft-deletes a live row (or passes its error on): sets is_deleted and update_time and
/// writes it with `update(row)`.
template <typename T, typename Update>
Result<T> SoftDelete(Result<T> row, Instant now, Update&& update) {
    if (!row.ok()) {
        return row;
    }
    row->is_deleted = true;
    row->update_time = now;
    PIPECRM_RETURN_IF_ERROR(update(*row));
    return row;
}

/// `deleted` (a row just deleted, or the error) once its record_deleted audit entry is appended;
/// `detail` is the row's title or name.
template <typename T>
Result<T> AuditDeletion(Result<T> deleted,
                        Repositories& repos,
                        const Actor& actor,
                        const char* subject_type,
                        std::string detail,
                        Instant now) {
    if (deleted.ok()) {
        PIPECRM_RETURN_IF_ERROR(
            AppendAudit(repos, AuditBy(actor, AuditEvent::kRecordDeleted, subject_type, deleted->id,
                                       std::move(detail), now)));
    }
    return deleted;
}

/// A deal that is not deleted, or kNotFound.
Result<Deal> GetLiveDeal(Repositories& repos, Id workspace_id, Id deal_id);

/// The owner must be an active user of the workspace (field "owner_id").
Status CheckOwner(Repositories& repos, Id workspace_id, Id user_id);
/// A person (field "person_id") or organization (field "org_id") that is set must be live.
Status CheckPerson(Repositories& repos, Id workspace_id, const OptionalId& id);
Status CheckOrganization(Repositories& repos, Id workspace_id, const OptionalId& id);
/// A deal that is set must exist and not be deleted (field "deal_id").
Status CheckDeal(Repositories& repos, Id workspace_id, const OptionalId& id);

}  // namespace pipecrm::domain

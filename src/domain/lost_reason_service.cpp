#include "domain/lost_reason_service.hpp"

#include "base/encoding.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {

Result<LostReason> AddLostReason(Repositories& repos,
                                 const Actor& actor,
                                 const std::string& label,
                                 Instant now) {
    LostReason reason;
    reason.workspace_id = actor.workspace_id;
    reason.label = std::string(TrimSpaces(label));
    if (reason.label.empty()) {
        return InvalidArgument("label must not be empty", "label");
    }
    if (reason.label.size() > 255) {
        return InvalidArgument("label must be at most 255 bytes", "label");
    }
    auto existing = repos.LostReasons().List(actor.workspace_id);
    if (!existing.ok()) {
        return existing.status();
    }
    for (const LostReason& other : *existing) {
        if (other.label == reason.label) {
            return AlreadyExists("the lost reason \"" + reason.label + "\" already exists",
                                 "label");
        }
    }
    reason.add_time = now;
    reason.update_time = now;
    auto id = repos.LostReasons().Insert(reason);
    if (!id.ok()) {
        return id.status();
    }
    reason.id = *id;
    return reason;
}

Result<LostReason> DeleteLostReason(Repositories& repos, const Actor& actor, Id id, Instant now) {
    return SoftDelete(LiveOnly(repos.LostReasons().Get(actor.workspace_id, id),
                               NotDeleted<LostReason>, "lost reason", id),
                      now, [&](const LostReason& r) { return repos.LostReasons().Update(r); });
}

}  // namespace pipecrm::domain

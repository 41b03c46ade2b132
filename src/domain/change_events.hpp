// Builds the ChangeEvent of each record kind and hands it to the outbox, in the caller's
// transaction. The services call these right after they write.
#pragma once

#include <optional>

#include "base/status.hpp"
#include "domain/activity.hpp"
#include "domain/actor.hpp"
#include "domain/change_event.hpp"
#include "domain/deal.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

Snapshot SnapshotOf(const Deal& deal);
Snapshot SnapshotOf(const Person& person);
Snapshot SnapshotOf(const Organization& organization);
Snapshot SnapshotOf(const Activity& activity);

/// The event of a deal change; carries a StageMove when the stage differs (the time in the
/// previous stage counts from its stage_change_time, else its add_time).
ChangeEvent DealChangeEvent(ChangeAction action,
                            const Actor& actor,
                            const Deal* previous,
                            const Deal* current,
                            Instant now);

/// Records the change in the current transaction for webhook subscribers (a delivery per
/// matching subscription) and automation rules (a pending run per matching rule; nothing when
/// nothing matches). Errors from storage.
Status PublishChange(Repositories& repos, const ChangeEvent& event);

/// Whether anything in the workspace may take a change event: a webhook not deleted or an
/// active automation rule (whatever they subscribe to). When nothing does, PublishChange writes
/// nothing, so a bulk writer that checked this in its transaction may skip building the
/// events (ChangeListeners::kNoneChecked).
Result<bool> AnyChangeListener(Repositories& repos, Id workspace_id);

/// Whether a service publishes its change, or its caller checked with AnyChangeListener, in the
/// same transaction, that nothing would take it.
enum class ChangeListeners { kPublish, kNoneChecked };

/// Builds the event for one record kind and publishes it. `previous` and `current` may be
/// null (creation, deletion).
template <typename T>
Status PublishRecordChange(Repositories& repos,
                           const char* object,
                           ChangeAction action,
                           const Actor& actor,
                           const T* previous,
                           const T* current,
                           Instant now) {
    ChangeEvent event;
    event.workspace_id = actor.workspace_id;
    event.object = object;
    event.action = action;
    event.entity_id = current ? current->id : previous->id;
    event.actor_user_id = actor.user_id;
    event.at = now;
    event.automation_depth = actor.automation_depth;
    if (current) {
        event.current = SnapshotOf(*current);
    }
    if (previous) {
        event.previous = SnapshotOf(*previous);
    }
    return PublishChange(repos, event);
}

}  // namespace pipecrm::domain

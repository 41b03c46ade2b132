// Builds the ChangeEvent of each record kind and hands it to the outbox, in the caller's
// transaction. The services call these right after they write.
#pragma once

#include <functional>
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

/// An event of one record's change without its snapshots: who, what, when.
ChangeEvent RecordChangeEvent(
    const char* object, ChangeAction action, const Actor& actor, Id entity_id, Instant now);

/// Fills in an event's snapshots.
using AddSnapshots = std::function<void(ChangeEvent&)>;

/// Whether anything in the workspace may take a change event: a webhook not deleted or an
/// active automation rule (whatever they subscribe to). When nothing does, PublishChange writes
/// nothing, so a bulk writer that checked this in its transaction may skip building the
/// events (ChangeListeners::kNoneChecked).
Result<bool> AnyChangeListener(Repositories& repos, Id workspace_id);

/// Whether a service publishes its change, or its caller checked with AnyChangeListener, in the
/// same transaction, that nothing would take it.
enum class ChangeListeners { kPublish, kNoneChecked };

/// Fills in the snapshots of the record before (`previous`, null for a creation) and after
/// (`current`, null for a deletion). Both must outlive the returned function.
template <typename T>
AddSnapshots SnapshotsOf(const T* previous, const T* current) {
    return [previous, current](ChangeEvent& e) {
        if (current) {
            e.current = SnapshotOf(*current);
        }
        if (previous) {
            e.previous = SnapshotOf(*previous);
        }
    };
}

/// Records the change in the current transaction for automation rules (a pending run per
/// matching rule; nothing when nothing matches) and webhook subscribers (the event, with the
/// snapshots `add_snapshots` fills in, and a delivery per matching subscription; nothing when
/// none matches, and then the snapshots are never built). Errors from storage.
Status PublishChange(Repositories& repos, ChangeEvent& event, const AddSnapshots& add_snapshots);

/// Publishes the change of one record; `previous` and `current` may be null (creation,
/// deletion).
template <typename T>
Status PublishRecordChange(Repositories& repos,
                           const char* object,
                           ChangeAction action,
                           const Actor& actor,
                           const T* previous,
                           const T* current,
                           Instant now) {
    ChangeEvent event =
        RecordChangeEvent(object, action, actor, current ? current->id : previous->id, now);
    return PublishChange(repos, event, SnapshotsOf(previous, current));
}

/// Publishes a deal's change: a StageMove when the stage differs (the time in the previous
/// stage counts from its stage_change_time, else its add_time), a StatusChange when the
/// status does.
Status PublishDealChange(Repositories& repos,
                         ChangeAction action,
                         const Actor& actor,
                         const Deal* previous,
                         const Deal* current,
                         Instant now);

}  // namespace pipecrm::domain

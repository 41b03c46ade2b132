// Note use cases over the storage ports.
#pragma once

#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/note.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Empty fields stay as they are; an inner empty optional unlinks.
struct NoteChange {
    std::optional<std::string> content;
    std::optional<OptionalId> deal_id;
    std::optional<OptionalId> person_id;
    std::optional<OptionalId> org_id;
    std::optional<Id> user_id;
    std::optional<Visibility> visible_to;
};

/// Creates a note. Content is required and the note must be attached to a deal, a person or
/// an organization that is live; the author defaults to the actor. kInvalidArgument naming the
/// field.
Result<Note> CreateNote(Repositories& repos,
                        const Actor& actor,
                        const NoteChange& change,
                        Instant now);
Result<Note> UpdateNote(
    Repositories& repos, const Actor& actor, Id note_id, const NoteChange& change, Instant now);
Result<Note> DeleteNote(Repositories& repos, const Actor& actor, Id note_id, Instant now);
/// A live note or kNotFound.
Result<Note> GetLiveNote(Repositories& repos, Id workspace_id, Id note_id);

}  // namespace pipecrm::domain

#include "domain/note_service.hpp"

#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Status Apply(Repositories& repos, const Actor& actor, const NoteChange& change, Note& note) {
    if (change.visible_to) {
        note.visible_to = *change.visible_to;
    }
    if (change.content) {
        if (change.content->find_first_not_of(" \t\r\n") == std::string::npos) {
            return InvalidArgument("content must not be empty", "content");
        }
        if (change.content->size() > 100 * 1024) {
            return InvalidArgument("content is longer than 100 KiB", "content");
        }
        note.content = *change.content;
    }
    if (change.deal_id) {
        PIPECRM_RETURN_IF_ERROR(CheckDeal(repos, actor.workspace_id, *change.deal_id));
        note.deal_id = *change.deal_id;
    }
    if (change.person_id) {
        PIPECRM_RETURN_IF_ERROR(CheckPerson(repos, actor.workspace_id, *change.person_id));
        note.person_id = *change.person_id;
    }
    if (change.org_id) {
        PIPECRM_RETURN_IF_ERROR(CheckOrganization(repos, actor.workspace_id, *change.org_id));
        note.org_id = *change.org_id;
    }
    if (change.user_id) {
        auto check = CheckOwner(repos, actor.workspace_id, *change.user_id);
        if (!check.ok()) {
            return InvalidArgument(check.message(), "user_id");
        }
        note.user_id = *change.user_id;
    }
    if (!note.deal_id && !note.person_id && !note.org_id) {
        return InvalidArgument("a note needs a deal_id, person_id or org_id", "deal_id");
    }
    return Status::Ok();
}

}  // namespace

Result<Note> GetLiveNote(Repositories& repos, Id workspace_id, Id note_id) {
    return LiveOnly(repos.Notes().Get(workspace_id, note_id), NotDeleted<Note>, "note", note_id);
}

Result<Note> CreateNote(Repositories& repos,
                        const Actor& actor,
                        const NoteChange& change,
                        Instant now) {
    if (!change.content) {
        return InvalidArgument("content is required", "content");
    }
    Note note;
    note.workspace_id = actor.workspace_id;
    note.user_id = actor.user_id;
    note.visible_to = actor.default_visibility;
    PIPECRM_RETURN_IF_ERROR(Apply(repos, actor, change, note));
    note.add_time = now;
    note.update_time = now;
    auto id = repos.Notes().Insert(note);
    if (!id.ok()) {
        return id.status();
    }
    note.id = *id;
    return note;
}

Result<Note> UpdateNote(
    Repositories& repos, const Actor& actor, Id note_id, const NoteChange& change, Instant now) {
    auto note = GetLiveNote(repos, actor.workspace_id, note_id);
    if (!note.ok()) {
        return note.status();
    }
    PIPECRM_RETURN_IF_ERROR(Apply(repos, actor, change, *note));
    note->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Notes().Update(*note));
    return note;
}

Result<Note> DeleteNote(Repositories& repos, const Actor& actor, Id note_id, Instant now) {
    // The note's text stays out of the log: it may be long, and it is not a name.
    return AuditDeletion(SoftDelete(GetLiveNote(repos, actor.workspace_id, note_id), now,
                                    [&](const Note& n) { return repos.Notes().Update(n); }),
                         repos, actor, "note", "", now);
}

}  // namespace pipecrm::domain

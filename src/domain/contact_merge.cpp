#include "domain/contact_merge.hpp"

#include <algorithm>

#include "domain/contact_service.hpp"

namespace pipecrm::domain {
namespace {

constexpr int kPage = 500;

// Every row a keyset-paged list returns, read before any of them changes.
template <typename Row, typename List>
Result<std::vector<Row>> All(List&& list) {
    std::vector<Row> all;
    ListOptions options;
    options.limit = kPage;
    while (true) {
        Result<std::vector<Row>> rows = list(options);
        if (!rows.ok()) {
            return rows.status();
        }
        const bool more = static_cast<int>(rows->size()) > kPage;
        if (more) {
            rows->pop_back();
        }
        all.insert(all.end(), rows->begin(), rows->end());
        if (!more || rows->empty()) {
            return all;
        }
        options.after = Cursor{static_cast<std::int64_t>(rows->back().id), rows->back().id};
    }
}

Result<std::vector<Note>> AllNotes(Repositories& repos, NoteQuery query) {
    std::vector<Note> all;
    query.limit = kPage;
    while (true) {
        auto notes = repos.Notes().List(query);
        if (!notes.ok()) {
            return notes.status();
        }
        const bool more = static_cast<int>(notes->size()) > kPage;
        if (more) {
            notes->pop_back();
        }
        all.insert(all.end(), notes->begin(), notes->end());
        if (!more) {
            return all;
        }
        query.offset += kPage;
    }
}

// Moves the deals, activities and notes that `link` selects to the kept record.
template <typename Link>
Status MoveAttached(Repositories& repos, Id workspace_id, Link&& link, Id kept_id) {
    DealQuery deals;
    deals.workspace_id = workspace_id;
    deals.statuses = {DealStatus::kOpen, DealStatus::kWon, DealStatus::kLost, DealStatus::kDeleted};
    link(deals);
    auto deal_rows = All<Deal>([&](const ListOptions& options) {
        deals.options = options;
        return repos.Deals().List(deals);
    });
    if (!deal_rows.ok()) {
        return deal_rows.status();
    }
    for (Deal& deal : *deal_rows) {
        const Deal previous = deal;
        link.Set(deal, kept_id);
        PIPECRM_RETURN_IF_ERROR(repos.Deals().Update(deal, previous));
    }
    ActivityQuery activities;
    activities.workspace_id = workspace_id;
    link(activities);
    auto activity_rows = All<Activity>([&](const ListOptions& options) {
        activities.options = options;
        return repos.Activities().List(activities);
    });
    if (!activity_rows.ok()) {
        return activity_rows.status();
    }
    for (Activity& activity : *activity_rows) {
        link.Set(activity, kept_id);
        PIPECRM_RETURN_IF_ERROR(repos.Activities().Update(activity));
    }
    NoteQuery notes;
    notes.workspace_id = workspace_id;
    link(notes);
    auto note_rows = AllNotes(repos, notes);
    if (!note_rows.ok()) {
        return note_rows.status();
    }
    for (Note& note : *note_rows) {
        link.Set(note, kept_id);
        PIPECRM_RETURN_IF_ERROR(repos.Notes().Update(note));
    }
    return Status::Ok();
}

// Selects and re-points rows by their person_id.
struct PersonLink {
    Id merged_id;
    template <typename Query>
    void operator()(Query& query) const {
        query.person_id = merged_id;
    }
    template <typename Row>
    void Set(Row& row, Id kept_id) const {
        row.person_id = kept_id;
    }
};

// Selects and re-points rows by their org_id.
struct OrganizationLink {
    Id merged_id;
    template <typename Query>
    void operator()(Query& query) const {
        query.org_id = merged_id;
    }
    template <typename Row>
    void Set(Row& row, Id kept_id) const {
        row.org_id = kept_id;
    }
};

void AddMissing(std::vector<ContactPoint>& kept, const std::vector<ContactPoint>& merged) {
    for (ContactPoint point : merged) {
        if (std::none_of(kept.begin(), kept.end(),
                         [&](const ContactPoint& p) { return p.value == point.value; })) {
            point.primary = point.primary && kept.empty();
            kept.push_back(std::move(point));
        }
    }
}

}  // namespace

Result<Person> MergePersons(
    Repositories& repos, const Actor& actor, Id merged_id, Id kept_id, Instant now) {
    if (merged_id == kept_id) {
        return InvalidArgument("a person cannot be merged with itself", "merge_with_id");
    }
    auto merged = GetLivePerson(repos, actor.workspace_id, merged_id);
    if (!merged.ok()) {
        return merged.status();
    }
    auto kept = GetLivePerson(repos, actor.workspace_id, kept_id);
    if (!kept.ok()) {
        return kept.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        MoveAttached(repos, actor.workspace_id, PersonLink{merged_id}, kept_id));
    AddMissing(kept->emails, merged->emails);
    AddMissing(kept->phones, merged->phones);
    if (!kept->org_id) {
        kept->org_id = merged->org_id;
    }
    kept->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Persons().Update(*kept));
    merged->is_deleted = true;
    merged->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Persons().Update(*merged));
    return kept;
}

Result<Organization> MergeOrganizations(
    Repositories& repos, const Actor& actor, Id merged_id, Id kept_id, Instant now) {
    if (merged_id == kept_id) {
        return InvalidArgument("an organization cannot be merged with itself", "merge_with_id");
    }
    auto merged = GetLiveOrganization(repos, actor.workspace_id, merged_id);
    if (!merged.ok()) {
        return merged.status();
    }
    auto kept = GetLiveOrganization(repos, actor.workspace_id, kept_id);
    if (!kept.ok()) {
        return kept.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        MoveAttached(repos, actor.workspace_id, OrganizationLink{merged_id}, kept_id));
    ContactQuery persons;
    persons.workspace_id = actor.workspace_id;
    persons.org_id = merged_id;
    auto person_rows = All<Person>([&](const ListOptions& options) {
        persons.options = options;
        return repos.Persons().List(persons);
    });
    if (!person_rows.ok()) {
        return person_rows.status();
    }
    for (Person& person : *person_rows) {
        person.org_id = kept_id;
        PIPECRM_RETURN_IF_ERROR(repos.Persons().Update(person));
    }
    if (kept->address.empty()) {
        kept->address = merged->address;
    }
    kept->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Organizations().Update(*kept));
    merged->is_deleted = true;
    merged->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Organizations().Update(*merged));
    return kept;
}

}  // namespace pipecrm::domain

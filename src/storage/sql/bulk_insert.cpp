#include "storage/sql/bulk_insert.hpp"

#include "base/time.hpp"
#include "storage/sql/deal_label_table.hpp"
#include "storage/sql/query.hpp"
#include "text/search_text.hpp"

namespace pipecrm::storage::sql {
namespace {

std::optional<std::int64_t> OptionalSeconds(const std::optional<Instant>& t) {
    if (!t) {
        return std::nullopt;
    }
    return ToUnixSeconds(*t);
}

// Inserts rows whose `columns` are the id, those `bind_fields(statement, first, row)` binds,
// and last the row's search text.
template <typename Row, typename BindFields, typename SearchText>
Status InsertSearchable(Connection& db,
                        const char* target,
                        int columns,
                        const std::vector<Row>& rows,
                        BindFields&& bind_fields,
                        SearchText&& search_text) {
    return InsertInChunks(db, target, columns, rows, [&](Statement& s, int first, const Row& row) {
        s.Bind(first, row.id);
        bind_fields(s, first + 1, row);
        s.Bind(first + columns - 1, search_text(row));
    });
}

}  // namespace

void BindDealColumn(Statement& s, int parameter, int column, const domain::Deal& d) {
    switch (column) {
        case 0:
            s.Bind(parameter, d.workspace_id);
            return;
        case 1:
            s.Bind(parameter, d.title);
            return;
        case 2:
            s.Bind(parameter, d.value.minor_units);
            return;
        case 3:
            s.Bind(parameter, d.value.currency);
            return;
        case 4:
            s.Bind(parameter, domain::DealStatusName(d.status));
            return;
        case 5:
            s.Bind(parameter, d.pipeline_id);
            return;
        case 6:
            s.Bind(parameter, d.stage_id);
            return;
        case 7:
            s.Bind(parameter, d.owner_id);
            return;
        case 8:
            s.Bind(parameter, d.creator_user_id);
            return;
        case 9:
            s.Bind(parameter, d.person_id);
            return;
        case 10:
            s.Bind(parameter, d.org_id);
            return;
        case 11:
            s.Bind(parameter, d.expected_close_date
                                  ? std::optional<std::int64_t>(ToDayNumber(*d.expected_close_date))
                                  : std::nullopt);
            return;
        case 12:
            s.Bind(parameter, d.probability);
            return;
        case 13:
            s.Bind(parameter, d.lost_reason);
            return;
        case 14:
            s.Bind(parameter, static_cast<int>(d.visible_to));
            return;
        case 15:
            s.Bind(parameter, ToUnixSeconds(d.add_time));
            return;
        case 16:
            s.Bind(parameter, ToUnixSeconds(d.update_time));
            return;
        case 17:
            s.Bind(parameter, OptionalSeconds(d.stage_change_time));
            return;
        case 18:
            s.Bind(parameter, OptionalSeconds(d.won_time));
            return;
        case 19:
            s.Bind(parameter, OptionalSeconds(d.lost_time));
            return;
        case 20:
            s.Bind(parameter, OptionalSeconds(d.close_time));
            return;
        case 21:
            s.Bind(parameter, LabelIdsText(d.label_ids));
            return;
        default:
            return;
    }
}

void BindDealColumns(Statement& s, int first, const domain::Deal& d) {
    for (int column = 0; column < kDealColumnCount; ++column) {
        BindDealColumn(s, first + column, column, d);
    }
}

void BindPersonColumns(Statement& s, int first, const domain::Person& p) {
    s.Bind(first, p.workspace_id)
        .Bind(first + 1, p.name)
        .Bind(first + 2, p.owner_id)
        .Bind(first + 3, p.org_id)
        .Bind(first + 4, static_cast<int>(p.visible_to))
        .Bind(first + 5, p.is_deleted ? 1 : 0)
        .Bind(first + 6, ToUnixSeconds(p.add_time))
        .Bind(first + 7, ToUnixSeconds(p.update_time));
}

void BindOrganizationColumns(Statement& s, int first, const domain::Organization& o) {
    s.Bind(first, o.workspace_id)
        .Bind(first + 1, o.name)
        .Bind(first + 2, o.owner_id)
        .Bind(first + 3, o.address)
        .Bind(first + 4, static_cast<int>(o.visible_to))
        .Bind(first + 5, o.is_deleted ? 1 : 0)
        .Bind(first + 6, ToUnixSeconds(o.add_time))
        .Bind(first + 7, ToUnixSeconds(o.update_time));
}

std::string PersonSearchText(const domain::Person& p) {
    std::string text = p.name;
    for (const domain::ContactPoint& email : p.emails) {
        text += " " + email.value;
    }
    return text::FoldForSearch(text);
}

std::string OrganizationSearchText(const domain::Organization& o) {
    return text::FoldForSearch(o.name + " " + o.address);
}

std::string NormalizedContact(bool email, const std::string& value, const std::string& region) {
    return email ? text::FoldForSearch(value) : text::NormalizePhone(value, region).value_or(value);
}

Result<std::optional<Id>> NextRowId(Connection& db, const char* table) {
    if (db.dialect() != Dialect::kSqlite) {
        return std::optional<Id>();
    }
    std::optional<Id> next;
    Status status = Query(
        db, std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM main.") + table, [](Statement&) {},
        [&](Statement& s) { next = s.Int(0); });
    if (!status.ok()) {
        return status;
    }
    return next;
}

Status InsertDealsMany(Connection& db, const std::vector<domain::Deal>& deals) {
    return InsertSearchable(db,
                            "main.deals(id, workspace_id, title, value, currency, status, "
                            "pipeline_id, stage_id, owner_id, creator_user_id, person_id, org_id, "
                            "expected_close_date, probability, lost_reason, visible_to, add_time, "
                            "update_time, stage_change_time, won_time, lost_time, close_time, "
                            "label_ids, search_text)",
                            24, deals, BindDealColumns,
                            [](const domain::Deal& d) { return text::FoldForSearch(d.title); });
}

Status InsertPersonsMany(Connection& db, const std::vector<domain::Person>& persons) {
    PIPECRM_RETURN_IF_ERROR(
        InsertSearchable(db,
                         "main.persons(id, workspace_id, name, owner_id, org_id, visible_to, "
                         "is_deleted, add_time, update_time, search_text)",
                         10, persons, BindPersonColumns, PersonSearchText));
    struct Contact {
        const domain::Person* person;
        const domain::ContactPoint* point;
        bool email;
    };
    std::vector<Contact> contacts;
    bool any_phone = false;
    for (const domain::Person& p : persons) {
        for (const domain::ContactPoint& email : p.emails) {
            contacts.push_back({&p, &email, true});
        }
        for (const domain::ContactPoint& phone : p.phones) {
            contacts.push_back({&p, &phone, false});
            any_phone = true;
        }
    }
    // Phones without a country code are read in the workspace's region (one workspace per
    // bulk write: the importer's).
    std::string region = "VN";
    if (any_phone) {
        PIPECRM_RETURN_IF_ERROR(Query(
            db, "SELECT phone_region FROM workspaces WHERE id = ?",
            [&](Statement& s) { s.Bind(1, persons.front().workspace_id); },
            [&](Statement& s) { region = s.Text(0); }));
    }
    return InsertInChunks(
        db,
        "person_contacts(workspace_id, person_id, kind, value, label, is_primary, "
        "normalized)",
        7, contacts, [&](Statement& s, int first, const Contact& c) {
            s.Bind(first, c.person->workspace_id)
                .Bind(first + 1, c.person->id)
                .Bind(first + 2, std::string_view(c.email ? "email" : "phone"))
                .Bind(first + 3, c.point->value)
                .Bind(first + 4, c.point->label)
                .Bind(first + 5, c.point->primary ? 1 : 0)
                .Bind(first + 6, NormalizedContact(c.email, c.point->value, region));
        });
}

Status InsertOrganizationsMany(Connection& db, const std::vector<domain::Organization>& orgs) {
    return InsertSearchable(db,
                            "main.organizations(id, workspace_id, name, owner_id, address, "
                            "visible_to, is_deleted, add_time, update_time, search_text)",
                            10, orgs, BindOrganizationColumns, OrganizationSearchText);
}

}  // namespace pipecrm::storage::sql

#include "importer/exporter.hpp"

#include <unordered_map>

#include "base/money.hpp"
#include "base/time.hpp"
#include "importer/csv_writer.hpp"

namespace pipecrm::importer {
namespace {

constexpr int kPage = 1000;

std::string OptionalIdText(const OptionalId& id) {
    return id ? std::to_string(*id) : "";
}

std::string TimeText(const std::optional<Instant>& t) {
    return t ? FormatSqlTime(*t) : "";
}

std::string ClockText(int minutes) {
    const std::string hours = std::to_string(minutes / 60);
    const std::string rest = std::to_string(minutes % 60);
    return (hours.size() < 2 ? "0" : "") + hours + ":" + (rest.size() < 2 ? "0" : "") + rest;
}

// Names of what rows refer to, read once per export.
struct Names {
    std::unordered_map<Id, std::string> users;  ///< emails
    std::unordered_map<Id, std::string> organizations;
    std::unordered_map<Id, std::string> persons;
    std::unordered_map<Id, std::string> person_emails;  ///< primary
    std::unordered_map<Id, std::string> stages;

    static std::string Of(const std::unordered_map<Id, std::string>& map, const OptionalId& id) {
        if (!id) {
            return "";
        }
        auto found = map.find(*id);
        return found == map.end() ? "" : found->second;
    }
};

template <typename Row, typename List, typename Use>
Status EachPage(List&& list, Use&& use) {
    domain::ListOptions options;
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
        PIPECRM_RETURN_IF_ERROR(use(*rows));
        if (!more || rows->empty()) {
            return Status::Ok();
        }
        options.after = domain::Cursor{static_cast<std::int64_t>(rows->back().id), rows->back().id};
    }
}

Result<Names> LoadNames(domain::Repositories& repos, Id workspace_id, bool contacts) {
    Names names;
    auto users = repos.Users().List(workspace_id);
    if (!users.ok()) {
        return users.status();
    }
    for (const domain::User& user : *users) {
        names.users.emplace(user.id, user.email);
    }
    domain::ListOptions all;
    all.limit = 100000;
    auto stages = repos.Stages().List(workspace_id, std::nullopt, all);
    if (!stages.ok()) {
        return stages.status();
    }
    for (const domain::Stage& stage : *stages) {
        names.stages.emplace(stage.id, stage.name);
    }
    if (!contacts) {
        return names;
    }
    domain::ContactQuery query;
    query.workspace_id = workspace_id;
    PIPECRM_RETURN_IF_ERROR(EachPage<domain::Organization>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Organizations().List(query);
        },
        [&](const std::vector<domain::Organization>& orgs) {
            for (const domain::Organization& org : orgs) {
                names.organizations.emplace(org.id, org.name);
            }
            return Status::Ok();
        }));
    PIPECRM_RETURN_IF_ERROR(EachPage<domain::Person>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Persons().List(query);
        },
        [&](const std::vector<domain::Person>& persons) {
            for (const domain::Person& person : persons) {
                names.persons.emplace(person.id, person.name);
                for (const domain::ContactPoint& email : person.emails) {
                    if (email.primary) {
                        names.person_emails.emplace(person.id, email.value);
                    }
                }
            }
            return Status::Ok();
        }));
    return names;
}

// The custom fields of an entity and, per page, their values as the importer reads them.
class CustomColumns {
  public:
    static Result<CustomColumns> Load(domain::Repositories& repos,
                                      Id workspace_id,
                                      domain::FieldEntity entity) {
        CustomColumns columns;
        columns.entity_ = entity;
        auto fields = repos.CustomFields().List(workspace_id, entity);
        if (!fields.ok()) {
            return fields.status();
        }
        columns.fields_ = *fields;
        return columns;
    }

    void AddHeaders(std::vector<std::string>& header) const {
        for (const domain::CustomField& field : fields_) {
            header.push_back(field.name);
        }
    }

    Status LoadValues(domain::Repositories& repos, Id workspace_id, const std::vector<Id>& ids) {
        values_.clear();
        if (fields_.empty() || ids.empty()) {
            return Status::Ok();
        }
        auto values = repos.CustomFields().ListValues(workspace_id, entity_, ids);
        if (!values.ok()) {
            return values.status();
        }
        for (const domain::StoredFieldValue& value : *values) {
            values_[value.entity_id][value.field_id] = value.value;
        }
        return Status::Ok();
    }

    void AddCells(Id entity_id, std::vector<std::string>& cells) const {
        auto row = values_.find(entity_id);
        for (const domain::CustomField& field : fields_) {
            std::string text;
            if (row != values_.end()) {
                if (auto value = row->second.find(field.id); value != row->second.end()) {
                    text = Render(field, value->second);
                }
            }
            cells.push_back(std::move(text));
        }
    }

  private:
    // Options by label (ids mean nothing in another workspace); the rest as stored.
    static std::string Render(const domain::CustomField& field, const std::string& stored) {
        if (!domain::HasOptions(field.type)) {
            return stored;
        }
        std::string labels;
        std::size_t start = 0;
        while (start <= stored.size()) {
            const auto comma = stored.find(',', start);
            const std::string id = stored.substr(start, comma - start);
            for (const domain::FieldOption& option : field.options) {
                if (std::to_string(option.id) == id) {
                    labels += (labels.empty() ? "" : ", ") + option.label;
                }
            }
            if (comma == std::string::npos) {
                break;
            }
            start = comma + 1;
        }
        return labels;
    }

    domain::FieldEntity entity_ = domain::FieldEntity::kPerson;
    std::vector<domain::CustomField> fields_;
    std::unordered_map<Id, std::unordered_map<Id, std::string>> values_;
};

template <typename Row>
std::vector<Id> IdsOf(const std::vector<Row>& rows) {
    std::vector<Id> ids;
    for (const Row& row : rows) {
        ids.push_back(row.id);
    }
    return ids;
}

Status ExportPersons(domain::Repositories& repos,
                     Id workspace_id,
                     const std::function<void(std::string_view)>& write) {
    auto names = LoadNames(repos, workspace_id, true);
    auto custom = CustomColumns::Load(repos, workspace_id, domain::FieldEntity::kPerson);
    if (!names.ok() || !custom.ok()) {
        return !names.ok() ? names.status() : custom.status();
    }
    std::vector<std::string> header = {"id", "name", "email", "phone", "organization", "owner"};
    custom->AddHeaders(header);
    write(CsvLine(header));
    domain::ContactQuery query;
    query.workspace_id = workspace_id;
    return EachPage<domain::Person>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Persons().List(query);
        },
        [&](const std::vector<domain::Person>& persons) {
            PIPECRM_RETURN_IF_ERROR(custom->LoadValues(repos, workspace_id, IdsOf(persons)));
            std::string chunk;
            for (const domain::Person& person : persons) {
                std::string emails;
                std::string phones;
                for (const domain::ContactPoint& email : person.emails) {
                    emails += (emails.empty() ? "" : ", ") + email.value;
                }
                for (const domain::ContactPoint& phone : person.phones) {
                    phones += (phones.empty() ? "" : ", ") + phone.value;
                }
                std::vector<std::string> cells = {std::to_string(person.id),
                                                  person.name,
                                                  emails,
                                                  phones,
                                                  Names::Of(names->organizations, person.org_id),
                                                  Names::Of(names->users, person.owner_id)};
                custom->AddCells(person.id, cells);
                chunk += CsvLine(cells);
            }
            write(chunk);
            return Status::Ok();
        });
}

Status ExportOrganizations(domain::Repositories& repos,
                           Id workspace_id,
                           const std::function<void(std::string_view)>& write) {
    auto names = LoadNames(repos, workspace_id, false);
    auto custom = CustomColumns::Load(repos, workspace_id, domain::FieldEntity::kOrganization);
    if (!names.ok() || !custom.ok()) {
        return !names.ok() ? names.status() : custom.status();
    }
    std::vector<std::string> header = {"id", "name", "address", "owner"};
    custom->AddHeaders(header);
    write(CsvLine(header));
    domain::ContactQuery query;
    query.workspace_id = workspace_id;
    return EachPage<domain::Organization>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Organizations().List(query);
        },
        [&](const std::vector<domain::Organization>& orgs) {
            PIPECRM_RETURN_IF_ERROR(custom->LoadValues(repos, workspace_id, IdsOf(orgs)));
            std::string chunk;
            for (const domain::Organization& org : orgs) {
                std::vector<std::string> cells = {std::to_string(org.id), org.name, org.address,
                                                  Names::Of(names->users, org.owner_id)};
                custom->AddCells(org.id, cells);
                chunk += CsvLine(cells);
            }
            write(chunk);
            return Status::Ok();
        });
}

Status ExportDeals(domain::Repositories& repos,
                   Id workspace_id,
                   const std::function<void(std::string_view)>& write) {
    auto names = LoadNames(repos, workspace_id, true);
    auto custom = CustomColumns::Load(repos, workspace_id, domain::FieldEntity::kDeal);
    if (!names.ok() || !custom.ok()) {
        return !names.ok() ? names.status() : custom.status();
    }
    std::vector<std::string> header = {
        "id",          "title",      "value",        "currency",   "status",
        "stage",       "owner",      "organization", "person",     "person_email",
        "add_time",    "won_time",   "lost_time",    "close_time", "expected_close_date",
        "lost_reason", "probability"};
    custom->AddHeaders(header);
    write(CsvLine(header));
    domain::DealQuery query;
    query.workspace_id = workspace_id;
    return EachPage<domain::Deal>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Deals().List(query);
        },
        [&](const std::vector<domain::Deal>& deals) {
            PIPECRM_RETURN_IF_ERROR(custom->LoadValues(repos, workspace_id, IdsOf(deals)));
            std::string chunk;
            for (const domain::Deal& deal : deals) {
                std::vector<std::string> cells = {
                    std::to_string(deal.id),
                    deal.title,
                    FormatAmount(deal.value.minor_units, deal.value.currency),
                    deal.value.currency,
                    std::string(domain::DealStatusName(deal.status)),
                    Names::Of(names->stages, deal.stage_id),
                    Names::Of(names->users, deal.owner_id),
                    Names::Of(names->organizations, deal.org_id),
                    Names::Of(names->persons, deal.person_id),
                    Names::Of(names->person_emails, deal.person_id),
                    FormatSqlTime(deal.add_time),
                    TimeText(deal.won_time),
                    TimeText(deal.lost_time),
                    TimeText(deal.close_time),
                    deal.expected_close_date ? FormatDate(*deal.expected_close_date) : "",
                    deal.lost_reason,
                    deal.probability ? std::to_string(*deal.probability) : ""};
                custom->AddCells(deal.id, cells);
                chunk += CsvLine(cells);
            }
            write(chunk);
            return Status::Ok();
        });
}

Status ExportActivities(domain::Repositories& repos,
                        Id workspace_id,
                        const std::function<void(std::string_view)>& write) {
    auto names = LoadNames(repos, workspace_id, true);
    if (!names.ok()) {
        return names.status();
    }
    write(CsvLine({"id", "subject", "type", "due_date", "due_time", "duration", "done", "note",
                   "owner", "deal_id", "person", "person_email", "organization"}));
    domain::ActivityQuery query;
    query.workspace_id = workspace_id;
    return EachPage<domain::Activity>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Activities().List(query);
        },
        [&](const std::vector<domain::Activity>& activities) {
            std::string chunk;
            for (const domain::Activity& a : activities) {
                chunk +=
                    CsvLine({std::to_string(a.id), a.subject, a.type,
                             a.due_date ? FormatDate(*a.due_date) : "",
                             a.due_time_minutes ? ClockText(*a.due_time_minutes) : "",
                             a.duration_minutes ? std::to_string(*a.duration_minutes) : "",
                             a.done ? "yes" : "no", a.note, Names::Of(names->users, a.owner_id),
                             OptionalIdText(a.deal_id), Names::Of(names->persons, a.person_id),
                             Names::Of(names->person_emails, a.person_id),
                             Names::Of(names->organizations, a.org_id)});
            }
            write(chunk);
            return Status::Ok();
        });
}

Status ExportNotes(domain::Repositories& repos,
                   Id workspace_id,
                   const std::function<void(std::string_view)>& write) {
    auto names = LoadNames(repos, workspace_id, true);
    if (!names.ok()) {
        return names.status();
    }
    write(CsvLine(
        {"id", "content", "deal_id", "person", "organization", "user", "add_time", "update_time"}));
    domain::NoteQuery query;
    query.workspace_id = workspace_id;
    query.limit = kPage;
    // Notes page by offset, newest first.
    while (true) {
        auto notes = repos.Notes().List(query);
        if (!notes.ok()) {
            return notes.status();
        }
        const bool more = static_cast<int>(notes->size()) > kPage;
        if (more) {
            notes->pop_back();
        }
        std::string chunk;
        for (const domain::Note& note : *notes) {
            chunk += CsvLine({std::to_string(note.id), note.content, OptionalIdText(note.deal_id),
                              Names::Of(names->persons, note.person_id),
                              Names::Of(names->organizations, note.org_id),
                              Names::Of(names->users, note.user_id), FormatSqlTime(note.add_time),
                              FormatSqlTime(note.update_time)});
        }
        write(chunk);
        if (!more) {
            return Status::Ok();
        }
        query.offset += kPage;
    }
}

}  // namespace

std::optional<ExportKind> ParseExportKind(std::string_view text) {
    if (text == "persons") {
        return ExportKind::kPersons;
    }
    if (text == "organizations") {
        return ExportKind::kOrganizations;
    }
    if (text == "deals") {
        return ExportKind::kDeals;
    }
    if (text == "activities") {
        return ExportKind::kActivities;
    }
    if (text == "notes") {
        return ExportKind::kNotes;
    }
    return std::nullopt;
}

Status ExportCsv(domain::Repositories& repos,
                 Id workspace_id,
                 ExportKind kind,
                 const std::function<void(std::string_view)>& write) {
    switch (kind) {
        case ExportKind::kPersons:
            return ExportPersons(repos, workspace_id, write);
        case ExportKind::kOrganizations:
            return ExportOrganizations(repos, workspace_id, write);
        case ExportKind::kDeals:
            return ExportDeals(repos, workspace_id, write);
        case ExportKind::kActivities:
            return ExportActivities(repos, workspace_id, write);
        case ExportKind::kNotes:
            return ExportNotes(repos, workspace_id, write);
    }
    return Internal("unknown export kind");
}

}  // namespace pipecrm::importer

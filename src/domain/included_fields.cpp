#include "domain/included_fields.hpp"

#include <algorithm>

namespace pipecrm::domain {
namespace {

// Which query computes a field; kNone for fields PipeCRM has no feature for (always 0/null).
enum class Family { kNone, kActivities, kNotes, kProducts, kFirstWon, kDeals, kPeople };

struct CatalogField {
    std::string_view name;
    Family family;
    IncludedValue (*value)(const RecordExtras& extras);
};

IncludedValue ValueOf(std::int64_t count) {
    return count;
}
IncludedValue ValueOf(const OptionalId& id) {
    return id ? IncludedValue(*id) : IncludedValue();
}
IncludedValue ValueOf(const std::optional<Instant>& time) {
    return time ? IncludedValue(*time) : IncludedValue();
}

template <auto kMember>
IncludedValue Get(const RecordExtras& extras) {
    return ValueOf(extras.*kMember);
}
IncludedValue Zero(const RecordExtras&) {
    return std::int64_t{0};
}
IncludedValue Null(const RecordExtras&) {
    return {};
}
IncludedValue ClosedDeals(const RecordExtras& extras) {
    return extras.won_deals_count + extras.lost_deals_count;
}

using E = RecordExtras;

// The activity fields every entity has, and the notes count.
constexpr CatalogField kNextActivity{"next_activity_id", Family::kActivities,
                                     Get<&E::next_activity_id>};
constexpr CatalogField kLastActivity{"last_activity_id", Family::kActivities,
                                     Get<&E::last_activity_id>};
constexpr CatalogField kActivities{"activities_count", Family::kActivities,
                                   Get<&E::activities_count>};
constexpr CatalogField kDone{"done_activities_count", Family::kActivities,
                             Get<&E::done_activities_count>};
constexpr CatalogField kUndone{"undone_activities_count", Family::kActivities,
                               Get<&E::undone_activities_count>};
constexpr CatalogField kNotes{"notes_count", Family::kNotes, Get<&E::notes_count>};

const std::vector<CatalogField>& Catalog(FieldEntity entity) {
    // Persons and organizations share everything but a few fields.
    static const std::vector<CatalogField> kDeal = {
        kNextActivity,
        kLastActivity,
        {"first_won_time", Family::kFirstWon, Get<&E::first_won_time>},
        {"products_count", Family::kProducts, Get<&E::products_count>},
        {"files_count", Family::kNone, Zero},
        kNotes,
        {"followers_count", Family::kNone, Zero},
        {"email_messages_count", Family::kNone, Zero},
        kActivities,
        kDone,
        kUndone,
        {"participants_count", Family::kNone, Zero},
        {"last_incoming_mail_time", Family::kNone, Null},
        {"last_outgoing_mail_time", Family::kNone, Null},
        {"smart_bcc_email", Family::kNone, Null},
        {"source_lead_id", Family::kNone, Null},
    };
    static const std::vector<CatalogField> kContact = {
        {"open_deals_count", Family::kDeals, Get<&E::open_deals_count>},
        {"related_open_deals_count", Family::kNone, Zero},
        {"closed_deals_count", Family::kDeals, ClosedDeals},
        {"related_closed_deals_count", Family::kNone, Zero},
        {"email_messages_count", Family::kNone, Zero},
        kActivities,
        kDone,
        kUndone,
        {"files_count", Family::kNone, Zero},
        kNotes,
        {"followers_count", Family::kNone, Zero},
        {"won_deals_count", Family::kDeals, Get<&E::won_deals_count>},
        {"related_won_deals_count", Family::kNone, Zero},
        {"lost_deals_count", Family::kDeals, Get<&E::lost_deals_count>},
        {"related_lost_deals_count", Family::kNone, Zero},
        {"last_incoming_mail_time", Family::kNone, Null},
        {"last_outgoing_mail_time", Family::kNone, Null},
        {"smart_bcc_email", Family::kNone, Null},
        kNextActivity,
        kLastActivity,
    };
    static const std::vector<CatalogField> kPerson = [] {
        std::vector<CatalogField> fields = kContact;
        fields.insert(fields.end(), {{"participant_open_deals_count", Family::kNone, Zero},
                                     {"participant_closed_deals_count", Family::kNone, Zero},
                                     {"marketing_status", Family::kNone, Null},
                                     {"doi_status", Family::kNone, Null}});
        return fields;
    }();
    static const std::vector<CatalogField> kOrganization = [] {
        std::vector<CatalogField> fields = kContact;
        fields.push_back({"people_count", Family::kPeople, Get<&E::people_count>});
        return fields;
    }();
    switch (entity) {
        case FieldEntity::kDeal:
            return kDeal;
        case FieldEntity::kPerson:
            return kPerson;
        case FieldEntity::kOrganization:
            return kOrganization;
    }
    return kDeal;
}

const CatalogField* Find(FieldEntity entity, std::string_view name) {
    const std::vector<CatalogField>& catalog = Catalog(entity);
    auto found = std::find_if(catalog.begin(), catalog.end(),
                              [name](const CatalogField& field) { return field.name == name; });
    return found == catalog.end() ? nullptr : &*found;
}

void Want(ExtrasWanted& which, Family family) {
    switch (family) {
        case Family::kNone:
            return;
        case Family::kActivities:
            which.activities = true;
            return;
        case Family::kNotes:
            which.notes = true;
            return;
        case Family::kProducts:
            which.products = true;
            return;
        case Family::kFirstWon:
            which.first_won = true;
            return;
        case Family::kDeals:
            which.deals = true;
            return;
        case Family::kPeople:
            which.people = true;
            return;
    }
}

// `extras(ids, which)` is the repository's Extras for the rows' kind.
template <typename T, typename ExtrasFn>
Status LoadInto(FieldEntity entity,
                const std::vector<std::string_view>& names,
                std::vector<T>& rows,
                ExtrasFn&& extras) {
    if (names.empty() || rows.empty()) {
        return Status::Ok();
    }
    std::vector<const CatalogField*> fields;
    ExtrasWanted which;
    for (std::string_view name : names) {
        const CatalogField* field = Find(entity, name);
        if (field == nullptr) {
            return Internal("include_fields name not checked: " + std::string(name));
        }
        fields.push_back(field);
        Want(which, field->family);
    }
    std::vector<RecordExtras> figures(rows.size());
    if (which.Any()) {
        std::vector<Id> ids;
        for (const T& row : rows) {
            ids.push_back(row.id);
        }
        auto computed = extras(ids, which);
        if (!computed.ok()) {
            return computed.status();
        }
        if (computed->size() != rows.size()) {
            return Internal("include_fields: figures missing for some records");
        }
        figures = std::move(*computed);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (const CatalogField* field : fields) {
            rows[i].included_fields.push_back({field->name, field->value(figures[i])});
        }
    }
    return Status::Ok();
}

}  // namespace

std::vector<std::string_view> IncludeFieldNames(FieldEntity entity) {
    std::vector<std::string_view> names;
    for (const CatalogField& field : Catalog(entity)) {
        names.push_back(field.name);
    }
    return names;
}

Result<std::vector<std::string_view>> ParseIncludeFields(FieldEntity entity,
                                                         const std::vector<std::string>& names) {
    std::vector<std::string_view> out;
    for (const std::string& name : names) {
        const CatalogField* field = Find(entity, name);
        if (field == nullptr) {
            std::string allowed;
            for (std::string_view known : IncludeFieldNames(entity)) {
                allowed += (allowed.empty() ? "" : ", ") + std::string(known);
            }
            return InvalidArgument(
                "include_fields: unknown field '" + name + "'; allowed: " + allowed,
                "include_fields");
        }
        if (std::find(out.begin(), out.end(), field->name) == out.end()) {
            out.push_back(field->name);
        }
    }
    return out;
}

Status LoadIncludedFields(Repositories& repos,
                          Id workspace_id,
                          const std::vector<std::string_view>& names,
                          std::vector<Deal>& deals) {
    return LoadInto(FieldEntity::kDeal, names, deals,
                    [&](const std::vector<Id>& ids, const ExtrasWanted& which) {
                        return repos.Deals().Extras(workspace_id, ids, which);
                    });
}

Status LoadIncludedFields(Repositories& repos,
                          Id workspace_id,
                          const std::vector<std::string_view>& names,
                          std::vector<Person>& persons) {
    return LoadInto(FieldEntity::kPerson, names, persons,
                    [&](const std::vector<Id>& ids, const ExtrasWanted& which) {
                        return repos.Persons().Extras(workspace_id, ids, which);
                    });
}

Status LoadIncludedFields(Repositories& repos,
                          Id workspace_id,
                          const std::vector<std::string_view>& names,
                          std::vector<Organization>& organizations) {
    return LoadInto(FieldEntity::kOrganization, names, organizations,
                    [&](const std::vector<Id>& ids, const ExtrasWanted& which) {
                        return repos.Organizations().Extras(workspace_id, ids, which);
                    });
}

}  // namespace pipecrm::domain

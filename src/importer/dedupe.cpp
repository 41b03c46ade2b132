#include "importer/dedupe.hpp"

#include "text/search_text.hpp"

namespace pipecrm::importer {
namespace {

constexpr int kPage = 5000;

std::string DealKey(std::string_view title, OptionalId org_id) {
    return text::FoldForSearch(title) + '\x1f' + std::to_string(org_id.value_or(0));
}

std::string DealKey(std::string_view title, OptionalId org_id, Instant add_time) {
    return DealKey(title, org_id) + '\x1f' + std::to_string(ToUnixSeconds(add_time));
}

// Calls `use` with every page of a keyset-paged list, by id.
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
        for (const Row& row : *rows) {
            use(row);
        }
        if (!more || rows->empty()) {
            return Status::Ok();
        }
        options.after = domain::Cursor{static_cast<std::int64_t>(rows->back().id), rows->back().id};
    }
}

}  // namespace

std::string DedupeIndex::OrganizationKey(std::string_view name) {
    std::string key;
    for (char c : text::FoldForSearch(name)) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          static_cast<unsigned char>(c) >= 0x80;
        if (word) {
            key += c;
        } else if (!key.empty() && key.back() != ' ') {
            key += ' ';
        }
    }
    while (!key.empty() && key.back() == ' ') {
        key.pop_back();
    }
    return key;
}

Result<DedupeIndex> DedupeIndex::Load(domain::Repositories& repos,
                                      Id workspace_id,
                                      std::string_view phone_region,
                                      bool with_deals) {
    DedupeIndex index;
    domain::ContactQuery query;
    query.workspace_id = workspace_id;
    PIPECRM_RETURN_IF_ERROR(EachPage<domain::Person>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Persons().List(query);
        },
        [&](const domain::Person& person) {
            std::vector<std::string> emails;
            std::vector<std::string> phones;
            for (const domain::ContactPoint& email : person.emails) {
                emails.push_back(email.value);
            }
            for (const domain::ContactPoint& phone : person.phones) {
                phones.push_back(
                    text::NormalizePhone(phone.value, phone_region).value_or(phone.value));
            }
            index.AddPerson(person.id, person.name, emails, phones);
        }));
    PIPECRM_RETURN_IF_ERROR(EachPage<domain::Organization>(
        [&](const domain::ListOptions& options) {
            query.options = options;
            return repos.Organizations().List(query);
        },
        [&](const domain::Organization& org) { index.AddOrganization(org.id, org.name); }));
    if (with_deals) {
        domain::DealQuery deals;
        deals.workspace_id = workspace_id;
        PIPECRM_RETURN_IF_ERROR(EachPage<domain::Deal>(
            [&](const domain::ListOptions& options) {
                deals.options = options;
                return repos.Deals().List(deals);
            },
            [&](const domain::Deal& deal) {
                index.AddDeal(deal.id, deal.title, deal.org_id, deal.add_time);
            }));
    }
    index.Checkpoint();
    return index;
}

OptionalId DedupeIndex::FindPerson(const std::vector<std::string>& emails,
                                   const std::vector<std::string>& phones) const {
    for (const std::string& email : emails) {
        if (auto found = emails_.find(email); found != emails_.end()) {
            return found->second;
        }
    }
    for (const std::string& phone : phones) {
        if (auto found = phones_.find(phone); found != phones_.end()) {
            return found->second;
        }
    }
    return std::nullopt;
}

OptionalId DedupeIndex::FindPersonByName(std::string_view name) const {
    auto found = person_names_.find(text::FoldForSearch(name));
    return found == person_names_.end() ? OptionalId() : OptionalId(found->second);
}

OptionalId DedupeIndex::FindOrganization(std::string_view name) const {
    auto found = organizations_.find(OrganizationKey(name));
    return found == organizations_.end() ? OptionalId() : OptionalId(found->second);
}

OptionalId DedupeIndex::FindDeal(std::string_view title,
                                 OptionalId org_id,
                                 std::optional<Instant> add_time) const {
    const auto& map = add_time ? deals_at_time_ : deals_;
    auto found = map.find(add_time ? DealKey(title, org_id, *add_time) : DealKey(title, org_id));
    return found == map.end() ? OptionalId() : OptionalId(found->second);
}

void DedupeIndex::AddPerson(Id id,
                            std::string_view name,
                            const std::vector<std::string>& emails,
                            const std::vector<std::string>& phones) {
    for (const std::string& email : emails) {
        Add(Family::kEmail, email, id);
    }
    for (const std::string& phone : phones) {
        Add(Family::kPhone, phone, id);
    }
    Add(Family::kPersonName, text::FoldForSearch(name), id);
}

void DedupeIndex::AddOrganization(Id id, std::string_view name) {
    Add(Family::kOrganization, OrganizationKey(name), id);
}

void DedupeIndex::AddDeal(Id id, std::string_view title, OptionalId org_id, Instant add_time) {
    Add(Family::kDeal, DealKey(title, org_id), id);
    Add(Family::kDealAtTime, DealKey(title, org_id, add_time), id);
}

void DedupeIndex::Checkpoint() {
    added_since_checkpoint_.clear();
}

void DedupeIndex::Rollback() {
    for (auto it = added_since_checkpoint_.rbegin(); it != added_since_checkpoint_.rend(); ++it) {
        MapOf(it->first).erase(it->second);
    }
    added_since_checkpoint_.clear();
}

std::unordered_map<std::string, Id>& DedupeIndex::MapOf(Family family) {
    switch (family) {
        case Family::kEmail:
            return emails_;
        case Family::kPhone:
            return phones_;
        case Family::kPersonName:
            return person_names_;
        case Family::kOrganization:
            return organizations_;
        case Family::kDeal:
            return deals_;
        case Family::kDealAtTime:
            return deals_at_time_;
    }
    return emails_;
}

void DedupeIndex::Add(Family family, std::string key, Id id) {
    if (key.empty()) {
        return;
    }
    // The first record with a key keeps it: later ones are its duplicates.
    auto [it, inserted] = MapOf(family).emplace(std::move(key), id);
    if (inserted) {
        added_since_checkpoint_.emplace_back(family, it->first);
    }
}

}  // namespace pipecrm::importer

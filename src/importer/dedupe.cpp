#include "importer/dedupe.hpp"

#include "text/search_text.hpp"

namespace pipecrm::importer {
namespace {

constexpr int kPage = 5000;

std::string DealKey(std::string_view title, OptionalId org_id) {
    return text::FoldForSearch(title) + '\x1f' + std::to_string(org_id.value_or(0));
}

std::string AtTime(std::string deal_key, Instant add_time) {
    return deal_key + '\x1f' + std::to_string(ToUnixSeconds(add_time));
}

std::string DealKey(std::string_view title, OptionalId org_id, Instant add_time) {
    return AtTime(DealKey(title, org_id), add_time);
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
        if (OptionalId found = emails_.Find(email)) {
            return found;
        }
    }
    for (const std::string& phone : phones) {
        if (OptionalId found = phones_.Find(phone)) {
            return found;
        }
    }
    return std::nullopt;
}

OptionalId DedupeIndex::FindPersonByName(std::string_view name) const {
    return person_names_.Find(text::FoldForSearch(name));
}

OptionalId DedupeIndex::FindOrganization(std::string_view name) const {
    return organizations_.Find(OrganizationKey(name));
}

OptionalId DedupeIndex::FindDeal(std::string_view title,
                                 OptionalId org_id,
                                 std::optional<Instant> add_time) const {
    return add_time ? deals_at_time_.Find(DealKey(title, org_id, *add_time))
                    : deals_.Find(DealKey(title, org_id));
}

void DedupeIndex::PrefetchOrganization(std::string_view name) const {
    if (!name.empty()) {
        organizations_.Prefetch(OrganizationKey(name));
    }
}

void DedupeIndex::PrefetchPerson(std::string_view email,
                                 std::string_view phone,
                                 std::string_view person_name) const {
    if (!email.empty()) {
        emails_.Prefetch(email);
    }
    if (!phone.empty()) {
        phones_.Prefetch(phone);
    }
    if (!person_name.empty()) {
        person_names_.Prefetch(text::FoldForSearch(person_name));
    }
}

void DedupeIndex::PrefetchDeal(std::string_view title,
                               OptionalId org_id,
                               std::optional<Instant> add_time) const {
    std::string key = DealKey(title, org_id);
    deals_.Prefetch(key);
    if (add_time) {
        deals_at_time_.Prefetch(AtTime(std::move(key), *add_time));
    }
}

void DedupeIndex::AddPerson(Id id,
                            std::string_view name,
                            const std::vector<std::string>& emails,
                            const std::vector<std::string>& phones) {
    for (const std::string& email : emails) {
        Add(emails_, email, id);
    }
    for (const std::string& phone : phones) {
        Add(phones_, phone, id);
    }
    Add(person_names_, text::FoldForSearch(name), id);
}

void DedupeIndex::AddOrganization(Id id, std::string_view name) {
    Add(organizations_, OrganizationKey(name), id);
}

void DedupeIndex::AddDeal(Id id, std::string_view title, OptionalId org_id, Instant add_time) {
    const std::string key = DealKey(title, org_id);  // the title folded once for both
    Add(deals_, key, id);
    Add(deals_at_time_, AtTime(key, add_time), id);
}

std::array<KeyIndex*, 6> DedupeIndex::Maps() {
    return {&emails_, &phones_, &person_names_, &organizations_, &deals_, &deals_at_time_};
}

std::array<const KeyIndex*, 6> DedupeIndex::Maps() const {
    return {&emails_, &phones_, &person_names_, &organizations_, &deals_, &deals_at_time_};
}

DedupeIndex::Mark DedupeIndex::Position() const {
    Mark mark{};
    const auto maps = Maps();
    for (std::size_t i = 0; i < maps.size(); ++i) {
        mark[i] = maps[i]->Mark();
    }
    return mark;
}

void DedupeIndex::RollbackTo(const Mark& mark) {
    const auto maps = Maps();
    for (std::size_t i = 0; i < maps.size(); ++i) {
        maps[i]->RollbackTo(mark[i]);
    }
}

void DedupeIndex::Keep(const Mark& mark) {
    const auto maps = Maps();
    for (std::size_t i = 0; i < maps.size(); ++i) {
        maps[i]->Keep(mark[i]);
    }
}

void DedupeIndex::Checkpoint() {
    Keep(Position());
}

void DedupeIndex::Rollback() {
    for (KeyIndex* map : Maps()) {
        map->Rollback();
    }
}

// The first record with a key keeps it: later ones are its duplicates. An empty key matches
// nothing.
void DedupeIndex::Add(KeyIndex& map, std::string_view key, Id id) {
    if (!key.empty()) {
        map.Add(key, id);
    }
}

}  // namespace pipecrm::importer

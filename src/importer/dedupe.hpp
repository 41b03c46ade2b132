// Step 4 of an import: which rows are already in the workspace (or earlier in the file).
// Persons match by an email or a normalized phone, organizations by normalized name, deals by
// title and organization (and add time when the file has one). The index is loaded once per import
// and kept in memory, so no row costs a lookup query.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/repositories.hpp"
#include "importer/key_index.hpp"

namespace pipecrm::importer {

/// Not safe for concurrent use.
class DedupeIndex {
  public:
    /// The workspace's live persons and organizations (and deals, when `with_deals`).
    static Result<DedupeIndex> Load(domain::Repositories& repos,
                                    Id workspace_id,
                                    std::string_view phone_region,
                                    bool with_deals);

    /// The person with one of these emails or phones (E.164); an email match wins.
    OptionalId FindPerson(const std::vector<std::string>& emails,
                          const std::vector<std::string>& phones) const;
    OptionalId FindPersonByName(std::string_view name) const;
    OptionalId FindOrganization(std::string_view name) const;
    /// A deal with this title and organization (and add time, when the file gives one).
    OptionalId FindDeal(std::string_view title,
                        OptionalId org_id,
                        std::optional<Instant> add_time) const;

    /// Start loading what FindOrganization(name), FindPerson with this email and phone and
    /// FindPersonByName(person_name) will read, and what FindDeal and AddDeal will (KeyIndex::
    /// Prefetch): for a row's lookups while the row before it is applied.
    void PrefetchOrganization(std::string_view name) const;
    void PrefetchPerson(std::string_view email,
                        std::string_view phone,
                        std::string_view person_name) const;
    void PrefetchDeal(std::string_view title,
                      OptionalId org_id,
                      std::optional<Instant> add_time) const;

    void AddPerson(Id id,
                   std::string_view name,
                   const std::vector<std::string>& emails,
                   const std::vector<std::string>& phones);
    void AddOrganization(Id id, std::string_view name);
    void AddDeal(Id id, std::string_view title, OptionalId org_id, Instant add_time);

    /// Keys added from now on can be taken back with Rollback (a batch that did not commit).
    void Checkpoint();
    void Rollback();
    /// Where each map's keys end, so that the keys of a batch prepared while the one before it
    /// is written can be taken back (RollbackTo) or kept (Keep) on their own.
    using Mark = std::array<std::size_t, 6>;
    Mark Position() const;
    void RollbackTo(const Mark& mark);
    void Keep(const Mark& mark);

    /// "Công ty TNHH  ABC." -> "cong ty tnhh abc": how organization names are compared.
    static std::string OrganizationKey(std::string_view name);

  private:
    /// Every map, for Checkpoint and Rollback.
    std::array<KeyIndex*, 6> Maps();
    std::array<const KeyIndex*, 6> Maps() const;
    static void Add(KeyIndex& map, std::string_view key, Id id);

    KeyIndex emails_;
    KeyIndex phones_;
    KeyIndex person_names_;
    KeyIndex organizations_;
    KeyIndex deals_;          ///< by title and organization
    KeyIndex deals_at_time_;  ///< by title, organization, add time
};

}  // namespace pipecrm::importer

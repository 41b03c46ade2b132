// The duplicate index's map from a key (an email, a folded name, ...) to the id of the row that
// has it. An import of a million rows keeps a few maps of a million keys each and looks them up
// several times per row on the writer thread; std::unordered_map<std::string, Id> spent a fifth
// of that thread's time there (a node and usually a string allocated per key, a pointer chased
// per lookup). This one keeps the keys one after another in one buffer and the table in one
// array of 16-byte slots (open addressing, linear probing), and can take back every key added
// since a checkpoint.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"

namespace pipecrm::importer {

/// Not safe for concurrent use.
class KeyIndex {
  public:
    KeyIndex();

    /// The id added with `key`, if any.
    OptionalId Find(std::string_view key) const;
    /// Adds `key` unless it is there already (the first id added keeps it); true when added.
    bool Add(std::string_view key, Id id);
    /// Starts loading the slot where a Find or Add of `key` begins, without waiting for it. A
    /// lookup in a table of a million keys is mostly a wait for memory; a caller that knows
    /// its next keys early lets those waits run side by side and behind its other work.
    void Prefetch(std::string_view key) const;

    /// Where the keys added so far end (those taken back not counted), for RollbackTo and Keep.
    std::size_t Mark() const { return kept_ + undo_.size(); }
    /// Removes every key added since `mark` (no earlier than the last Keep).
    void RollbackTo(std::size_t mark);
    /// The keys added before `mark` can no longer be taken back.
    void Keep(std::size_t mark);
    /// Keep(Mark()): keys added from now on can be taken back with Rollback.
    void Checkpoint() { Keep(Mark()); }
    /// Removes every key added since the last Checkpoint (or Keep).
    void Rollback() { RollbackTo(kept_); }

    std::size_t size() const { return size_; }

  private:
    struct Slot {
        std::uint32_t tag = 0;  ///< the key's hash with its lowest bit set; 0: never used
        std::uint32_t key = 0;  ///< where the key starts in keys_ (its length first)
        Id id = 0;              ///< kRemoved: a key taken back (probing goes on past it)
    };
    static constexpr Id kRemoved = -1;

    /// The slot holding `key`, or the empty slot that ends its probe sequence.
    std::size_t Probe(std::string_view key, std::uint64_t hash) const;
    std::string_view KeyAt(std::uint32_t offset) const;
    void Grow();

    std::vector<Slot> slots_;          ///< a power of two in size
    std::size_t used_ = 0;             ///< slots not empty (removed ones included)
    std::size_t size_ = 0;             ///< keys present
    std::string keys_;                 ///< each key as a 4-byte length and its bytes
    std::size_t kept_ = 0;             ///< keys added before this can no longer be taken back
    std::vector<std::uint32_t> undo_;  ///< the later ones, by their offsets in keys_
};

}  // namespace pipecrm::importer

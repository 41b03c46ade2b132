#include "importer/key_index.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>

namespace pipecrm::importer {
namespace {

constexpr std::size_t kMinSlots = 16;

std::uint64_t HashOf(std::string_view key) {
    return std::hash<std::string_view>()(key);
}

// The high half of the hash, never 0 (the mark of a slot never used); the low bits pick the
// slot, so the two halves are independent.
std::uint32_t TagOf(std::uint64_t hash) {
    return static_cast<std::uint32_t>(hash >> 32) | 1u;
}

// The table's size for `keys` keys: at most 70% full.
std::size_t SlotsFor(std::size_t keys) {
    std::size_t slots = kMinSlots;
    while (slots * 7 < keys * 10) {
        slots *= 2;
    }
    return slots;
}

}  // namespace

KeyIndex::KeyIndex() : slots_(kMinSlots) {}

std::string_view KeyIndex::KeyAt(std::uint32_t offset) const {
    std::uint32_t length = 0;
    std::memcpy(&length, keys_.data() + offset, sizeof length);
    return std::string_view(keys_.data() + offset + sizeof length, length);
}

std::size_t KeyIndex::Probe(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t tag = TagOf(hash);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.tag == 0 || (slot.tag == tag && KeyAt(slot.key) == key)) {
            return i;
        }
    }
}

OptionalId KeyIndex::Find(std::string_view key) const {
    const Slot& slot = slots_[Probe(key, HashOf(key))];
    if (slot.tag == 0 || slot.id == kRemoved) {
        return std::nullopt;
    }
    return slot.id;
}

void KeyIndex::Prefetch(std::string_view key) const {
    __builtin_prefetch(&slots_[HashOf(key) & (slots_.size() - 1)]);
}

bool KeyIndex::Add(std::string_view key, Id id) {
    if ((used_ + 1) * 10 > slots_.size() * 7) {
        Grow();
    }
    const std::uint64_t hash = HashOf(key);
    Slot& slot = slots_[Probe(key, hash)];
    if (slot.tag != 0 && slot.id != kRemoved) {
        return false;
    }
    if (slot.tag == 0) {
        // The offsets are 32 bits: 4 GiB of keys, far beyond any file an import reads.
        if (keys_.size() + sizeof(std::uint32_t) + key.size() >
            std::numeric_limits<std::uint32_t>::max()) {
            throw std::length_error("KeyIndex: more than 4 GiB of keys");
        }
        const auto length = static_cast<std::uint32_t>(key.size());
        slot.tag = TagOf(hash);
        slot.key = static_cast<std::uint32_t>(keys_.size());
        keys_.append(reinterpret_cast<const char*>(&length), sizeof length);
        keys_.append(key);
        ++used_;
    }
    slot.id = id;
    ++size_;
    undo_.push_back(slot.key);
    return true;
}

void KeyIndex::RollbackTo(std::size_t mark) {
    while (Mark() > mark && !undo_.empty()) {
        const std::string_view key = KeyAt(undo_.back());
        undo_.pop_back();
        Slot& slot = slots_[Probe(key, HashOf(key))];
        if (slot.tag != 0 && slot.id != kRemoved) {
            slot.id = kRemoved;
            --size_;
        }
    }
}

void KeyIndex::Keep(std::size_t mark) {
    const std::size_t drop = std::min(mark > kept_ ? mark - kept_ : 0, undo_.size());
    undo_.erase(undo_.begin(), undo_.begin() + static_cast<std::ptrdiff_t>(drop));
    kept_ += drop;
}

// Rebuilds the table at twice the size of its keys (removed keys are left out).
void KeyIndex::Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(SlotsFor(2 * size_ + 1), Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.tag == 0 || slot.id == kRemoved) {
            continue;
        }
        std::size_t i = HashOf(KeyAt(slot.key)) & mask;
        while (slots_[i].tag != 0) {
            i = (i + 1) & mask;
        }
        slots_[i] = slot;
    }
    used_ = size_;
}

}  // namespace pipecrm::importer

#include "importer/key_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

namespace pipecrm::importer {
namespace {

std::string Key(int i) {
    return "person" + std::to_string(i) + "@example.com";
}

TEST(KeyIndex, TheFirstIdAddedKeepsItsKey) {
    KeyIndex index;
    EXPECT_FALSE(index.Find("an@x.vn"));
    EXPECT_TRUE(index.Add("an@x.vn", 7));
    EXPECT_FALSE(index.Add("an@x.vn", 8));
    EXPECT_EQ(index.Find("an@x.vn"), 7);
    EXPECT_FALSE(index.Find("an@x.v"));
    EXPECT_FALSE(index.Find(""));
    EXPECT_TRUE(index.Add("", 9)) << "the empty key is a key like any other";
    EXPECT_EQ(index.Find(""), 9);
    EXPECT_EQ(index.size(), 2u);
}

TEST(KeyIndex, GrowsFromItsSmallestSizeAndAgreesWithAStandardMap) {
    KeyIndex index;
    std::unordered_map<std::string, Id> expected;
    for (int i = 0; i < 50'000; ++i) {
        // Every third key repeats an earlier one, which keeps its first id.
        const std::string key = Key(i % 3 == 2 ? i / 2 : i);
        EXPECT_EQ(index.Add(key, i), expected.emplace(key, i).second) << key;
    }
    ASSERT_EQ(index.size(), expected.size());
    for (const auto& [key, id] : expected) {
        ASSERT_EQ(index.Find(key), id) << key;
    }
    for (int i = 50'000; i < 50'100; ++i) {
        EXPECT_FALSE(index.Find(Key(i)));
    }
}

TEST(KeyIndex, RollbackTakesBackOnlyTheKeysAddedSinceTheCheckpoint) {
    KeyIndex index;
    for (int i = 0; i < 100; ++i) {
        index.Add(Key(i), i);
    }
    index.Checkpoint();
    for (int i = 100; i < 5'000; ++i) {  // grows the table between checkpoint and rollback
        index.Add(Key(i), i);
    }
    EXPECT_FALSE(index.Add(Key(5), 99)) << "a key from before the checkpoint stays taken";
    index.Rollback();
    EXPECT_EQ(index.size(), 100u);
    for (int i = 0; i < 100; ++i) {
        ASSERT_EQ(index.Find(Key(i)), i);
    }
    for (int i = 100; i < 5'000; ++i) {
        ASSERT_FALSE(index.Find(Key(i))) << Key(i);
    }
    // A key taken back can be added again, with another id, and taken back again.
    EXPECT_TRUE(index.Add(Key(100), 1000));
    EXPECT_EQ(index.Find(Key(100)), 1000);
    index.Rollback();
    EXPECT_FALSE(index.Find(Key(100)));
    index.Add(Key(100), 2000);
    index.Checkpoint();
    index.Rollback();
    EXPECT_EQ(index.Find(Key(100)), 2000) << "a checkpoint keeps what was added before it";
}

TEST(KeyIndex, KeysTakenBackDoNotHideKeysProbedPastThem) {
    // A table of 16 slots, refilled many times over with keys taken back in between: the keys
    // still present must be found past the slots of those taken back, in whatever order.
    KeyIndex index;
    for (int round = 0; round < 200; ++round) {
        index.Checkpoint();
        for (int i = 0; i < 8; ++i) {
            index.Add(Key(round * 8 + i), round * 8 + i);
        }
        if (round % 2 == 0) {
            index.Rollback();
        }
    }
    for (int round = 0; round < 200; ++round) {
        for (int i = 0; i < 8; ++i) {
            const int n = round * 8 + i;
            ASSERT_EQ(index.Find(Key(n)), round % 2 == 0 ? OptionalId() : OptionalId(n)) << n;
        }
    }
    EXPECT_EQ(index.size(), 800u);
}

}  // namespace
}  // namespace pipecrm::importer

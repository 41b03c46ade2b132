#include "domain/deal_rules.hpp"

#include <gtest/gtest.h>

#include "domain/workspace_setup.hpp"

namespace pipecrm::domain {
namespace {

Stage MakeStage(Id id, Id pipeline_id) {
    Stage stage;
    stage.id = id;
    stage.pipeline_id = pipeline_id;
    stage.workspace_id = 1;
    return stage;
}

Deal OpenDeal() {
    Deal deal;
    deal.id = 7;
    deal.workspace_id = 1;
    deal.title = "Website redesign";
    deal.value = Money{500000, "USD"};
    deal.stage_id = 1;
    deal.pipeline_id = 1;
    deal.owner_id = 3;
    deal.add_time = FromUnixSeconds(1000);
    deal.update_time = FromUnixSeconds(1000);
    return deal;
}

const Instant kNow = FromUnixSeconds(5000);

TEST(DealRules, NewDealRecordsCreatedEvent) {
    Deal deal;
    deal.workspace_id = 1;
    ResolvedDealChange change;
    change.title = "  Mua 10 bộ phần mềm  ";
    change.stage = MakeStage(2, 1);
    change.owner_id = 3;
    change.value = Money{1000, "VND"};
    auto events = BuildNewDeal(deal, change, 9, kNow);
    ASSERT_TRUE(events.ok());
    EXPECT_EQ(deal.title, "Mua 10 bộ phần mềm");
    ASSERT_EQ(events->size(), 1u);
    const DealEvent& created = events->front();
    EXPECT_EQ(created.kind, DealEventKind::kCreated);
    EXPECT_EQ(created.to_stage_id, 2);
    EXPECT_EQ(created.to_value, 1000);
    EXPECT_EQ(created.actor_user_id, 9);
    EXPECT_EQ(created.at, kNow);
    EXPECT_EQ(deal.status, DealStatus::kOpen);
}

TEST(DealRules, RejectsEmptyTitle) {
    Deal deal;
    ResolvedDealChange change;
    change.title = "   ";
    change.stage = MakeStage(2, 1);
    change.owner_id = 3;
    change.value = Money{0, "VND"};
    auto events = BuildNewDeal(deal, change, 9, kNow);
    ASSERT_FALSE(events.ok());
    EXPECT_EQ(events.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(events.status().field(), "title");
}

TEST(DealRules, MovingToAStageMovesToItsPipeline) {
    Deal deal = OpenDeal();
    ResolvedDealChange change;
    change.stage = MakeStage(12, 4);
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(deal.stage_id, 12);
    EXPECT_EQ(deal.pipeline_id, 4);
    EXPECT_EQ(deal.stage_change_time, kNow);
    ASSERT_EQ(outcome->events.size(), 1u);
    EXPECT_EQ(outcome->events[0].kind, DealEventKind::kStageMoved);
    EXPECT_EQ(outcome->events[0].from_stage_id, 1);
    EXPECT_EQ(outcome->events[0].to_stage_id, 12);
    EXPECT_EQ(outcome->events[0].from_pipeline_id, 1);
    EXPECT_EQ(outcome->events[0].to_pipeline_id, 4);
}

TEST(DealRules, WonSetsWonAndCloseTimes) {
    Deal deal = OpenDeal();
    ResolvedDealChange change;
    change.status = DealStatus::kWon;
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(deal.status, DealStatus::kWon);
    EXPECT_EQ(deal.won_time, kNow);
    EXPECT_EQ(deal.close_time, kNow);
    EXPECT_FALSE(deal.lost_time.has_value());
    ASSERT_EQ(outcome->events.size(), 1u);
    EXPECT_EQ(outcome->events[0].kind, DealEventKind::kWon);
}

TEST(DealRules, LostKeepsReasonAndReopenClearsEverything) {
    Deal deal = OpenDeal();
    ResolvedDealChange lose;
    lose.status = DealStatus::kLost;
    lose.lost_reason = "Giá quá cao";
    auto lost = ApplyDealChange(deal, lose, 9, kNow);
    ASSERT_TRUE(lost.ok());
    EXPECT_EQ(deal.lost_reason, "Giá quá cao");
    EXPECT_EQ(deal.lost_time, kNow);
    EXPECT_EQ(deal.close_time, kNow);
    EXPECT_EQ(lost->events.at(0).lost_reason, "Giá quá cao");

    ResolvedDealChange reopen;
    reopen.status = DealStatus::kOpen;
    auto reopened = ApplyDealChange(deal, reopen, 9, kNow + std::chrono::seconds(10));
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(deal.status, DealStatus::kOpen);
    EXPECT_FALSE(deal.lost_time.has_value());
    EXPECT_FALSE(deal.won_time.has_value());
    EXPECT_FALSE(deal.close_time.has_value());
    EXPECT_TRUE(deal.lost_reason.empty());
    EXPECT_EQ(reopened->events.at(0).kind, DealEventKind::kReopened);
}

TEST(DealRules, LostReasonWithoutLostStatusIsRejected) {
    Deal deal = OpenDeal();
    ResolvedDealChange change;
    change.lost_reason = "No budget";
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.status().field(), "lost_reason");
}

TEST(DealRules, ValueAndOwnerChangesAreRecorded) {
    Deal deal = OpenDeal();
    ResolvedDealChange change;
    change.value = Money{750000, "USD"};
    change.owner_id = 4;
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_TRUE(outcome.ok());
    ASSERT_EQ(outcome->events.size(), 2u);
    EXPECT_EQ(outcome->events[0].kind, DealEventKind::kValueChanged);
    EXPECT_EQ(outcome->events[0].from_value, 500000);
    EXPECT_EQ(outcome->events[0].to_value, 750000);
    EXPECT_EQ(outcome->events[1].kind, DealEventKind::kOwnerChanged);
    EXPECT_EQ(outcome->events[1].from_owner_id, 3);
    EXPECT_EQ(outcome->events[1].to_owner_id, 4);
}

TEST(DealRules, NoChangeWritesNothing) {
    Deal deal = OpenDeal();
    ResolvedDealChange change;
    change.title = deal.title;
    change.stage = MakeStage(1, 1);
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_TRUE(outcome.ok());
    EXPECT_FALSE(outcome->changed);
    EXPECT_TRUE(outcome->events.empty());
    EXPECT_EQ(deal.update_time, FromUnixSeconds(1000));
}

TEST(DealRules, DeletedDealCannotChange) {
    Deal deal = OpenDeal();
    auto deleted = MarkDealDeleted(deal, 9, kNow);
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(deleted->kind, DealEventKind::kDeleted);
    ResolvedDealChange change;
    change.title = "New";
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.status().code(), ErrorCode::kNotFound);
    EXPECT_FALSE(MarkDealDeleted(deal, 9, kNow).ok());
}

TEST(DealRules, StatusDeletedThroughPatchIsRefused) {
    Deal deal = OpenDeal();
    ResolvedDealChange change;
    change.status = DealStatus::kDeleted;
    auto outcome = ApplyDealChange(deal, change, 9, kNow);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.status().field(), "status");
}

TEST(WorkspaceSetup, NormalizesEmails) {
    EXPECT_EQ(NormalizeEmail("  Anh.Nguyen@Example.COM ").value(), "anh.nguyen@example.com");
    for (const char* bad : {"", "no-at-sign", "@example.com", "a@", "a@b@c", "a b@c.d"}) {
        auto result = NormalizeEmail(bad);
        EXPECT_FALSE(result.ok()) << bad;
    }
}

}  // namespace
}  // namespace pipecrm::domain

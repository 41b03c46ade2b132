#include "domain/automation_rule.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

ChangeEvent DealChange(const std::string& was, const std::string& now) {
    ChangeEvent event;
    event.object = "deal";
    event.action = ChangeAction::kChange;
    if (was != now) {
        event.status_change = StatusChange{was, now};
    }
    return event;
}

TEST(AutomationRule, ChangesFireTheirTriggers) {
    ChangeEvent created;
    created.object = "deal";
    ASSERT_EQ(TriggersOf(created).size(), 1u);
    EXPECT_EQ(TriggersOf(created)[0].trigger, RuleTrigger::kDealCreated);

    ChangeEvent moved = DealChange("open", "won");
    moved.stage_change = StageMove{1, 2, 1, 1, 60, 7};
    const auto hits = TriggersOf(moved);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].trigger, RuleTrigger::kDealStageChanged);
    EXPECT_EQ(hits[0].from_stage_id, OptionalId(1));
    EXPECT_EQ(hits[0].to_stage_id, OptionalId(2));
    EXPECT_EQ(hits[1].trigger, RuleTrigger::kDealWon);

    EXPECT_EQ(TriggersOf(DealChange("open", "lost"))[0].trigger, RuleTrigger::kDealLost);
    EXPECT_TRUE(TriggersOf(DealChange("won", "won")).empty());

    ChangeEvent person;
    person.object = "person";
    EXPECT_EQ(TriggersOf(person)[0].trigger, RuleTrigger::kPersonCreated);
    person.action = ChangeAction::kChange;
    EXPECT_TRUE(TriggersOf(person).empty());
}

TEST(AutomationRule, ConditionsCompareNumbersAsNumbersAndTextAsText) {
    const Snapshot deal = {{"value", DecimalText{"1500.50"}},
                           {"title", std::string("Nhà máy Bình Dương")},
                           {"org_id", SnapshotValue()},
                           {"owner_id", std::int64_t{3}}};
    EXPECT_TRUE(ConditionsHold(deal, {{"value", ">=", "1000"}}));
    EXPECT_FALSE(ConditionsHold(deal, {{"value", "<", "900"}}));
    EXPECT_TRUE(ConditionsHold(deal, {{"value", ">", "200"}}));  // not "1500.50" < "200" as text
    EXPECT_TRUE(ConditionsHold(deal, {{"title", "contains", "Bình"}}));
    EXPECT_TRUE(ConditionsHold(deal, {{"org_id", "is_empty", ""}}));
    EXPECT_FALSE(ConditionsHold(deal, {{"owner_id", "!=", "3"}}));
    EXPECT_TRUE(ConditionsHold(deal, {{"owner_id", "=", "3"}, {"value", ">", "1"}}));
    EXPECT_FALSE(ConditionsHold(deal, {{"owner_id", "=", "3"}, {"missing", "is_not_empty", ""}}));
}

TEST(AutomationRule, ValidationNamesTheField) {
    AutomationRule rule;
    rule.name = "r";
    rule.actions = {RuleAction{}};
    EXPECT_EQ(ValidateRule(rule).field(), "actions[0].subject");
    rule.actions[0].subject = "Call";
    EXPECT_TRUE(ValidateRule(rule).ok());
    rule.from_stage_id = 1;
    EXPECT_EQ(ValidateRule(rule).field(), "trigger.from_stage_id");
    rule.from_stage_id.reset();
    rule.conditions = {{"value", "~", "1"}};
    EXPECT_EQ(ValidateRule(rule).field(), "conditions[0].op");
    rule.conditions.clear();
    rule.trigger = RuleTrigger::kActivityOverdue;
    RuleAction set_title;
    set_title.type = RuleActionType::kSetField;
    set_title.field = "title";
    rule.actions.push_back(set_title);
    EXPECT_EQ(ValidateRule(rule).field(), "actions[1].type");
}

}  // namespace
}  // namespace pipecrm::domain

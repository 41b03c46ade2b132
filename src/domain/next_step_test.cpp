#include "domain/next_step.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

const Date kToday = FromDayNumber(20'000);

Deal OpenDeal() {
    Deal deal;
    deal.id = 1;
    deal.stage_id = 3;
    deal.update_time = Instant(kToday) - std::chrono::days(1);
    return deal;
}

Activity Open(const std::string& subject, std::optional<Date> due) {
    Activity a;
    a.subject = subject;
    a.due_date = due;
    a.update_time = Instant(kToday);
    return a;
}

TEST(NextStep, DefaultPlaybooksCoverTheFiveStagesInBothLanguages) {
    EXPECT_EQ(DefaultPlaybook(1, 1, Language::kEnglish).activity_type, "call");
    EXPECT_EQ(DefaultPlaybook(1, 3, Language::kEnglish).activity_type, "meeting");
    EXPECT_EQ(DefaultPlaybook(1, 5, Language::kVietnamese).subject,
              "Xác nhận quyết định và gửi hợp đồng");
    EXPECT_EQ(DefaultPlaybook(1, 9, Language::kEnglish).subject,
              DefaultPlaybook(1, 5, Language::kEnglish).subject);
}

TEST(NextStep, NothingPlannedGetsThePlaybookStep) {
    const Playbook playbook = DefaultPlaybook(3, 3, Language::kEnglish);
    const auto s = SuggestNextSteps(OpenDeal(), playbook, {}, kToday, Language::kEnglish);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].kind, SuggestionKind::kNoNextActivity);
    EXPECT_EQ(s[0].subject, playbook.subject);
    EXPECT_EQ(s[0].due_date, kToday + std::chrono::days(playbook.due_in_days));

    // A past-due open activity is not a plan; a future one is, and then only the playbook
    // step is suggested (once, not when it is already open).
    auto late = SuggestNextSteps(OpenDeal(), playbook, {Open("x", kToday - std::chrono::days(2))},
                                 kToday, Language::kEnglish);
    EXPECT_EQ(late[0].kind, SuggestionKind::kNoNextActivity);
    auto planned =
        SuggestNextSteps(OpenDeal(), playbook, {Open("x", kToday)}, kToday, Language::kEnglish);
    ASSERT_EQ(planned.size(), 1u);
    EXPECT_EQ(planned[0].kind, SuggestionKind::kPlaybook);
    EXPECT_TRUE(SuggestNextSteps(OpenDeal(), playbook, {Open(playbook.subject, kToday)}, kToday,
                                 Language::kEnglish)
                    .empty());
}

TEST(NextStep, StaleDealsAndPassedCloseDatesComeFirst) {
    Deal deal = OpenDeal();
    deal.update_time = Instant(kToday) - std::chrono::days(10);
    deal.expected_close_date = kToday - std::chrono::days(1);
    const auto s = SuggestNextSteps(deal, DefaultPlaybook(3, 3, Language::kVietnamese), {}, kToday,
                                    Language::kVietnamese);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].kind, SuggestionKind::kCloseDatePassed);
    EXPECT_EQ(s[1].kind, SuggestionKind::kStale);
    EXPECT_EQ(s[1].reason, "Không có hoạt động nào trong 10 ngày");
    EXPECT_EQ(s[2].kind, SuggestionKind::kNoNextActivity);

    // An activity done recently is a touch.
    Activity done = Open("called", kToday - std::chrono::days(1));
    done.done = true;
    done.marked_as_done_time = Instant(kToday) - std::chrono::days(1);
    deal.expected_close_date.reset();
    const auto touched = SuggestNextSteps(deal, DefaultPlaybook(3, 3, Language::kEnglish), {done},
                                          kToday, Language::kEnglish);
    ASSERT_EQ(touched.size(), 1u);
    EXPECT_EQ(touched[0].kind, SuggestionKind::kNoNextActivity);

    deal.status = DealStatus::kWon;
    EXPECT_TRUE(SuggestNextSteps(deal, DefaultPlaybook(3, 3, Language::kEnglish), {}, kToday,
                                 Language::kEnglish)
                    .empty());
}

}  // namespace
}  // namespace pipecrm::domain

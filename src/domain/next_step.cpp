#include "domain/next_step.hpp"

#include <algorithm>

namespace pipecrm::domain {
namespace {

struct PlaybookText {
    const char* type;
    const char* en;
    const char* vi;
    int due_in_days;
};

// The five default stages: Prospecting, Nurturing, Segmenting, Relationship & negotiation,
// Closing.
constexpr PlaybookText kDefaults[] = {
    {"call", "Qualify the lead: need, budget, timeline",
     "Gọi điện đánh giá nhu cầu, ngân sách, thời điểm mua", 1},
    {"email", "Send useful material and a case study",
     "Gửi tài liệu hữu ích và câu chuyện khách hàng", 2},
    {"meeting", "Meet to map the decision makers", "Hẹn gặp để xác định người ra quyết định", 3},
    {"meeting", "Present the proposal and negotiate terms",
     "Trình bày đề xuất và thương lượng điều khoản", 2},
    {"call", "Confirm the decision and send the contract", "Xác nhận quyết định và gửi hợp đồng",
     1},
};

const char* Text(Language language, const char* en, const char* vi) {
    return language == Language::kVietnamese ? vi : en;
}

}  // namespace

Playbook DefaultPlaybook(Id stage_id, int order_nr, Language language) {
    const int index = std::clamp(order_nr, 1, 5) - 1;
    const PlaybookText& text = kDefaults[index];
    Playbook playbook;
    playbook.stage_id = stage_id;
    playbook.activity_type = text.type;
    playbook.subject = Text(language, text.en, text.vi);
    playbook.due_in_days = text.due_in_days;
    return playbook;
}

std::string_view SuggestionKindName(SuggestionKind kind) {
    switch (kind) {
        case SuggestionKind::kCloseDatePassed:
            return "close_date_passed";
        case SuggestionKind::kStale:
            return "stale";
        case SuggestionKind::kNoNextActivity:
            return "no_next_activity";
        case SuggestionKind::kPlaybook:
            return "playbook";
    }
    return "playbook";
}

std::vector<Suggestion> SuggestNextSteps(const Deal& deal,
                                         const Playbook& playbook,
                                         const std::vector<Activity>& activities,
                                         Date today,
                                         Language language) {
    std::vector<Suggestion> out;
    if (deal.status != DealStatus::kOpen) {
        return out;
    }
    bool planned = false;
    bool playbook_open = false;
    Instant last_touch = deal.update_time;
    for (const Activity& a : activities) {
        if (a.is_deleted) {
            continue;
        }
        if (a.done) {
            last_touch = std::max(last_touch, a.marked_as_done_time.value_or(a.update_time));
            continue;
        }
        planned = planned || !a.due_date || *a.due_date >= today;
        playbook_open = playbook_open || a.subject == playbook.subject;
    }
    if (deal.expected_close_date && *deal.expected_close_date < today) {
        out.push_back(
            {SuggestionKind::kCloseDatePassed, "call",
             Text(language, "Confirm the close date or close the deal",
                  "Xác nhận lại ngày chốt hoặc đóng thương vụ"),
             today,
             Text(language, "The expected close date has passed", "Đã quá ngày dự kiến chốt")});
    }
    const auto quiet = std::chrono::floor<std::chrono::days>(last_touch);
    if (today - quiet >= std::chrono::days(kStaleDays)) {
        const auto days = (today - quiet).count();
        out.push_back({SuggestionKind::kStale, "call",
                       Text(language, "Check in with the customer", "Liên hệ lại với khách hàng"),
                       today,
                       language == Language::kVietnamese
                           ? "Không có hoạt động nào trong " + std::to_string(days) + " ngày"
                           : "Nothing done for " + std::to_string(days) + " days"});
    }
    if (!planned) {
        out.push_back({SuggestionKind::kNoNextActivity, playbook.activity_type, playbook.subject,
                       today + std::chrono::days(playbook.due_in_days),
                       Text(language, "No activity is planned: the stage's next step",
                            "Chưa có hoạt động nào được lên lịch: bước tiếp theo của giai đoạn")});
    } else if (!playbook_open) {
        out.push_back({SuggestionKind::kPlaybook, playbook.activity_type, playbook.subject,
                       today + std::chrono::days(playbook.due_in_days),
                       Text(language, "The stage's next step", "Bước tiếp theo của giai đoạn")});
    }
    return out;
}

}  // namespace pipecrm::domain

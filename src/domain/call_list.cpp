#include "domain/call_list.hpp"

namespace pipecrm::domain {
namespace {

bool IsWorkingDay(Date day) {
    const unsigned weekday = std::chrono::weekday(day).c_encoding();  // 0 Sunday .. 6 Saturday
    return weekday != 0 && weekday != 6;
}

}  // namespace

std::string_view CallStrategyName(CallStrategy strategy) {
    return strategy == CallStrategy::kLeastOpen ? "least_open" : "round_robin";
}

std::optional<CallStrategy> ParseCallStrategy(std::string_view text) {
    if (text == "round_robin") {
        return CallStrategy::kRoundRobin;
    }
    if (text == "least_open") {
        return CallStrategy::kLeastOpen;
    }
    return std::nullopt;
}

Date NthWorkingDay(Date start, int index) {
    Date day = start;
    while (!IsWorkingDay(day)) {
        day += std::chrono::days(1);
    }
    for (int i = 0; i < index;) {
        day += std::chrono::days(1);
        if (IsWorkingDay(day)) {
            ++i;
        }
    }
    return day;
}

std::vector<CallAssignment> PlanCalls(std::size_t record_count,
                                      const std::vector<RepLoad>& reps,
                                      CallStrategy strategy,
                                      Date start,
                                      int per_day) {
    std::vector<CallAssignment> plan;
    std::vector<int> planned(reps.size(), 0);
    for (std::size_t record = 0; record < record_count; ++record) {
        std::size_t rep = record % reps.size();
        if (strategy == CallStrategy::kLeastOpen) {
            rep = 0;
            for (std::size_t r = 1; r < reps.size(); ++r) {
                if (reps[r].open_activities + planned[r] <
                    reps[rep].open_activities + planned[rep]) {
                    rep = r;
                }
            }
        }
        const int k = planned[rep]++;
        plan.push_back({record, reps[rep].user_id, NthWorkingDay(start, k / per_day), k + 1});
    }
    return plan;
}

}  // namespace pipecrm::domain

#include "domain/project_workload.hpp"

#include <map>

namespace pipecrm::domain {

Date WeekStart(Date day) {
    const std::chrono::weekday weekday{day};
    // iso_encoding: Monday 1 .. Sunday 7.
    return day - std::chrono::days{weekday.iso_encoding() - 1};
}

std::vector<Allocation> AllocationsOf(const std::vector<Project>& projects) {
    std::vector<Allocation> out;
    for (const Project& project : projects) {
        if (project.finished) {
            continue;
        }
        for (const ProjectMember& member : project.members) {
            out.push_back({member.user_id, project.deal.id, member.hours_per_week,
                           project.details.start_date, project.details.due_date});
        }
    }
    return out;
}

std::vector<PersonWorkload> ComputeWorkload(const std::vector<Allocation>& allocations,
                                            Date first_week,
                                            int weeks,
                                            int capacity) {
    std::map<Id, PersonWorkload> by_user;
    const auto count = static_cast<std::size_t>(weeks > 0 ? weeks : 0);
    for (const Allocation& a : allocations) {
        PersonWorkload& person = by_user[a.user_id];
        if (person.hours.empty()) {
            person.user_id = a.user_id;
            person.hours.assign(count, 0);
            person.projects.assign(count, 0);
        }
        for (std::size_t w = 0; w < count; ++w) {
            const Date monday = first_week + std::chrono::days{7 * static_cast<int>(w)};
            const Date sunday = monday + std::chrono::days{6};
            const bool started = !a.start_date || *a.start_date <= sunday;
            const bool not_due = !a.due_date || *a.due_date >= monday;
            if (started && not_due) {
                person.hours[w] += a.hours_per_week;
                person.projects[w] += 1;
            }
        }
    }
    std::vector<PersonWorkload> out;
    for (auto& [user_id, person] : by_user) {
        for (int hours : person.hours) {
            person.over_allocated = person.over_allocated || hours > capacity;
        }
        out.push_back(std::move(person));
    }
    return out;
}

}  // namespace pipecrm::domain

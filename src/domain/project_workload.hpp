// Per-person weekly workload across projects: the hours a week each member gives the projects
// that run in that week, beside a weekly capacity (docs/projects.md).
#pragma once

#include <optional>
#include <vector>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/project.hpp"

namespace pipecrm::domain {

/// The hours a person is allocated to a project that has not finished, between its dates.
struct Allocation {
    Id user_id = 0;
    Id deal_id = 0;
    int hours_per_week = 0;
    std::optional<Date> start_date;  ///< none: from any week
    std::optional<Date> due_date;    ///< none: until any week
};

struct PersonWorkload {
    Id user_id = 0;
    std::vector<int> hours;       ///< one per week
    std::vector<int> projects;    ///< how many projects, one per week
    bool over_allocated = false;  ///< some week above the capacity
};

/// The Monday of the week holding `day`.
Date WeekStart(Date day);

/// The allocations of the members of unfinished projects.
std::vector<Allocation> AllocationsOf(const std::vector<Project>& projects);

/// Sums each person's allocations over `weeks` weeks from the Monday `first_week`: a project
/// counts in a week that overlaps its start..due dates (inclusive). A week's total above
/// `capacity` hours is an over-allocation. One entry per person with an allocation, by user id.
std::vector<PersonWorkload> ComputeWorkload(const std::vector<Allocation>& allocations,
                                            Date first_week,
                                            int weeks,
                                            int capacity);

}  // namespace pipecrm::domain

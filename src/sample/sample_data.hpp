// Realistic sample data for demos and benchmarks: reps, organizations and persons with
// Vietnamese and English names, deals with stage histories over past months, activities done,
// overdue and upcoming, notes and products. Deterministic for a given seed and start time.
#pragma once

#include <cstdint>
#include <functional>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/store.hpp"

namespace pipecrm::sample {

struct SampleOptions {
    Id workspace_id = 0;
    Id admin_user_id = 0;
    int deals = 200;
    int reps = 4;
    std::uint64_t seed = 1;
    Instant now;             ///< histories end here; due dates spread around it
    int history_days = 180;  ///< deals were added within this many days before `now`
    bool vietnamese = false;
    /// Deals written per transaction: larger batches mean fewer commits (and fsyncs).
    int batch = 500;
    /// Called after each batch with (deals written, deals wanted); may be empty.
    std::function<void(int, int)> progress;
};

struct SampleSummary {
    int users = 0;
    int organizations = 0;
    int persons = 0;
    int deals = 0;
    int activities = 0;
    int notes = 0;
    int products = 0;
};

/// Writes the sample data through the domain's use cases, so every deal carries a complete
/// event history. Fails with the first storage error; batches already written stay.
Result<SampleSummary> GenerateSampleData(domain::Store& store, const SampleOptions& options);

}  // namespace pipecrm::sample

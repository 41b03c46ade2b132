#include "reports/stage_time_refresh.hpp"

#include <algorithm>
#include <map>

#include "reports/stage_time.hpp"
#include "reports/stage_time_facts.hpp"

namespace pipecrm::reports {
namespace {

constexpr const char* kStageTime = "stage-time";

using domain::StageTimeKind;

// Folds the histories into stored visit facts and the changes.
Status AddHistories(domain::StageTimeFactStore& store,
                    Id workspace_id,
                    const std::string& zone,
                    const std::vector<DealHistory>& histories,
                    const ReportContext& context,
                    domain::StageTimeChanges& changes,
                    const FoldProgress& progress = {}) {
    return FoldInRounds<domain::DealVisitFacts>(
        histories,
        [&](const DealHistory& history, std::vector<domain::DealVisitFacts>& batch) {
            batch.push_back(FoldVisitFacts(history, context));
            AddVisitFacts(changes, batch.back(), 1);
        },
        [&](const std::vector<domain::DealVisitFacts>& batch) {
            return store.AddVisitFacts(workspace_id, zone, batch);
        },
        progress);
}

Status Rebuild(domain::Repositories& repos,
               Id workspace_id,
               const ReportRequest& fold,
               domain::StageTimeChanges& changes,
               const FoldProgress& progress) {
    return WithFoldContext(repos, workspace_id, fold, true, [&](ReportContext& context) -> Status {
        domain::StageTimeFactStore& store = repos.StageTimeFacts();
        PIPECRM_RETURN_IF_ERROR(store.ClearStageTime(workspace_id, fold.time_zone));
        return AddHistories(store, workspace_id, fold.time_zone, context.histories(), context,
                            changes, progress);
    });
}

// Refolds the deals changed since `watermark`: their old visits out, their new ones in.
Status FoldChanges(domain::Repositories& repos,
                   Id workspace_id,
                   const ReportRequest& fold,
                   const domain::ReportWatermark& watermark,
                   domain::StageTimeChanges& changes) {
    domain::StageTimeFactStore& store = repos.StageTimeFacts();
    const std::string& zone = fold.time_zone;
    return FoldChangedDeals(
        repos, workspace_id, fold, watermark,
        [&](ReportContext& context, const std::vector<Id>& ids,
            const std::vector<DealHistory>& histories) -> Status {
            auto old = store.VisitFactsOf(workspace_id, zone, ids);
            if (!old.ok()) {
                return old.status();
            }
            for (const domain::DealVisitFacts& f : *old) {
                AddVisitFacts(changes, f, -1);
            }
            PIPECRM_RETURN_IF_ERROR(store.DeleteVisitFacts(workspace_id, zone, ids));
            return AddHistories(store, workspace_id, zone, histories, context, changes);
        });
}

// The figures of one stage's visits of one kind from its histogram: count and total from the
// buckets, the median and p90 selected among the values of the buckets that hold their ranks.
// Open visits are kept by entry time: a duration is now - entry (never below 0), so the k-th
// shortest is the (n - k + 1)-th latest entry, and entries after now add nothing to the total.
Result<StageTimeStats> StatsOf(domain::StageTimeFactStore& store,
                               const domain::StageTimeScope& scope,
                               StageTimeKind kind,
                               Id stage_id,
                               const domain::StageTimeHistogram& histogram,
                               std::int64_t now,
                               std::int64_t today) {
    StageTimeStats stats;
    std::int64_t sum = 0;
    for (const auto& [bucket, b] : histogram) {
        stats.count += b.count;
        sum += b.sum;
    }
    if (stats.count <= 0) {
        return StageTimeStats{};
    }
    const bool open = kind == StageTimeKind::kOpen;
    std::map<std::int64_t, std::vector<std::int64_t>> read;  // values by bucket, read once
    const auto values = [&](std::int64_t bucket) -> Result<std::vector<std::int64_t>*> {
        auto found = read.find(bucket);
        if (found == read.end()) {
            auto loaded = store.StageTimeValues(scope, kind, stage_id, bucket);
            if (!loaded.ok()) {
                return loaded.status();
            }
            const auto expected = histogram.find(bucket);
            if (expected == histogram.end() ||
                static_cast<std::int64_t>(loaded->size()) != expected->second.count) {
                return Internal("stage-time lists disagree with their histograms");
            }
            found = read.emplace(bucket, std::move(*loaded)).first;
        }
        return &found->second;
    };
    const auto n = static_cast<std::size_t>(stats.count);
    for (const int percent : {50, 90}) {
        const std::size_t rank = PercentileRank(n, percent);
        const RankedBucket at = FindRank(histogram, open ? n - rank + 1 : rank);
        auto list = values(at.bucket);
        if (!list.ok()) {
            return list.status();
        }
        std::vector<std::int64_t>& v = **list;
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at.offset), v.end());
        const std::int64_t value = v[at.offset];
        (percent == 50 ? stats.median : stats.p90) =
            open ? std::max<std::int64_t>(0, now - value) : value;
    }
    stats.total = sum;
    if (open) {
        stats.total = stats.count * now - sum;
        // Entries from yesterday on (in the zone) may lie after now: those count 0, not less.
        for (auto it = histogram.lower_bound(today - 1); it != histogram.end(); ++it) {
            auto list = values(it->first);
            if (!list.ok()) {
                return list.status();
            }
            for (const std::int64_t entered : **list) {
                stats.total += std::max<std::int64_t>(0, entered - now);
            }
        }
    }
    return stats;
}

}  // namespace

Status RefreshStageTimeFacts(domain::Repositories& repos,
                             Id workspace_id,
                             const ReportRequest& fold,
                             const FactsState& state,
                             Instant now,
                             bool all,
                             const FoldProgress& progress) {
    domain::StageTimeChanges changes;
    PIPECRM_RETURN_IF_ERROR(
        all ? Rebuild(repos, workspace_id, fold, changes, progress)
            : FoldChanges(repos, workspace_id, fold, *state.watermark, changes));
    Simplify(changes);
    PIPECRM_RETURN_IF_ERROR(
        repos.StageTimeFacts().ApplyStageTimeChanges(workspace_id, fold.time_zone, changes));
    return SaveWatermark(repos, workspace_id, fold.time_zone, kStageTime, state, now);
}

Result<ReportTable> StageTimeFromFacts(domain::Repositories& repos,
                                       Id workspace_id,
                                       ReportContext& context,
                                       const ReportRequest& request) {
    const auto& stages = context.stages();
    std::vector<StageTimeStats> left(stages.size());
    std::vector<StageTimeStats> open(stages.size());
    if (context.pipeline() != nullptr) {
        const domain::StageTimeScope scope = OnePipelineScope(workspace_id, request, context);
        domain::StageTimeFactStore& store = repos.StageTimeFacts();
        const std::int64_t now = ToUnixSeconds(request.now);
        const std::int64_t today = ToDayNumber(context.LocalDay(request.now));
        for (const StageTimeKind kind : {StageTimeKind::kLeft, StageTimeKind::kOpen}) {
            auto rows = store.StageTimeHistograms(scope, kind);
            if (!rows.ok()) {
                return rows.status();
            }
            std::vector<domain::StageTimeHistogram> by_stage(stages.size());
            for (const domain::StageTimeHistRow& row : *rows) {
                if (const auto index = context.StageIndex(row.stage_id)) {
                    for (const auto& [bucket, b] : row.histogram) {
                        by_stage[*index][bucket].count += b.count;
                        by_stage[*index][bucket].sum += b.sum;
                    }
                }
            }
            auto& figures = kind == StageTimeKind::kLeft ? left : open;
            for (std::size_t i = 0; i < stages.size(); ++i) {
                auto stats = StatsOf(store, scope, kind, stages[i]->id, by_stage[i], now, today);
                if (!stats.ok()) {
                    return stats.status();
                }
                figures[i] = *stats;
            }
        }
    }
    return StageTimeTable(context, left, open);
}

}  // namespace pipecrm::reports

// Keeping the reports' derived data current (docs/reports.md, "Performance"). A report served
// from derived data (the funnel, the leaderboard) first folds in what changed since its watermark,
// in a write job of its own, then reads the sums on the caller's snapshot; the deal write path does
// no report work. Full rebuilds happen without a watermark, when the other inputs change (base
// currency, exchange rates, stages) and on `pipecrm report rebuild`.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/report_facts.hpp"
#include "domain/store.hpp"
#include "reports/report_context.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// True for the reports served from derived data: funnel, leaderboard, stage-time and forecast.
bool UsesReportFacts(std::string_view report);

/// A fingerprint of what derived data depends on besides the deals and their events: the base
/// currency, every exchange rate, the stages and their order. Data folded with another one is
/// rebuilt.
std::string ReportFactInputs(const ReportData& data, const std::string& base_currency);

/// How far before a watermark's update times changed rows are looked for again: a write that
/// read the clock before another one committed is still caught.
inline constexpr std::chrono::seconds kFactUpdateSlack{60};
/// Deals or activities folded per round.
inline constexpr std::size_t kFactChunk = 5000;

/// Told after each round of a rebuild: how many deals (and activities) are folded of how many.
using FoldProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Where one report's derived data in one time zone stands against the job's snapshot.
struct FactsState {
    bool current = false;           ///< folded up to this snapshot, with the same inputs
    std::string inputs;             ///< ReportFactInputs of this snapshot
    domain::ReportWatermark marks;  ///< ChangeMarks of this snapshot
    std::optional<domain::ReportWatermark> watermark;

    /// No watermark, or one folded with other inputs.
    bool NeedsRebuild() const { return !watermark || watermark->inputs != inputs; }
};
Result<FactsState> FactsStateOf(domain::Repositories& repos,
                                Id workspace_id,
                                const std::string& time_zone,
                                std::string_view report,
                                const ReportData& data,
                                const std::string& base_currency);

/// What a fold reads with LoadReportData: stages and rates, and the deals and their events
/// when `deals`.
ReportNeeds FactFoldNeeds(bool deals);

/// Loads what a fold reads (FactFoldNeeds(deals)) and runs `fold` on a context built from it
/// for `request`; the context lives as long as the call.
Status WithFoldContext(domain::Repositories& repos,
                       Id workspace_id,
                       const ReportRequest& request,
                       bool deals,
                       const std::function<Status(ReportContext&)>& fold);

/// The ids of round `begin` (a multiple of kFactChunk) of `ids`: at most kFactChunk of them.
std::vector<Id> FactChunk(const std::vector<Id>& ids, std::size_t begin);

/// What a report reads from derived data: the workspace, the request's time zone and period, the
/// owners of --owner/--team, and the pipeline: the chosen one (the context must have one) for
/// the one-pipeline reports, --pipeline (or every one) for the others.
domain::FunnelScope OnePipelineScope(Id workspace_id,
                                     const ReportRequest& request,
                                     const ReportContext& context);
domain::LeaderboardScope AllPipelinesScope(Id workspace_id,
                                           const ReportRequest& request,
                                           const ReportContext& context);

/// Stores the watermark of a report's derived data folded up to `state`'s snapshot.
Status SaveWatermark(domain::Repositories& repos,
                     Id workspace_id,
                     const std::string& time_zone,
                     std::string_view report,
                     const FactsState& state,
                     Instant now);

/// Folds each of `items` with `fold(item, batch)`, which appends its facts to the batch, and
/// hands the batch to `store(batch)` every kFactChunk items and after the last one, then tells
/// `progress` how many items are folded of how many. The rounds of every report's facts.
template <typename Fact, typename Item, typename Fold, typename Store>
Status FoldInRounds(const std::vector<Item>& items,
                    Fold fold,
                    Store store,
                    const FoldProgress& progress = {}) {
    std::vector<Fact> batch;
    for (std::size_t i = 0; i < items.size(); ++i) {
        fold(items[i], batch);
        if ((i + 1) % kFactChunk == 0 || i + 1 == items.size()) {
            PIPECRM_RETURN_IF_ERROR(store(batch));
            batch.clear();
            if (progress) {
                progress(i + 1, items.size());
            }
        }
    }
    return Status::Ok();
}

/// One round of a report's fold: takes the old facts of the deals `ids` out of its derived data
/// and adds the new ones of `histories` (the live deals among them, with their events).
using ChunkFold = std::function<Status(
    ReportContext& context, const std::vector<Id>& ids, const std::vector<DealHistory>& histories)>;
/// Folds the deals changed since `watermark` (an event after its id, or updated since
/// kFactUpdateSlack before its time), kFactChunk per round, with a context built for `request`
/// from what FactFoldNeeds(false) reads. Shared by the reports whose facts are per deal.
Status FoldChangedDeals(domain::Repositories& repos,
                        Id workspace_id,
                        const ReportRequest& request,
                        const domain::ReportWatermark& watermark,
                        const ChunkFold& fold);

/// Brings one report's derived data (funnel, leaderboard or forecast) in `time_zone` up to the
/// job's snapshot: all again without a watermark, with other inputs or with `rebuild`; else only
/// the deals with an event after the watermark's or updated since kFactUpdateSlack before its time
/// (and, for the leaderboard, the activities updated since). Runs in a write job, as the
/// system (every deal).
Status RefreshReportFacts(domain::Repositories& repos,
                          Id workspace_id,
                          const std::string& time_zone,
                          std::string_view report,
                          Instant now,
                          bool rebuild = false,
                          const FoldProgress& progress = {});
/// The funnel's part of RefreshReportFacts; `fold` names the time zone and base currency. With
/// `all` (asked for, or the state needs a rebuild) everything is folded again, else the deals
/// changed since the watermark; the other reports' parts take the same arguments.
Status RefreshFunnelFacts(domain::Repositories& repos,
                          Id workspace_id,
                          const ReportRequest& fold,
                          const FactsState& state,
                          Instant now,
                          bool all,
                          const FoldProgress& progress);

/// Called before running `report` (outside any job): when it is served from derived data that
/// is not current, folds the changes in a write job as the system.
Status PrepareReport(domain::Store& store,
                     Id workspace_id,
                     const std::string& time_zone,
                     std::string_view report,
                     Instant now);

/// Told as a rebuild goes: the report and zone, and how many deals (and activities) are folded
/// of how many (0 of 0 as each report and zone begins).
using RebuildProgress = std::function<void(
    const std::string& report, const std::string& zone, std::size_t done, std::size_t total)>;

/// `pipecrm report rebuild`: rebuilds the derived data of each report in every time zone it
/// is kept in, and in `time_zone`, each in one write job.
Status RebuildReportFacts(domain::Store& store,
                          Id workspace_id,
                          const std::string& time_zone,
                          Instant now,
                          const RebuildProgress& progress);

/// A report served from derived data (UsesReportFacts) when that data in the request's time
/// zone is current for this snapshot (same watermark and inputs); nullopt when it is not (the
/// caller replays the deals instead). `data` needs what FactFoldNeeds(false) reads, and the
/// forecast snapshots for the forecast.
Result<std::optional<ReportTable>> ReportFromFacts(domain::Repositories& repos,
                                                   Id workspace_id,
                                                   std::string_view report,
                                                   const ReportData& data,
                                                   const ReportRequest& request);

}  // namespace pipecrm::reports

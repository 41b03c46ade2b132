#include "reports/report_facts.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>

#include "domain/viewer.hpp"
#include "reports/deal_history.hpp"
#include "reports/forecast_facts.hpp"
#include "reports/forecast_refresh.hpp"
#include "reports/funnel.hpp"
#include "reports/funnel_facts.hpp"
#include "reports/leaderboard_refresh.hpp"
#include "reports/report_context.hpp"
#include "reports/stage_time_refresh.hpp"

namespace pipecrm::reports {
namespace {

constexpr const char* kFunnel = "funnel";
constexpr const char* kLeaderboard = "leaderboard";
constexpr const char* kStageTime = "stage-time";
constexpr const char* kForecast = "forecast";

// 64-bit FNV-1a, as hex: a short, stable fingerprint.
std::string Fingerprint(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    static const char* const kHex = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
        hash >>= 4;
    }
    return out;
}

Result<std::string> BaseCurrency(domain::Repositories& repos, Id workspace_id) {
    auto workspace = repos.Workspaces().Get(workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    return workspace->default_currency;
}

// Where a report's derived data in one zone stands against the job's snapshot, with the base
// currency it is folded in.
struct ZoneState {
    FactsState facts;
    std::string base_currency;
};

Result<ZoneState> StateIn(domain::Repositories& repos,
                          Id workspace_id,
                          const std::string& time_zone,
                          std::string_view report) {
    auto base = BaseCurrency(repos, workspace_id);
    if (!base.ok()) {
        return base.status();
    }
    auto small = LoadReportData(repos, workspace_id, FactFoldNeeds(false));
    if (!small.ok()) {
        return small.status();
    }
    auto state = FactsStateOf(repos, workspace_id, time_zone, report, *small, *base);
    if (!state.ok()) {
        return state.status();
    }
    return ZoneState{std::move(*state), std::move(*base)};
}

// Folds `histories` into stored facts and the sum changes `sums`.
Status FoldInto(domain::ReportFactStore& facts,
                Id workspace_id,
                const std::string& time_zone,
                const std::vector<DealHistory>& histories,
                const PipelineStages& pipelines,
                ReportContext& context,
                FunnelSumMap& sums,
                const FoldProgress& progress = {}) {
    return FoldInRounds<domain::FunnelFact>(
        histories,
        [&](const DealHistory& history, std::vector<domain::FunnelFact>& batch) {
            std::vector<domain::FunnelFact> one = FoldFunnelFacts(history, pipelines, context);
            batch.insert(batch.end(), one.begin(), one.end());
        },
        [&](const std::vector<domain::FunnelFact>& batch) {
            AddFunnelFacts(sums, batch, 1);
            return facts.AddFunnelFacts(workspace_id, time_zone, batch);
        },
        progress);
}

Status RebuildFunnel(domain::Repositories& repos,
                     Id workspace_id,
                     const ReportRequest& request,
                     const std::string& inputs,
                     const domain::ReportWatermark& marks,
                     Instant now,
                     const FoldProgress& progress) {
    domain::ReportFactStore& facts = repos.ReportFacts();
    FunnelSumMap sums;
    PIPECRM_RETURN_IF_ERROR(
        WithFoldContext(repos, workspace_id, request, true, [&](ReportContext& context) -> Status {
            PIPECRM_RETURN_IF_ERROR(facts.ClearFunnel(workspace_id, request.time_zone));
            return FoldInto(facts, workspace_id, request.time_zone, context.histories(),
                            StagesByPipeline(context.data().stages), context, sums, progress);
        }));
    PIPECRM_RETURN_IF_ERROR(
        facts.AddToFunnelSums(workspace_id, request.time_zone, FunnelSumDeltas(sums)));
    domain::ReportWatermark watermark = marks;
    watermark.inputs = inputs;
    return facts.SetWatermark(workspace_id, request.time_zone, kFunnel, watermark, now);
}

// Refolds the deals changed since `watermark`: their old facts out of the sums, new ones in.
Status FoldFunnelChanges(domain::Repositories& repos,
                         Id workspace_id,
                         const ReportRequest& request,
                         const domain::ReportWatermark& watermark,
                         const domain::ReportWatermark& marks,
                         Instant now) {
    domain::ReportFactStore& facts = repos.ReportFacts();
    const std::string& zone = request.time_zone;
    FunnelSumMap sums;
    std::optional<PipelineStages> pipelines;
    PIPECRM_RETURN_IF_ERROR(FoldChangedDeals(
        repos, workspace_id, request, watermark,
        [&](ReportContext& context, const std::vector<Id>& ids,
            const std::vector<DealHistory>& histories) -> Status {
            if (!pipelines) {
                pipelines = StagesByPipeline(context.data().stages);
            }
            auto old = facts.FunnelFactsOf(workspace_id, zone, ids);
            if (!old.ok()) {
                return old.status();
            }
            AddFunnelFacts(sums, *old, -1);
            PIPECRM_RETURN_IF_ERROR(facts.DeleteFunnelFacts(workspace_id, zone, ids));
            return FoldInto(facts, workspace_id, zone, histories, *pipelines, context, sums);
        }));
    PIPECRM_RETURN_IF_ERROR(facts.AddToFunnelSums(workspace_id, zone, FunnelSumDeltas(sums)));
    domain::ReportWatermark next = marks;
    next.inputs = watermark.inputs;
    return facts.SetWatermark(workspace_id, zone, kFunnel, next, now);
}

}  // namespace

bool UsesReportFacts(std::string_view report) {
    return report == kFunnel || report == kLeaderboard || report == kStageTime ||
           report == kForecast;
}

std::string ReportFactInputs(const ReportData& data, const std::string& base_currency) {
    std::string text = "v1|" + base_currency + "|rates";
    for (const domain::ExchangeRate& r : data.rates) {
        text += "|" + std::to_string(r.id) + ":" + r.currency + ":" +
                std::to_string(ToDayNumber(r.rate_date)) + ":" + r.rate + ":" +
                std::to_string(ToUnixSeconds(r.entered_time));
    }
    text += "|stages";
    for (const domain::Stage& s : data.stages) {
        text += "|" + std::to_string(s.id) + ":" + std::to_string(s.pipeline_id) + ":" +
                std::to_string(s.order_nr) + ":" + (s.is_deleted ? "d" : "l");
    }
    return Fingerprint(text);
}

Result<FactsState> FactsStateOf(domain::Repositories& repos,
                                Id workspace_id,
                                const std::string& time_zone,
                                std::string_view report,
                                const ReportData& data,
                                const std::string& base_currency) {
    FactsState state;
    state.inputs = ReportFactInputs(data, base_currency);
    if (report == kForecast) {
        state.inputs += ForecastInputs(data);
    }
    auto watermark = repos.ReportFacts().Watermark(workspace_id, time_zone, std::string(report));
    auto marks = repos.ReportFacts().ChangeMarks(workspace_id);
    if (!watermark.ok() || !marks.ok()) {
        return !watermark.ok() ? watermark.status() : marks.status();
    }
    state.watermark = *watermark;
    state.marks = *marks;
    // The funnel reads no activities: their changes leave it current.
    state.current = state.watermark && state.watermark->inputs == state.inputs &&
                    state.watermark->last_event_id == marks->last_event_id &&
                    state.watermark->last_update_time == marks->last_update_time &&
                    (report != kLeaderboard || state.watermark->last_activity_update_time ==
                                                   marks->last_activity_update_time);
    return state;
}

ReportNeeds FactFoldNeeds(bool deals) {
    ReportNeeds needs;
    needs.deals = deals;
    needs.events = deals;
    needs.activities = false;
    needs.snapshots = false;
    needs.goals = false;
    return needs;
}

Status WithFoldContext(domain::Repositories& repos,
                       Id workspace_id,
                       const ReportRequest& request,
                       bool deals,
                       const std::function<Status(ReportContext&)>& fold) {
    auto data = LoadReportData(repos, workspace_id, FactFoldNeeds(deals));
    if (!data.ok()) {
        return data.status();
    }
    auto context = ReportContext::Build(*data, request);
    if (!context.ok()) {
        return context.status();
    }
    return fold(*context);
}

std::vector<Id> FactChunk(const std::vector<Id>& ids, std::size_t begin) {
    const std::size_t end = std::min(begin + kFactChunk, ids.size());
    return {ids.begin() + static_cast<std::ptrdiff_t>(begin),
            ids.begin() + static_cast<std::ptrdiff_t>(end)};
}

namespace {

template <typename Scope>
Scope ScopeOf(Id workspace_id, const ReportRequest& request, const ReportContext& context) {
    Scope scope;
    scope.workspace_id = workspace_id;
    scope.time_zone = request.time_zone;
    scope.from = request.from;
    scope.to = request.to;
    if (context.owners()) {
        scope.owners.emplace(context.owners()->begin(), context.owners()->end());
    }
    return scope;
}

}  // namespace

domain::FunnelScope OnePipelineScope(Id workspace_id,
                                     const ReportRequest& request,
                                     const ReportContext& context) {
    auto scope = ScopeOf<domain::FunnelScope>(workspace_id, request, context);
    scope.pipeline_id = context.pipeline()->id;
    return scope;
}

domain::LeaderboardScope AllPipelinesScope(Id workspace_id,
                                           const ReportRequest& request,
                                           const ReportContext& context) {
    auto scope = ScopeOf<domain::LeaderboardScope>(workspace_id, request, context);
    scope.pipeline_id = request.pipeline_id;
    return scope;
}

Status SaveWatermark(domain::Repositories& repos,
                     Id workspace_id,
                     const std::string& time_zone,
                     std::string_view report,
                     const FactsState& state,
                     Instant now) {
    domain::ReportWatermark watermark = state.marks;
    watermark.inputs = state.inputs;
    return repos.ReportFacts().SetWatermark(workspace_id, time_zone, std::string(report), watermark,
                                            now);
}

Status FoldChangedDeals(domain::Repositories& repos,
                        Id workspace_id,
                        const ReportRequest& request,
                        const domain::ReportWatermark& watermark,
                        const ChunkFold& fold) {
    domain::ReportFactStore& facts = repos.ReportFacts();
    auto changed =
        facts.ChangedDeals(workspace_id, watermark.last_event_id,
                           FromUnixSeconds(watermark.last_update_time) - kFactUpdateSlack);
    if (!changed.ok()) {
        return changed.status();
    }
    return WithFoldContext(
        repos, workspace_id, request, false, [&](ReportContext& context) -> Status {
            for (std::size_t begin = 0; begin < changed->size(); begin += kFactChunk) {
                const std::vector<Id> ids = FactChunk(*changed, begin);
                auto deals = facts.LiveDealsAmong(workspace_id, ids);
                auto events = facts.EventsOf(workspace_id, ids);
                if (!deals.ok() || !events.ok()) {
                    return !deals.ok() ? deals.status() : events.status();
                }
                PIPECRM_RETURN_IF_ERROR(fold(context, ids, BuildHistories(*deals, *events)));
            }
            return Status::Ok();
        });
}

Status RefreshFunnelFacts(domain::Repositories& repos,
                          Id workspace_id,
                          const ReportRequest& fold,
                          const FactsState& state,
                          Instant now,
                          bool all,
                          const FoldProgress& progress) {
    if (all) {
        return RebuildFunnel(repos, workspace_id, fold, state.inputs, state.marks, now, progress);
    }
    return FoldFunnelChanges(repos, workspace_id, fold, *state.watermark, state.marks, now);
}

Status RefreshReportFacts(domain::Repositories& repos,
                          Id workspace_id,
                          const std::string& time_zone,
                          std::string_view report,
                          Instant now,
                          bool rebuild,
                          const FoldProgress& progress) {
    auto state = StateIn(repos, workspace_id, time_zone, report);
    if (!state.ok()) {
        return state.status();
    }
    if (state->facts.current && !rebuild) {
        return Status::Ok();
    }
    ReportRequest fold;
    fold.time_zone = time_zone;
    fold.base_currency = state->base_currency;
    const bool all = rebuild || state->facts.NeedsRebuild();
    if (report == kLeaderboard) {
        return RefreshLeaderboardFacts(repos, workspace_id, fold, state->facts, now, all, progress);
    }
    if (report == kStageTime) {
        return RefreshStageTimeFacts(repos, workspace_id, fold, state->facts, now, all, progress);
    }
    if (report == kForecast) {
        return RefreshForecastFacts(repos, workspace_id, fold, state->facts, now, all, progress);
    }
    return RefreshFunnelFacts(repos, workspace_id, fold, state->facts, now, all, progress);
}

Status PrepareReport(domain::Store& store,
                     Id workspace_id,
                     const std::string& time_zone,
                     std::string_view report,
                     Instant now) {
    if (!UsesReportFacts(report)) {
        return Status::Ok();
    }
    domain::ViewerScope system(std::nullopt);
    bool current = false;
    PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
        auto state = StateIn(repos, workspace_id, time_zone, report);
        if (!state.ok()) {
            return state.status();
        }
        current = state->facts.current;
        return Status::Ok();
    }));
    if (current) {
        return Status::Ok();
    }
    return store.WriteAndWait([&](domain::Repositories& repos) {
        return RefreshReportFacts(repos, workspace_id, time_zone, report, now);
    });
}

Status RebuildReportFacts(domain::Store& store,
                          Id workspace_id,
                          const std::string& time_zone,
                          Instant now,
                          const RebuildProgress& progress) {
    domain::ViewerScope system(std::nullopt);
    for (const char* report : {kFunnel, kLeaderboard, kStageTime, kForecast}) {
        std::vector<std::string> zones;
        PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
            auto folded = repos.ReportFacts().FoldedTimeZones(workspace_id, report);
            if (!folded.ok()) {
                return folded.status();
            }
            zones = std::move(*folded);
            return Status::Ok();
        }));
        if (std::find(zones.begin(), zones.end(), time_zone) == zones.end()) {
            zones.push_back(time_zone);
        }
        for (const std::string& zone : zones) {
            const FoldProgress folded = [&](std::size_t done, std::size_t total) {
                progress(report, zone, done, total);
            };
            progress(report, zone, 0, 0);
            PIPECRM_RETURN_IF_ERROR(store.WriteAndWait([&](domain::Repositories& repos) {
                return RefreshReportFacts(repos, workspace_id, zone, report, now, true, folded);
            }));
        }
    }
    return Status::Ok();
}

namespace {

// The context of a report served from derived data, or nothing when the report's derived data
// in the request's time zone is not current for this snapshot (the caller replays).
Result<std::optional<ReportContext>> ContextForFacts(domain::Repositories& repos,
                                                     Id workspace_id,
                                                     std::string_view report,
                                                     const ReportData& data,
                                                     const ReportRequest& request) {
    auto state =
        FactsStateOf(repos, workspace_id, request.time_zone, report, data, request.base_currency);
    if (!state.ok()) {
        return state.status();
    }
    if (!state->current) {
        return std::optional<ReportContext>();
    }
    auto context = ReportContext::Build(data, request);
    if (!context.ok()) {
        return context.status();
    }
    return std::optional<ReportContext>(std::move(*context));
}

Result<ReportTable> FunnelFromFacts(domain::Repositories& repos,
                                    Id workspace_id,
                                    ReportContext& context,
                                    const ReportRequest& request) {
    const auto& stages = context.stages();
    std::vector<domain::FunnelFigures> figures(stages.size());
    if (context.pipeline() != nullptr) {
        const domain::FunnelScope scope = OnePipelineScope(workspace_id, request, context);
        auto sums = repos.ReportFacts().FunnelSums(scope);
        auto unconverted = repos.ReportFacts().UnconvertedFunnelFacts(scope);
        if (!sums.ok() || !unconverted.ok()) {
            return !sums.ok() ? sums.status() : unconverted.status();
        }
        for (const auto& [stage_id, sum] : *sums) {
            if (const auto index = context.StageIndex(stage_id)) {
                figures[*index] = sum;
            }
        }
        for (const domain::FunnelFact& f : *unconverted) {
            if (context.StageIndex(f.stage_id)) {
                context.CountUnconverted(f.deal_id, f.unconverted_currency);
            }
        }
    }
    return FunnelTable(context, figures);
}

}  // namespace

Result<std::optional<ReportTable>> ReportFromFacts(domain::Repositories& repos,
                                                   Id workspace_id,
                                                   std::string_view report,
                                                   const ReportData& data,
                                                   const ReportRequest& request) {
    auto current = ContextForFacts(repos, workspace_id, report, data, request);
    if (!current.ok()) {
        return current.status();
    }
    if (!current->has_value()) {
        return std::optional<ReportTable>();
    }
    ReportContext& context = **current;
    auto table = report == kFunnel      ? FunnelFromFacts(repos, workspace_id, context, request)
                 : report == kStageTime ? StageTimeFromFacts(repos, workspace_id, context, request)
                 : report == kForecast
                     ? ForecastFromFacts(repos, workspace_id, context, request)
                     : LeaderboardFromFacts(repos, workspace_id, context, request);
    if (!table.ok()) {
        return table.status();
    }
    return std::optional<ReportTable>(std::move(*table));
}

}  // namespace pipecrm::reports

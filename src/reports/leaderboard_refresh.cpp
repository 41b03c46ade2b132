#include "reports/leaderboard_refresh.hpp"

#include <algorithm>
#include <functional>

#include "reports/leaderboard.hpp"
#include "reports/leaderboard_facts.hpp"
#include "reports/report_context.hpp"

namespace pipecrm::reports {
namespace {

constexpr const char* kLeaderboard = "leaderboard";

// A FoldProgress that tells `told` how many are folded (nothing without one).
FoldProgress Told(const std::function<void(std::size_t)>& told) {
    if (!told) {
        return {};
    }
    return [told](std::size_t done, std::size_t) { told(done); };
}

// Folds deals into stored facts and the sum changes; `told` counts rounds for a rebuild.
Status AddDeals(domain::ReportFactStore& facts,
                Id workspace_id,
                const std::string& zone,
                const std::vector<domain::Deal>& deals,
                ReportContext& context,
                LeaderboardSumMap& sums,
                const std::function<void(std::size_t)>& told = {}) {
    return FoldInRounds<domain::DealFact>(
        deals,
        [&](const domain::Deal& deal, std::vector<domain::DealFact>& batch) {
            batch.push_back(FoldDealFact(deal, context));
        },
        [&](const std::vector<domain::DealFact>& batch) {
            AddDealFacts(sums, batch, 1);
            return facts.AddDealFacts(workspace_id, zone, batch);
        },
        Told(told));
}

Status AddActivities(domain::ReportFactStore& facts,
                     Id workspace_id,
                     const std::string& zone,
                     const std::vector<std::pair<domain::ActivityFact, Instant>>& done,
                     const ReportContext& context,
                     LeaderboardSumMap& sums,
                     const std::function<void(std::size_t)>& told = {}) {
    return FoldInRounds<domain::ActivityFact>(
        done,
        [&](const std::pair<domain::ActivityFact, Instant>& activity,
            std::vector<domain::ActivityFact>& batch) {
            batch.push_back(FoldActivityFact(activity.first, activity.second, context));
        },
        [&](const std::vector<domain::ActivityFact>& batch) {
            AddActivityFacts(sums, batch, 1);
            return facts.AddActivityFacts(workspace_id, zone, batch);
        },
        Told(told));
}

Status Rebuild(domain::Repositories& repos,
               Id workspace_id,
               const ReportRequest& fold,
               ReportContext& context,
               LeaderboardSumMap& sums,
               const FoldProgress& progress) {
    domain::ReportFactStore& facts = repos.ReportFacts();
    PIPECRM_RETURN_IF_ERROR(facts.ClearLeaderboard(workspace_id, fold.time_zone));
    auto deals = repos.Reports().LiveDeals(workspace_id);
    auto done = facts.DoneActivities(workspace_id);
    if (!deals.ok() || !done.ok()) {
        return !deals.ok() ? deals.status() : done.status();
    }
    const std::size_t total = deals->size() + done->size();
    auto told = [&](std::size_t before) {
        return [&progress, before, total](std::size_t n) {
            if (progress) {
                progress(before + n, total);
            }
        };
    };
    PIPECRM_RETURN_IF_ERROR(
        AddDeals(facts, workspace_id, fold.time_zone, *deals, context, sums, told(0)));
    return AddActivities(facts, workspace_id, fold.time_zone, *done, context, sums,
                         told(deals->size()));
}

Status FoldChanges(domain::Repositories& repos,
                   Id workspace_id,
                   const ReportRequest& fold,
                   const domain::ReportWatermark& watermark,
                   ReportContext& context,
                   LeaderboardSumMap& sums) {
    domain::ReportFactStore& facts = repos.ReportFacts();
    const std::string& zone = fold.time_zone;
    auto deals = facts.ChangedDeals(workspace_id, watermark.last_event_id,
                                    FromUnixSeconds(watermark.last_update_time) - kFactUpdateSlack);
    auto activities = facts.ChangedActivities(
        workspace_id, FromUnixSeconds(watermark.last_activity_update_time) - kFactUpdateSlack);
    if (!deals.ok() || !activities.ok()) {
        return !deals.ok() ? deals.status() : activities.status();
    }
    for (std::size_t begin = 0; begin < deals->size(); begin += kFactChunk) {
        const std::vector<Id> ids = FactChunk(*deals, begin);
        auto old = facts.DealFactsOf(workspace_id, zone, ids);
        auto live = facts.LiveDealsAmong(workspace_id, ids);
        if (!old.ok() || !live.ok()) {
            return !old.ok() ? old.status() : live.status();
        }
        AddDealFacts(sums, *old, -1);
        PIPECRM_RETURN_IF_ERROR(facts.DeleteDealFacts(workspace_id, zone, ids));
        PIPECRM_RETURN_IF_ERROR(AddDeals(facts, workspace_id, zone, *live, context, sums));
    }
    for (std::size_t begin = 0; begin < activities->size(); begin += kFactChunk) {
        const std::vector<Id> ids = FactChunk(*activities, begin);
        auto old = facts.ActivityFactsOf(workspace_id, zone, ids);
        auto done = facts.DoneActivitiesAmong(workspace_id, ids);
        if (!old.ok() || !done.ok()) {
            return !old.ok() ? old.status() : done.status();
        }
        AddActivityFacts(sums, *old, -1);
        PIPECRM_RETURN_IF_ERROR(facts.DeleteActivityFacts(workspace_id, zone, ids));
        PIPECRM_RETURN_IF_ERROR(AddActivities(facts, workspace_id, zone, *done, context, sums));
    }
    return Status::Ok();
}

}  // namespace

Status RefreshLeaderboardFacts(domain::Repositories& repos,
                               Id workspace_id,
                               const ReportRequest& fold,
                               const FactsState& state,
                               Instant now,
                               bool all,
                               const FoldProgress& progress) {
    LeaderboardSumMap sums;
    PIPECRM_RETURN_IF_ERROR(
        WithFoldContext(repos, workspace_id, fold, false, [&](ReportContext& context) {
            return all ? Rebuild(repos, workspace_id, fold, context, sums, progress)
                       : FoldChanges(repos, workspace_id, fold, *state.watermark, context, sums);
        }));
    PIPECRM_RETURN_IF_ERROR(repos.ReportFacts().AddToLeaderboardSums(workspace_id, fold.time_zone,
                                                                     LeaderboardSumDeltas(sums)));
    return SaveWatermark(repos, workspace_id, fold.time_zone, kLeaderboard, state, now);
}

Result<ReportTable> LeaderboardFromFacts(domain::Repositories& repos,
                                         Id workspace_id,
                                         ReportContext& context,
                                         const ReportRequest& request) {
    const domain::LeaderboardScope scope = AllPipelinesScope(workspace_id, request, context);
    domain::ReportFactStore& facts = repos.ReportFacts();
    auto sums = facts.LeaderboardSums(scope);
    auto owners = facts.LeaderboardDealOwners(scope);
    auto unconverted = facts.UnconvertedWonDeals(scope);
    if (!sums.ok() || !owners.ok() || !unconverted.ok()) {
        return !sums.ok() ? sums.status() : !owners.ok() ? owners.status() : unconverted.status();
    }
    // Every owner of a deal in scope has a row, as when going through the deals.
    std::map<Id, LeaderFigures> by_user;
    for (Id owner : *owners) {
        by_user.try_emplace(owner);
    }
    std::set<std::string> types;
    for (const domain::LeaderboardSum& sum : *sums) {
        LeaderFigures& f = by_user[sum.owner_id];
        const domain::LeaderboardFigures& n = sum.figures;
        if (sum.measure == "added") {
            f.added += n.count;
        } else if (sum.measure == "won") {
            f.won += n.count;
            f.won_value += n.value;
            f.seconds_to_win += n.seconds;
        } else if (sum.measure == "lost") {
            f.lost += n.count;
        } else if (sum.measure == "done") {
            f.activities[sum.type] += n.count;
            types.insert(sum.type);
        }
    }
    for (const domain::DealFact& deal : *unconverted) {
        context.CountUnconverted(deal.deal_id, deal.unconverted_currency);
    }
    return LeaderboardTable(context, std::move(by_user), types);
}

}  // namespace pipecrm::reports

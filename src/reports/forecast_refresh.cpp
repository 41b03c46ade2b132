#include "reports/forecast_refresh.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "reports/forecast.hpp"
#include "reports/forecast_facts.hpp"

namespace pipecrm::reports {
namespace {

using domain::DealStatus;

constexpr const char* kForecast = "forecast";

// Folds histories into stored facts, the sum changes and the open deals by list.
Status AddDeals(domain::ForecastFactStore& store,
                Id workspace_id,
                const std::string& zone,
                const std::vector<DealHistory>& histories,
                ReportContext& context,
                ForecastSumMap& sums,
                ForecastListMap& lists,
                const FoldProgress& progress = {}) {
    return FoldInRounds<domain::ForecastFact>(
        histories,
        [&](const DealHistory& history, std::vector<domain::ForecastFact>& batch) {
            batch.push_back(FoldForecastFact(history, context));
        },
        [&](const std::vector<domain::ForecastFact>& batch) {
            AddForecastFacts(sums, batch, 1);
            AddOpenDeals(lists, batch);
            return store.AddForecastFacts(workspace_id, zone, batch);
        },
        progress);
}

// Stores `lists` (emptied: their deals are moved), each replacing the stored one of its key.
Status SaveLists(domain::ForecastFactStore& store,
                 Id workspace_id,
                 const std::string& zone,
                 ForecastListMap& lists) {
    std::vector<domain::ForecastList> out;
    out.reserve(lists.size());
    for (auto& [key, deals] : lists) {
        out.push_back({key, std::move(deals)});
    }
    return store.SetForecastLists(workspace_id, zone, out);
}

Status Rebuild(domain::Repositories& repos,
               Id workspace_id,
               const ReportRequest& fold,
               ForecastSumMap& sums,
               const FoldProgress& progress) {
    domain::ForecastFactStore& store = repos.ForecastFacts();
    PIPECRM_RETURN_IF_ERROR(store.ClearForecast(workspace_id, fold.time_zone));
    ForecastListMap lists;
    PIPECRM_RETURN_IF_ERROR(
        WithFoldContext(repos, workspace_id, fold, true, [&](ReportContext& context) {
            return AddDeals(store, workspace_id, fold.time_zone, context.histories(), context, sums,
                            lists, progress);
        }));
    return SaveLists(store, workspace_id, fold.time_zone, lists);
}

Status FoldChanges(domain::Repositories& repos,
                   Id workspace_id,
                   const ReportRequest& fold,
                   const domain::ReportWatermark& watermark,
                   ForecastSumMap& sums) {
    domain::ForecastFactStore& store = repos.ForecastFacts();
    const std::string& zone = fold.time_zone;
    // The lists the changed deals leave (from their old facts) and join (their new ones).
    std::set<domain::ForecastListKey> touched;
    ForecastListMap joined;
    std::unordered_set<Id> refolded;
    PIPECRM_RETURN_IF_ERROR(FoldChangedDeals(
        repos, workspace_id, fold, watermark,
        [&](ReportContext& context, const std::vector<Id>& ids,
            const std::vector<DealHistory>& histories) -> Status {
            auto old = store.ForecastFactsOf(workspace_id, zone, ids);
            if (!old.ok()) {
                return old.status();
            }
            AddForecastFacts(sums, *old, -1);
            for (const domain::ForecastFact& f : *old) {
                if (f.status == DealStatus::kOpen) {
                    touched.insert(ListKeyOf(f));
                }
            }
            refolded.insert(ids.begin(), ids.end());
            PIPECRM_RETURN_IF_ERROR(store.DeleteForecastFacts(workspace_id, zone, ids));
            return AddDeals(store, workspace_id, zone, histories, context, sums, joined);
        }));
    for (const auto& [key, deals] : joined) {
        touched.insert(key);
    }
    if (touched.empty()) {
        return Status::Ok();
    }
    auto stored = store.ForecastListsAt(workspace_id, zone, {touched.begin(), touched.end()});
    if (!stored.ok()) {
        return stored.status();
    }
    ForecastListMap lists;
    for (const domain::ForecastListKey& key : touched) {
        lists[key];  // a list left empty is removed
    }
    for (domain::ForecastList& list : *stored) {
        std::vector<domain::ForecastOpenDeal>& deals = lists[list.key];
        for (const domain::ForecastOpenDeal& d : list.deals) {
            if (refolded.count(d.deal_id) == 0) {
                deals.push_back(d);
            }
        }
    }
    for (auto& [key, deals] : joined) {
        std::vector<domain::ForecastOpenDeal>& into = lists[key];
        into.insert(into.end(), deals.begin(), deals.end());
    }
    return SaveLists(store, workspace_id, zone, lists);
}

}  // namespace

Status RefreshForecastFacts(domain::Repositories& repos,
                            Id workspace_id,
                            const ReportRequest& fold,
                            const FactsState& state,
                            Instant now,
                            bool all,
                            const FoldProgress& progress) {
    ForecastSumMap sums;
    PIPECRM_RETURN_IF_ERROR(all ? Rebuild(repos, workspace_id, fold, sums, progress)
                                : FoldChanges(repos, workspace_id, fold, *state.watermark, sums));
    PIPECRM_RETURN_IF_ERROR(repos.ForecastFacts().AddToForecastSums(
        workspace_id, fold.time_zone, ForecastWonDeltas(sums), ForecastCloseDeltas(sums)));
    return SaveWatermark(repos, workspace_id, fold.time_zone, kForecast, state, now);
}

Result<ReportTable> ForecastFromFacts(domain::Repositories& repos,
                                      Id workspace_id,
                                      ReportContext& context,
                                      const ReportRequest& request) {
    const domain::ForecastScope scope = AllPipelinesScope(workspace_id, request, context);
    domain::ForecastFactStore& store = repos.ForecastFacts();
    auto stage_closes = store.ForecastStageCloses(scope);
    auto lists = store.ForecastLists(scope);
    auto won = store.ForecastWonSums(scope);
    auto unconverted = store.UnconvertedForecastFacts(scope);
    if (!stage_closes.ok() || !lists.ok() || !won.ok() || !unconverted.ok()) {
        return !stage_closes.ok() ? stage_closes.status()
               : !lists.ok()      ? lists.status()
               : !won.ok()        ? won.status()
                                  : unconverted.status();
    }
    StageCloseMap closes;
    for (const domain::ForecastCloseDelta& c : *stage_closes) {
        closes[c.key.stage_id] = {c.closed, c.won};
    }
    auto in_range = [&](Date day) {
        return (!request.from || day >= *request.from) && (!request.to || day <= *request.to);
    };
    ForecastMonths months;
    for (const domain::ForecastList& list : *lists) {
        const domain::Stage* stage = context.Stage(list.key.stage_id);
        const std::optional<double> empirical =
            stage ? std::optional<double>(EmpiricalProbability(*stage, closes)) : std::nullopt;
        // A month wholly in the period needs no day by day check.
        bool whole = true;
        if (list.key.month) {
            const Date first = *list.key.month;
            const Date last = Date{std::chrono::year_month_day{first}.year() /
                                   std::chrono::year_month_day{first}.month() / std::chrono::last};
            whole = in_range(first) && in_range(last);
        }
        ForecastMonth* month = nullptr;
        for (const domain::ForecastOpenDeal& d : list.deals) {
            if (!whole && !in_range(*d.day)) {
                continue;
            }
            if (month == nullptr) {
                month = &months[list.key.month ? ForecastMonthOf(*list.key.month) : "none"];
            }
            AddOpenDeal(*month, d.value, d.probability, empirical);
        }
    }
    for (const domain::ForecastWonSum& sum : *won) {
        ForecastMonth& m = months[ForecastMonthOf(sum.period)];
        m.won += sum.won;
        m.won_value += sum.won_value;
    }
    for (const domain::ForecastFact& f : *unconverted) {
        const bool counted =
            f.status == DealStatus::kOpen ? !f.day || in_range(*f.day) : f.day && in_range(*f.day);
        if (counted) {
            context.CountUnconverted(f.deal_id, f.unconverted_currency);
        }
    }
    return ForecastTable(context, std::move(months), closes);
}

}  // namespace pipecrm::reports

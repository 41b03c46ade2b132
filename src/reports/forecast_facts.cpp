#include "reports/forecast_facts.hpp"

#include <set>

namespace pipecrm::reports {
namespace {

using domain::DealStatus;
using domain::FunnelSumKey;

Date MonthStart(Date day) {
    const std::chrono::year_month_day ymd{day};
    return Date{ymd.year() / ymd.month() / 1};
}

}  // namespace

domain::ForecastFact FoldForecastFact(const DealHistory& history, ReportContext& context) {
    const domain::Deal& deal = *history.deal;
    domain::ForecastFact f;
    f.deal_id = deal.id;
    f.pipeline_id = deal.pipeline_id;
    f.stage_id = deal.stage_id;
    f.owner_id = deal.owner_id;
    f.visible_to = deal.visible_to;
    f.status = deal.status;
    auto value = [&] {
        const std::optional<std::int64_t> converted = context.Value(deal);
        if (!converted) {
            f.unconverted_currency = deal.value.currency;
        }
        f.value = converted.value_or(0);
    };
    if (deal.status == DealStatus::kOpen) {
        f.day = deal.expected_close_date;
        value();
        const domain::Stage* stage = context.Stage(deal.stage_id);
        f.probability = deal.probability.value_or(stage ? stage->deal_probability : 100);
    } else if (deal.status == DealStatus::kWon || deal.status == DealStatus::kLost) {
        if (deal.status == DealStatus::kWon && deal.won_time) {
            f.day = context.LocalDay(*deal.won_time);
            value();
        }
        std::set<Id> visited;
        for (const StageEntry& e : history.entries) {
            visited.insert(e.stage_id);
        }
        f.visited.assign(visited.begin(), visited.end());
    }
    return f;
}

std::string ForecastInputs(const ReportData& data) {
    std::string text = "|probabilities";
    for (const domain::Stage& s : data.stages) {
        text += "|" + std::to_string(s.id) + ":" + std::to_string(s.deal_probability);
    }
    return text;
}

void AddForecastFacts(ForecastSumMap& sums,
                      const std::vector<domain::ForecastFact>& facts,
                      int sign) {
    for (const domain::ForecastFact& f : facts) {
        if (f.status == DealStatus::kWon && f.day) {
            domain::ForecastWonKey key;
            key.pipeline_id = f.pipeline_id;
            key.owner_id = f.owner_id;
            key.visible_to = f.visible_to;
            for (const FunnelSumKey::Grain grain : {FunnelSumKey::kDay, FunnelSumKey::kMonth}) {
                key.grain = grain;
                key.period = grain == FunnelSumKey::kDay ? *f.day : MonthStart(*f.day);
                auto& [won, value] = sums.won[key];
                won += sign;
                value += sign * f.value;
            }
        }
        for (const Id stage : f.visited) {
            StageCloses& c = sums.closes[{stage, f.owner_id, f.visible_to}];
            c.closed += sign;
            c.won += f.status == DealStatus::kWon ? sign : 0;
        }
    }
}

std::vector<domain::ForecastWonDelta> ForecastWonDeltas(const ForecastSumMap& sums) {
    std::vector<domain::ForecastWonDelta> out;
    for (const auto& [key, figures] : sums.won) {
        if (figures.first != 0 || figures.second != 0) {
            out.push_back({key, figures.first, figures.second});
        }
    }
    return out;
}

std::vector<domain::ForecastCloseDelta> ForecastCloseDeltas(const ForecastSumMap& sums) {
    std::vector<domain::ForecastCloseDelta> out;
    for (const auto& [key, c] : sums.closes) {
        if (c.closed != 0 || c.won != 0) {
            out.push_back({key, c.closed, c.won});
        }
    }
    return out;
}

domain::ForecastListKey ListKeyOf(const domain::ForecastFact& fact) {
    domain::ForecastListKey key;
    key.pipeline_id = fact.pipeline_id;
    key.stage_id = fact.stage_id;
    key.owner_id = fact.owner_id;
    key.visible_to = fact.visible_to;
    if (fact.day) {
        key.month = MonthStart(*fact.day);
    }
    return key;
}

void AddOpenDeals(ForecastListMap& lists, const std::vector<domain::ForecastFact>& facts) {
    for (const domain::ForecastFact& f : facts) {
        if (f.status == DealStatus::kOpen) {
            lists[ListKeyOf(f)].push_back({f.deal_id, f.day, f.value, f.probability});
        }
    }
}

}  // namespace pipecrm::reports

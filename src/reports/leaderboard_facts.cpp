#include "reports/leaderboard_facts.hpp"

namespace pipecrm::reports {
namespace {

using domain::FunnelSumKey;

Date MonthOf(Date day) {
    const std::chrono::year_month_day ymd{day};
    return Date{ymd.year() / ymd.month() / 1};
}

// Adds one count (and value and seconds) under the day's key and its month's.
void Count(LeaderboardSumMap& sums,
           domain::LeaderboardSumKey key,
           Date day,
           std::int64_t value,
           std::int64_t seconds,
           int sign) {
    for (const FunnelSumKey::Grain grain : {FunnelSumKey::kDay, FunnelSumKey::kMonth}) {
        key.grain = grain;
        key.period = grain == FunnelSumKey::kDay ? day : MonthOf(day);
        domain::LeaderboardFigures& f = sums[key];
        f.count += sign;
        f.value += sign * value;
        f.seconds += sign * seconds;
    }
}

}  // namespace

domain::DealFact FoldDealFact(const domain::Deal& deal, ReportContext& context) {
    domain::DealFact f;
    f.deal_id = deal.id;
    f.pipeline_id = deal.pipeline_id;
    f.owner_id = deal.owner_id;
    f.visible_to = deal.visible_to;
    f.add_day = context.LocalDay(deal.add_time);
    if (deal.status == domain::DealStatus::kWon && deal.won_time) {
        f.won_day = context.LocalDay(*deal.won_time);
        const std::optional<std::int64_t> value = context.Value(deal);
        f.won_value = value.value_or(0);
        if (!value) {
            f.unconverted_currency = deal.value.currency;
        }
        f.won_seconds = (*deal.won_time - deal.add_time).count();
    }
    if (deal.status == domain::DealStatus::kLost && deal.lost_time) {
        f.lost_day = context.LocalDay(*deal.lost_time);
    }
    return f;
}

domain::ActivityFact FoldActivityFact(domain::ActivityFact fact,
                                      Instant marked_as_done_time,
                                      const ReportContext& context) {
    fact.done_day = context.LocalDay(marked_as_done_time);
    return fact;
}

void AddDealFacts(LeaderboardSumMap& sums, const std::vector<domain::DealFact>& facts, int sign) {
    for (const domain::DealFact& f : facts) {
        domain::LeaderboardSumKey key;
        key.pipeline_id = f.pipeline_id;
        key.owner_id = f.owner_id;
        key.visible_to = f.visible_to;
        key.measure = "added";
        Count(sums, key, f.add_day, 0, 0, sign);
        if (f.won_day) {
            key.measure = "won";
            Count(sums, key, *f.won_day, f.won_value, f.won_seconds, sign);
        }
        if (f.lost_day) {
            key.measure = "lost";
            Count(sums, key, *f.lost_day, 0, 0, sign);
        }
    }
}

void AddActivityFacts(LeaderboardSumMap& sums,
                      const std::vector<domain::ActivityFact>& facts,
                      int sign) {
    for (const domain::ActivityFact& f : facts) {
        domain::LeaderboardSumKey key;
        key.owner_id = f.owner_id;
        key.visible_to = f.visible_to;
        key.measure = "done";
        key.type = f.type;
        Count(sums, key, f.done_day, 0, 0, sign);
    }
}

std::vector<domain::LeaderboardSumDelta> LeaderboardSumDeltas(const LeaderboardSumMap& sums) {
    std::vector<domain::LeaderboardSumDelta> out;
    for (const auto& [key, f] : sums) {
        if (f.count != 0 || f.value != 0 || f.seconds != 0) {
            out.push_back({key, f});
        }
    }
    return out;
}

}  // namespace pipecrm::reports

#include "reports/stage_time_facts.hpp"

#include <algorithm>
#include <bit>

namespace pipecrm::reports {
namespace {

using domain::StageTimeKind;

std::int64_t MonthOf(std::int64_t day) {
    const std::chrono::year_month_day ymd{FromDayNumber(day)};
    return ToDayNumber(Date{ymd.year() / ymd.month() / 1});
}

// Removes from `a` and `b` the values they share (both sorted after).
void DropCommon(std::vector<domain::StageTimeItem>& a, std::vector<domain::StageTimeItem>& b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<domain::StageTimeItem> only_a;
    std::vector<domain::StageTimeItem> only_b;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
    a = std::move(only_a);
    b = std::move(only_b);
}

}  // namespace

std::int64_t DurationBucket(std::int64_t seconds) {
    if (seconds <= 0) {
        return 0;
    }
    const auto bits = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(seconds)));
    const std::int64_t next_two = bits >= 3 ? (seconds >> (bits - 3)) & 3 : 0;
    return 1 + std::int64_t{4} * (bits - 1) + next_two;
}

domain::DealVisitFacts FoldVisitFacts(const DealHistory& history, const ReportContext& context) {
    const domain::Deal& deal = *history.deal;
    domain::DealVisitFacts out;
    out.deal_id = deal.id;
    out.owner_id = deal.owner_id;
    out.visible_to = deal.visible_to;
    for (const StageVisit& visit : history.visits) {
        const domain::Stage* stage = context.Stage(visit.stage_id);
        if (stage == nullptr) {
            continue;
        }
        domain::StageVisitFact fact;
        fact.pipeline_id = stage->pipeline_id;
        fact.stage_id = stage->id;
        if (visit.left) {
            fact.kind = StageTimeKind::kLeft;
            fact.day = ToDayNumber(context.LocalDay(*visit.left));
            fact.value = (*visit.left - visit.entered).count();
        } else if (deal.status == domain::DealStatus::kOpen) {
            fact.kind = StageTimeKind::kOpen;
            fact.day = ToDayNumber(context.LocalDay(visit.entered));
            fact.value = ToUnixSeconds(visit.entered);
        } else {
            continue;
        }
        out.visits.push_back(fact);
    }
    return out;
}

void AddVisitFacts(domain::StageTimeChanges& changes,
                   const domain::DealVisitFacts& facts,
                   int sign) {
    for (const domain::StageVisitFact& v : facts.visits) {
        domain::StageTimeHistKey hist;
        hist.kind = v.kind;
        hist.pipeline_id = v.pipeline_id;
        hist.stage_id = v.stage_id;
        hist.owner_id = facts.owner_id;
        hist.visible_to = facts.visible_to;
        domain::StageTimeListKey list;
        list.kind = v.kind;
        list.pipeline_id = v.pipeline_id;
        list.stage_id = v.stage_id;
        list.owner_id = facts.owner_id;
        list.visible_to = facts.visible_to;
        const domain::StageTimeBucket delta{sign, sign * v.value};
        const auto add = [&](const domain::StageTimeHistKey& key, std::int64_t bucket) {
            domain::StageTimeBucket& b = changes.hists[key][bucket];
            b.count += delta.count;
            b.sum += delta.sum;
        };
        if (v.kind == StageTimeKind::kLeft) {
            list.bucket = DurationBucket(v.value);
            list.month = MonthOf(v.day);
            hist.grain = 1;
            hist.period = v.day;
            add(hist, list.bucket);
            hist.grain = 2;
            hist.period = list.month;
            add(hist, list.bucket);
        } else {
            list.bucket = v.day;
            list.month = 0;
            add(hist, list.bucket);  // grain 0, period 0
        }
        auto& change = changes.lists[list];
        (sign > 0 ? change.added : change.removed).push_back({v.day, v.value});
    }
}

void Simplify(domain::StageTimeChanges& changes) {
    for (auto it = changes.hists.begin(); it != changes.hists.end();) {
        std::erase_if(it->second, [](const auto& entry) {
            return entry.second.count == 0 && entry.second.sum == 0;
        });
        it = it->second.empty() ? changes.hists.erase(it) : std::next(it);
    }
    for (auto it = changes.lists.begin(); it != changes.lists.end();) {
        DropCommon(it->second.removed, it->second.added);
        const bool none = it->second.removed.empty() && it->second.added.empty();
        it = none ? changes.lists.erase(it) : std::next(it);
    }
}

std::size_t PercentileRank(std::size_t n, int percent) {
    const std::size_t rank = (static_cast<std::size_t>(percent) * n + 99) / 100;
    return std::clamp<std::size_t>(rank, 1, std::max<std::size_t>(n, 1));
}

RankedBucket FindRank(const domain::StageTimeHistogram& histogram, std::size_t rank) {
    std::size_t before = 0;
    for (const auto& [bucket, b] : histogram) {
        const auto count = static_cast<std::size_t>(b.count);
        if (rank <= before + count) {
            return {bucket, rank - before - 1};
        }
        before += count;
    }
    return {histogram.empty() ? 0 : histogram.rbegin()->first, 0};
}

}  // namespace pipecrm::reports

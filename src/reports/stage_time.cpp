#include "reports/stage_time.hpp"

#include <algorithm>
#include <numeric>

namespace pipecrm::reports {
namespace {

StageTimeStats StatsOf(std::vector<std::int64_t>& seconds) {
    std::sort(seconds.begin(), seconds.end());
    StageTimeStats stats;
    stats.count = static_cast<std::int64_t>(seconds.size());
    stats.total = std::accumulate(seconds.begin(), seconds.end(), std::int64_t{0});
    stats.median = Percentile(seconds, 50);
    stats.p90 = Percentile(seconds, 90);
    return stats;
}

void AddStats(std::vector<Cell>& row, const StageTimeStats& stats) {
    row.push_back(Cell::Int(stats.count));
    if (stats.count == 0) {
        row.insert(row.end(), {Cell::Null(), Cell::Null(), Cell::Null()});
        return;
    }
    row.push_back(Cell::Number(Days(stats.total) / static_cast<double>(stats.count)));
    row.push_back(Cell::Number(Days(stats.median)));
    row.push_back(Cell::Number(Days(stats.p90)));
}

}  // namespace

ReportTable StageTime(ReportContext& context) {
    const auto& stages = context.stages();
    std::vector<std::vector<std::int64_t>> left(stages.size());
    std::vector<std::vector<std::int64_t>> open(stages.size());
    const Instant now = context.request().now;
    for (const DealHistory& history : context.histories()) {
        for (const StageVisit& visit : history.visits) {
            const auto index = context.StageIndex(visit.stage_id);
            if (!index) {
                continue;
            }
            if (visit.left) {
                if (context.InPeriod(*visit.left)) {
                    left[*index].push_back((*visit.left - visit.entered).count());
                }
            } else if (history.deal->status == domain::DealStatus::kOpen) {
                open[*index].push_back(std::max<std::int64_t>(0, (now - visit.entered).count()));
            }
        }
    }
    std::vector<StageTimeStats> left_stats;
    std::vector<StageTimeStats> open_stats;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        left_stats.push_back(StatsOf(left[i]));
        open_stats.push_back(StatsOf(open[i]));
    }
    return StageTimeTable(context, left_stats, open_stats);
}

ReportTable StageTimeTable(ReportContext& context,
                           const std::vector<StageTimeStats>& left,
                           const std::vector<StageTimeStats>& open) {
    ReportTable table = context.StartTable(
        "stage-time",
        {"stage_id", "stage", "order", "left_count", "left_avg_days", "left_median_days",
         "left_p90_days", "open_count", "open_avg_days", "open_median_days", "open_p90_days"});
    const auto& stages = context.stages();
    std::optional<std::size_t> bottleneck;
    std::int64_t bottleneck_median = -1;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        std::vector<Cell> row{Cell::Int(stages[i]->id), Cell::Text(stages[i]->name),
                              Cell::Int(static_cast<std::int64_t>(i + 1))};
        AddStats(row, left[i]);
        AddStats(row, open[i]);
        table.rows.push_back(std::move(row));
        if (left[i].count > 0 && left[i].median > bottleneck_median) {
            bottleneck_median = left[i].median;
            bottleneck = i;
        }
    }
    table.summary.emplace_back("bottleneck_stage_id",
                               bottleneck ? Cell::Int(stages[*bottleneck]->id) : Cell::Null());
    table.summary.emplace_back("bottleneck_stage",
                               bottleneck ? Cell::Text(stages[*bottleneck]->name) : Cell::Null());
    table.summary.emplace_back("bottleneck_median_days",
                               bottleneck ? Cell::Number(Days(bottleneck_median)) : Cell::Null());
    context.FinishTable(table);
    return table;
}

}  // namespace pipecrm::reports

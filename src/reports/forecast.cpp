#include "reports/forecast.hpp"

#include <set>

namespace pipecrm::reports {
namespace {

using domain::DealStatus;

// A month's row with the snapshot columns.
struct Month {
    ForecastMonth figures;
    std::optional<Date> forecast_taken;
    std::int64_t forecast_open_value = 0;
    std::int64_t forecast_weighted_value = 0;
};

// For each month, the forecast the last snapshot taken before the month began made of it (or,
// with none that early, the first snapshot taken during the month).
template <typename InRange>
void AddSnapshots(const ReportContext& context,
                  std::map<std::string, Month>& months,
                  const InRange& in_range) {
    const auto& rows = context.data().snapshots;  // by snapshot
    std::set<std::string> snapshot_months;
    for (const domain::ForecastSnapshotRow& r : rows) {
        snapshot_months.insert(r.month);
    }
    for (const std::string& month : snapshot_months) {
        const Date first = *ParseDate(month + "-01");
        const Date last =
            *ParseDate(FormatDate(first + std::chrono::days{31}).substr(0, 7) + "-01") -
            std::chrono::days{1};
        if (!in_range(first) && !in_range(last)) {
            continue;
        }
        const domain::ForecastSnapshotRow* chosen = nullptr;
        for (const domain::ForecastSnapshotRow& r : rows) {
            if (r.taken_date < first) {
                chosen = &r;
            } else if (chosen == nullptr && r.taken_date <= last) {
                chosen = &r;
            }
        }
        if (chosen == nullptr) {
            continue;
        }
        Month& m = months[month];
        for (const domain::ForecastSnapshotRow& r : rows) {
            if (r.snapshot != chosen->snapshot || r.month != month ||
                r.base_currency != context.request().base_currency ||
                !context.OwnerInScope(r.owner_id) ||
                (context.request().pipeline_id &&
                 r.pipeline_id != *context.request().pipeline_id)) {
                continue;
            }
            m.forecast_taken = r.taken_date;
            m.forecast_open_value += r.open_value;
            m.forecast_weighted_value += r.weighted_value;
        }
        if (!m.forecast_taken) {
            m.forecast_taken = chosen->taken_date;
        }
    }
}

}  // namespace

std::string ForecastMonthOf(Date day) {
    return FormatDate(day).substr(0, 7);
}

double EmpiricalProbability(const domain::Stage& stage, const StageCloseMap& closes) {
    const auto it = closes.find(stage.id);
    if (it == closes.end() || it->second.closed == 0) {
        return stage.deal_probability / 100.0;
    }
    return static_cast<double>(it->second.won) / static_cast<double>(it->second.closed);
}

void AddOpenDeal(ForecastMonth& month,
                 std::int64_t value,
                 int configured,
                 const std::optional<double>& empirical) {
    ++month.open;
    month.open_value += value;
    month.weighted_value += value * configured / 100;
    month.empirical_value +=
        empirical ? static_cast<std::int64_t>(static_cast<double>(value) * *empirical) : value;
}

ReportTable ForecastTable(ReportContext& context,
                          ForecastMonths months,
                          const StageCloseMap& closes) {
    ReportTable table = context.StartTable(
        "forecast",
        {"month", "open", "open_value", "weighted_value", "empirical_weighted_value", "won",
         "won_value", "forecast_taken", "forecast_open_value", "forecast_weighted_value"},
        ReportContext::Scope::kAllPipelines);
    const std::optional<Date> from = context.request().from;
    const std::optional<Date> to = context.request().to;
    auto in_range = [&](Date day) { return (!from || day >= *from) && (!to || day <= *to); };
    std::map<std::string, Month> rows;
    for (auto& [month, figures] : months) {
        rows[month].figures = figures;
    }
    AddSnapshots(context, rows, in_range);
    for (const auto& [month, row] : rows) {
        const ForecastMonth& m = row.figures;
        table.rows.push_back(
            {Cell::Text(month), Cell::Int(m.open), Cell::Money(m.open_value),
             Cell::Money(m.weighted_value), Cell::Money(m.empirical_value), Cell::Int(m.won),
             Cell::Money(m.won_value),
             row.forecast_taken ? Cell::Text(FormatDate(*row.forecast_taken)) : Cell::Null(),
             row.forecast_taken ? Cell::Money(row.forecast_open_value) : Cell::Null(),
             row.forecast_taken ? Cell::Money(row.forecast_weighted_value) : Cell::Null()});
    }
    // The chosen pipeline's probabilities side by side, configured and learned.
    for (const domain::Stage* stage : context.stages()) {
        const std::string key = "stage_" + std::to_string(stage->id);
        table.summary.emplace_back(key + "_configured_probability",
                                   Cell::Number(stage->deal_probability / 100.0));
        table.summary.emplace_back(key + "_empirical_probability",
                                   Cell::Number(EmpiricalProbability(*stage, closes)));
    }
    context.FinishTable(table);
    return table;
}

ReportTable Forecast(ReportContext& context) {
    // Empirical stage-to-win probability: closed deals that were ever in the stage.
    StageCloseMap closes;
    for (const DealHistory& history : context.histories()) {
        const DealStatus status = history.deal->status;
        if (status != DealStatus::kWon && status != DealStatus::kLost) {
            continue;
        }
        std::set<Id> visited;
        for (const StageEntry& e : history.entries) {
            visited.insert(e.stage_id);
        }
        for (Id stage : visited) {
            closes[stage].won += status == DealStatus::kWon ? 1 : 0;
            ++closes[stage].closed;
        }
    }
    ForecastMonths months;
    const std::optional<Date> from = context.request().from;
    const std::optional<Date> to = context.request().to;
    auto in_range = [&](Date day) { return (!from || day >= *from) && (!to || day <= *to); };
    for (const DealHistory& history : context.histories()) {
        const domain::Deal& deal = *history.deal;
        if (!context.DealInPipelineScope(deal)) {
            continue;
        }
        if (deal.status == DealStatus::kOpen) {
            if (deal.expected_close_date && !in_range(*deal.expected_close_date)) {
                continue;
            }
            const std::int64_t value = context.Value(deal).value_or(0);
            const domain::Stage* stage = context.Stage(deal.stage_id);
            const int configured = deal.probability.value_or(stage ? stage->deal_probability : 100);
            AddOpenDeal(
                months[deal.expected_close_date ? ForecastMonthOf(*deal.expected_close_date)
                                                : "none"],
                value, configured,
                stage ? std::optional<double>(EmpiricalProbability(*stage, closes)) : std::nullopt);
        } else if (deal.status == DealStatus::kWon && deal.won_time) {
            const Date day = context.LocalDay(*deal.won_time);
            if (!in_range(day)) {
                continue;
            }
            ForecastMonth& m = months[ForecastMonthOf(day)];
            ++m.won;
            m.won_value += context.Value(deal).value_or(0);
        }
    }
    return ForecastTable(context, std::move(months), closes);
}

}  // namespace pipecrm::reports

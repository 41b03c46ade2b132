// What every report works from: the request resolved against the data (period bounds in the
// time zone, the pipeline's stages in order, the owners in scope), the deals' histories and
// the currency converter.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "reports/currency_converter.hpp"
#include "reports/deal_history.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"
#include "text/zone_days.hpp"

namespace pipecrm::reports {

/// Not safe for concurrent use.
class ReportContext {
  public:
    /// kInvalidArgument naming the option for an unknown pipeline, owner, team or time zone,
    /// or a period that ends before it begins.
    static Result<ReportContext> Build(const ReportData& data, const ReportRequest& request);

    const ReportData& data() const { return *data_; }
    const ReportRequest& request() const { return *request_; }
    /// True when `t` falls in the period (always, without one).
    bool InPeriod(Instant t) const;
    bool InPeriod(const std::optional<Instant>& t) const { return t && InPeriod(*t); }
    /// True when the user is in the --owner/--team scope (always, without one).
    bool OwnerInScope(Id user_id) const;
    /// The owners in the --owner/--team scope; nullopt without one.
    const std::optional<std::set<Id>>& owners() const { return owners_; }
    /// The chosen pipeline (the first one by default) and its live stages in order; empty
    /// when the workspace has none.
    const domain::Pipeline* pipeline() const { return pipeline_; }
    const std::vector<const domain::Stage*>& stages() const { return stages_; }
    /// The position of a stage of the chosen pipeline in stages(), or nullopt.
    std::optional<std::size_t> StageIndex(Id stage_id) const;
    /// For the reports over every pipeline: true without --pipeline, else when the deal is in
    /// that pipeline now.
    bool DealInPipelineScope(const domain::Deal& deal) const;
    /// Any live stage of the workspace, or nullptr.
    const domain::Stage* Stage(Id stage_id) const;
    /// The histories of the deals whose owner is in scope.
    const std::vector<DealHistory>& histories() const { return histories_; }
    /// The deal's value in the base currency (CurrencyConverter::ToBase); nullopt, and the
    /// deal counted as unconverted, when its currency has no rate.
    std::optional<std::int64_t> Value(const domain::Deal& deal);
    /// Counts a deal as unconverted, its currency having no rate, as Value does (for figures
    /// read from derived data, whose values were converted when they were folded).
    void CountUnconverted(Id deal_id, const std::string& currency);
    /// Where a calendar day begins in the request's time zone.
    Instant StartOfDay(Date day) const;
    /// The calendar day of `t` in the request's time zone.
    Date LocalDay(Instant t) const;
    /// A user's name, or "user N" for one not listed.
    std::string UserName(Id user_id) const;
    /// A table with the report's name, base currency and the summary every report carries
    /// (pipeline, period); FinishTable adds the conversion figures at the end. A report over
    /// one pipeline names the chosen one; the others name --pipeline, or none.
    enum class Scope { kOnePipeline, kAllPipelines };
    ReportTable StartTable(const std::string& report,
                           std::vector<std::string> columns,
                           Scope scope = Scope::kOnePipeline) const;
    void FinishTable(ReportTable& table) const;

  private:
    ReportContext(const ReportData& data, const ReportRequest& request, text::ZoneDays zone);

    const ReportData* data_;
    const ReportRequest* request_;
    std::optional<Instant> from_;
    std::optional<Instant> until_;
    std::optional<std::set<Id>> owners_;
    const domain::Pipeline* pipeline_ = nullptr;
    std::vector<const domain::Stage*> stages_;
    std::unordered_map<Id, const domain::Stage*> all_stages_;
    std::vector<DealHistory> histories_;
    CurrencyConverter converter_;
    std::set<Id> unconverted_;
    std::set<std::string> missing_;  ///< currencies without a rate, besides the converter's
    text::ZoneDays zone_;
};

/// Nearest-rank percentile (the smallest value with at least p% of the values at or below
/// it) of sorted values; 0 for none.
std::int64_t Percentile(const std::vector<std::int64_t>& sorted, int percent);

/// Seconds as days.
double Days(std::int64_t seconds);

/// part ÷ whole, or null when whole is 0.
Cell Ratio(std::int64_t part, std::int64_t whole);

}  // namespace pipecrm::reports

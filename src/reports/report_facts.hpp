// Keeping the reports' derived data current (docs/reports.md, "Performance"). A report served
// from derived data (the funnel) first folds in what changed since its watermark, in a write
// job of its own, then reads the sums on the caller's snapshot; the deal write path does no
// report work. Full rebuilds happen without a watermark, when the other inputs change
// (base currency, exchange rates, stages) and on `pipecrm report rebuild`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/store.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// True for the reports served from derived data: funnel.
bool UsesReportFacts(std::string_view report);

/// A fingerprint of what derived data depends on besides the deals and their events: the base
/// currency, every exchange rate, the stages and their order. Data folded with another one is
/// rebuilt.
std::string ReportFactInputs(const ReportData& data, const std::string& base_currency);

/// Brings the workspace's funnel facts and sums in `time_zone` up to the job's snapshot: all
/// again without a watermark, with other inputs, or with `rebuild`; else only the deals with
/// an event after the watermark's or updated since a minute before its time (a write that took
/// its time from the clock before an earlier one committed is still caught). Runs in a write
/// job, as the system (every deal).
Status RefreshFunnelFacts(domain::Repositories& repos,
                          Id workspace_id,
                          const std::string& time_zone,
                          Instant now,
                          bool rebuild = false);

/// Called before running `report` (outside any job): when it is served from derived data that
/// is not current, folds the changes in a write job as the system.
Status PrepareReport(domain::Store& store,
                     Id workspace_id,
                     const std::string& time_zone,
                     std::string_view report,
                     Instant now);

/// `pipecrm report rebuild`: rebuilds the derived data of every time zone it is kept in, and
/// of `time_zone`, each in one write job. Calls `progress` with each zone before it starts.
Status RebuildReportFacts(domain::Store& store,
                          Id workspace_id,
                          const std::string& time_zone,
                          Instant now,
                          const std::function<void(const std::string&)>& progress);

/// The funnel from the derived sums when they are current for this snapshot (same watermark
/// and inputs); nullopt when they are not (the caller replays the deals instead).
Result<std::optional<ReportTable>> FunnelFromFacts(domain::Repositories& repos,
                                                   Id workspace_id,
                                                   const ReportData& data,
                                                   const ReportRequest& request);

}  // namespace pipecrm::reports

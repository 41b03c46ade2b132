// The funnel's derived data (docs/reports.md, "Performance"): what each deal contributes to the
// funnel of every pipeline it went through, folded once per change instead of replayed per
// report, and the sums of those contributions by local day and month.
#pragma once

#include <map>
#include <vector>

#include "domain/report_facts.hpp"
#include "reports/deal_history.hpp"
#include "reports/report_context.hpp"

namespace pipecrm::reports {

/// The live stages of each pipeline, in order, by pipeline id.
using PipelineStages = std::map<Id, std::vector<const domain::Stage*>>;
PipelineStages StagesByPipeline(const std::vector<domain::Stage>& stages);

/// One deal's funnel facts: one per stage it reached, of every pipeline it entered (the rules
/// of StageReaches), with the reach day in the context's time zone and the deal's value in its
/// base currency (Value, so the context counts an unconverted deal).
std::vector<domain::FunnelFact> FoldFunnelFacts(const DealHistory& history,
                                                const PipelineStages& pipelines,
                                                ReportContext& context);

/// The sums of funnel facts by key: each fact counts under its day and under its month.
using FunnelSumMap = std::map<domain::FunnelSumKey, domain::FunnelFigures>;
/// Adds the facts to `sums` (sign 1), or takes them out (sign -1).
void AddFunnelFacts(FunnelSumMap& sums, const std::vector<domain::FunnelFact>& facts, int sign);
/// The non-empty changes of `sums`, for ReportFactStore::AddToFunnelSums.
std::vector<domain::FunnelSumDelta> FunnelSumDeltas(const FunnelSumMap& sums);

}  // namespace pipecrm::reports

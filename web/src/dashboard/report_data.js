// The report endpoints' tables (docs/reports.md, "Output": {columns, rows, summary}) turned
// into what the dashboard's charts and tables show. Pure, so web/test/ can check it.

// The query of every report from the dashboard's filter row. `scope` is '', 'user:ID' or
// 'team:ID' (one select: a report takes an owner or a team, not both).
export function reportParams(filters) {
    const [kind, id] = (filters.scope || '').split(':');
    return {
        pipeline_id: filters.pipelineId || undefined,
        from: filters.from || undefined,
        to: filters.to || undefined,
        owner_id: kind === 'user' ? id : undefined,
        team_id: kind === 'team' ? id : undefined,
    };
}

// funnel: per stage, the deals that reached it, moved on to the next one, and are now won.
export function funnelSeries(table) {
    const rows = [...table.rows].sort((a, b) => a.order - b.order);
    return {
        labels: rows.map((r) => r.stage),
        reached: rows.map((r) => r.reached),
        movedOn: rows.map((r) => r.moved_on),
        won: rows.map((r) => r.won),
        rows,
    };
}

// forecast: the months in order, without the row of deals that have no expected close date.
export function forecastSeries(table) {
    const rows = table.rows.filter((r) => r.month !== 'none').sort((a, b) => a.month.localeCompare(b.month));
    return {
        labels: rows.map((r) => r.month),
        open: rows.map((r) => r.open_value),
        weighted: rows.map((r) => r.weighted_value),
        won: rows.map((r) => r.won_value),
        rows,
        undated: table.rows.find((r) => r.month === 'none') || null,
    };
}

// stage-time: the median days of the visits that left each stage; the bottleneck stage (the
// summary's) in a series of its own, so the chart can colour it.
export function stageTimeSeries(table) {
    const rows = [...table.rows].sort((a, b) => a.order - b.order);
    const bottleneck = table.summary ? table.summary.bottleneck_stage_id : null;
    return {
        labels: rows.map((r) => r.stage),
        median: rows.map((r) => (r.stage_id === bottleneck ? null : r.left_median_days)),
        bottleneck: rows.map((r) => (r.stage_id === bottleneck ? r.left_median_days : null)),
        bottleneckName: table.summary ? table.summary.bottleneck_stage : null,
        rows,
    };
}

// lost-reasons: the per-reason totals (the rows whose stage is "(all)"), most frequent first.
export function lostReasonTotals(table) {
    return table.rows
        .filter((r) => r.stage === '(all)' && r.reason !== '(all)')
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

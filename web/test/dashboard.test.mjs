// The dashboard's report shaping (ctest: web_unit): the filter row's query, and the funnel,
// forecast, stage-time and lost-reason tables of docs/reports.md turned into chart series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { query } from '../src/api.js';
import { forecastSeries, funnelSeries, lostReasonTotals, reportParams, stageTimeSeries } from '../src/dashboard/report_data.js';

test('the filter row asks for an owner or a team, never both, and leaves out what is empty', () => {
    assert.equal(query(reportParams({ pipelineId: '', from: '', to: '', scope: '' })), '');
    assert.equal(query(reportParams({ pipelineId: '2', from: '2026-01-01', to: '2026-03-31', scope: 'user:7' })),
        '?pipeline_id=2&from=2026-01-01&to=2026-03-31&owner_id=7');
    assert.equal(query(reportParams({ scope: 'team:3' })), '?team_id=3');
});

test('funnel stages come in pipeline order', () => {
    const s = funnelSeries({
        rows: [
            { stage: 'Won over', order: 2, reached: 4, moved_on: 1, won: 1 },
            { stage: 'Lead', order: 1, reached: 9, moved_on: 4, won: 0 },
        ],
    });
    assert.deepEqual(s.labels, ['Lead', 'Won over']);
    assert.deepEqual(s.reached, [9, 4]);
    assert.deepEqual(s.movedOn, [4, 1]);
    assert.deepEqual(s.won, [0, 1]);
});

test('forecast months are in order and the undated row is set apart', () => {
    const s = forecastSeries({
        rows: [
            { month: 'none', open: 2, open_value: 50, weighted_value: 5, won_value: 0 },
            { month: '2026-12', open: 1, open_value: 300, weighted_value: 30, won_value: 0 },
            { month: '2026-11', open: 3, open_value: 100, weighted_value: 60, won_value: 80 },
        ],
    });
    assert.deepEqual(s.labels, ['2026-11', '2026-12']);
    assert.deepEqual(s.open, [100, 300]);
    assert.deepEqual(s.weighted, [60, 30]);
    assert.deepEqual(s.won, [80, 0]);
    assert.equal(s.undated.open, 2);
});

test('the bottleneck stage gets a series of its own', () => {
    const s = stageTimeSeries({
        summary: { bottleneck_stage_id: 5, bottleneck_stage: 'Proposal' },
        rows: [
            { stage_id: 5, stage: 'Proposal', order: 2, left_median_days: 9.5 },
            { stage_id: 4, stage: 'Lead', order: 1, left_median_days: 2 },
        ],
    });
    assert.deepEqual(s.labels, ['Lead', 'Proposal']);
    assert.deepEqual(s.median, [2, null]);
    assert.deepEqual(s.bottleneck, [null, 9.5]);
    assert.equal(s.bottleneckName, 'Proposal');
});

test('lost reasons keep the per-reason totals, most frequent first', () => {
    const rows = lostReasonTotals({
        rows: [
            { reason: 'Price', stage: 'Lead', count: 2 },
            { reason: 'Price', stage: '(all)', count: 3 },
            { reason: '(none)', stage: '(all)', count: 1 },
            { reason: 'Timing', stage: '(all)', count: 5 },
            { reason: '(all)', stage: 'Lead', count: 9 },
        ],
    });
    assert.deepEqual(rows.map((r) => r.reason), ['Timing', 'Price', '(none)']);
});

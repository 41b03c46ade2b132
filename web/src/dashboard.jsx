// The dashboard: open pipeline figures and the deals won per month over the last year (uPlot),
// from deals/summary and deals/timeline; then the reports (/api/v1/reports/…) under one filter
// row, a panel each (dashboard/): funnel, forecast, time in stage and lost reasons as charts,
// leaderboard, stalled deals and goals as tables.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { get } from './api.js';
import { formatMoney, formatNumber, formatTotals, lang, t, todayInZone } from './i18n.js';
import { notifyError } from './notices.jsx';
import { FilterRow } from './dashboard/filter_row.jsx';
import { FunnelChart } from './dashboard/funnel_chart.jsx';
import { ForecastChart } from './dashboard/forecast_chart.jsx';
import { GoalsTable } from './dashboard/goals_table.jsx';
import { LeaderboardTable } from './dashboard/leaderboard_table.jsx';
import { LostReasonsChart } from './dashboard/lost_reasons_chart.jsx';
import { StageTimeChart } from './dashboard/stage_time_chart.jsx';
import { StalledTable } from './dashboard/stalled_table.jsx';
import { useReport } from './dashboard/use_report.js';

function monthsAgo(today, count) {
    const [y, m] = today.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1 - count, 1));
    return date.toISOString().slice(0, 10);
}

function WonChart({ periods, currency }) {
    const ref = useRef(null);
    useEffect(() => {
        if (!ref.current || periods.length === 0) {
            return undefined;
        }
        const xs = periods.map((p) => Date.parse(`${p.period_start.slice(0, 10)}T00:00:00Z`) / 1000);
        const ys = periods.map((p) => p.totals.won_values[currency] || 0);
        const counts = periods.map((p) => p.totals.won_count);
        const chart = new uPlot({
            width: Math.min(ref.current.clientWidth || 800, 900),
            height: 280,
            title: t('dashboard.won_by_month', { currency }),
            scales: { x: { time: true }, count: { auto: true } },
            axes: [
                { values: (u, ticks) => ticks.map((tick) => new Date(tick * 1000).toLocaleDateString(lang() === 'vi' ? 'vi-VN' : 'en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' })) },
                { values: (u, ticks) => ticks.map((tick) => formatNumber(tick)), size: 90 },
                { scale: 'count', side: 1, grid: { show: false } },
            ],
            series: [
                { label: t('dashboard.month'), value: (u, v) => (v == null ? '' : new Date(v * 1000).toLocaleDateString(lang() === 'vi' ? 'vi-VN' : 'en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })) },
                { label: t('dashboard.won_value'), stroke: '#1d6b3a', fill: 'rgba(29,107,58,0.15)', width: 2, value: (u, v) => (v == null ? '' : formatMoney(v, currency)) },
                { label: t('dashboard.won_count'), stroke: '#1f4e99', scale: 'count', width: 2 },
            ],
        }, [xs, ys, counts], ref.current);
        return () => chart.destroy();
    }, [periods, currency, lang()]);
    return <div ref={ref} class="chart" data-testid="won-chart" role="img" aria-label={t('dashboard.won_by_month', { currency })} />;
}

function Reports() {
    const [filters, setFilters] = useState({ pipelineId: '', from: '', to: '', scope: '' });
    const funnel = useReport('funnel', filters);
    const forecast = useReport('forecast', filters);
    const stageTime = useReport('stage-time', filters);
    const lostReasons = useReport('lost-reasons', filters);
    const leaderboard = useReport('leaderboard', filters);
    const stalled = useReport('stalled', filters);
    const goals = useReport('goals', filters);
    return (
        <>
            <h2 class="section-title">{t('reports.title')}</h2>
            <FilterRow filters={filters} onChange={setFilters} />
            <div class="report-grid">
                <FunnelChart report={funnel} />
                <ForecastChart report={forecast} />
                <StageTimeChart report={stageTime} />
                <LostReasonsChart report={lostReasons} />
                <LeaderboardTable report={leaderboard} />
                <StalledTable report={stalled} />
                <GoalsTable report={goals} />
            </div>
        </>
    );
}

export function Dashboard() {
    const [open, setOpen] = useState(null);
    const [periods, setPeriods] = useState([]);

    useEffect(() => {
        const today = todayInZone();
        Promise.all([
            get('/api/v1/deals/summary', { status: 'open' }),
            get('/api/v1/deals/timeline', { start_date: monthsAgo(today, 11), interval: 'month', amount: 12, field_key: 'won_time', exclude_deals: 1 }),
        ]).then(([summary, timeline]) => {
            setOpen(summary.data);
            setPeriods(timeline.data);
        }).catch((error) => notifyError(t('dashboard.load_failed'), error));
    }, []);

    const pick = (byCurrency) => Object.fromEntries(Object.entries(byCurrency || {}).map(([code, entry]) => [code, entry.value]));
    const wonCount = periods.reduce((sum, p) => sum + p.totals.won_count, 0);
    return (
        <div class="dashboard" data-testid="dashboard">
            <h1>{t('nav.dashboard')}</h1>
            <div class="figures">
                <div class="card figure">
                    <span class="figure-label">{t('dashboard.open_deals')}</span>
                    <span class="figure-value">{open ? formatNumber(open.total_count) : '…'}</span>
                </div>
                <div class="card figure">
                    <span class="figure-label">{t('dashboard.open_value')}</span>
                    <span class="figure-value">{open ? formatTotals(pick(open.values_total)) : '…'}</span>
                </div>
                <div class="card figure">
                    <span class="figure-label">{t('dashboard.weighted_value')}</span>
                    <span class="figure-value">{open ? formatTotals(pick(open.weighted_values_total)) : '…'}</span>
                </div>
                <div class="card figure">
                    <span class="figure-label">{t('dashboard.won_year')}</span>
                    <span class="figure-value">{formatNumber(wonCount)}</span>
                </div>
            </div>
            <section class="card">
                <WonChart periods={periods} currency="VND" />
            </section>
            <Reports />
        </div>
    );
}

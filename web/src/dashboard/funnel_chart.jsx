// The funnel: per stage, the deals that reached it, moved on and are now won, as nested bars,
// with the figures and the conversion to the next stage in a table below.
import { formatNumber, formatPercent, t } from '../i18n.js';
import { CategoryChart } from './category_chart.jsx';
import { FiguresTable } from './figures_table.jsx';
import { funnelSeries } from './report_data.js';
import { ReportCard } from './report_card.jsx';

export function FunnelChart({ report }) {
    return (
        <ReportCard title={t('reports.funnel')} report={report} testid="report-funnel"
            empty={(table) => table.rows.length === 0}>
            {(table) => {
                const s = funnelSeries(table);
                return (
                    <>
                        <CategoryChart labels={s.labels} title={t('reports.funnel')} categoryLabel={t('reports.stage')} testid="funnel-chart" series={[
                            { label: t('reports.reached'), values: s.reached, color: '#9ec5f0', bars: true, size: 0.75 },
                            { label: t('reports.moved_on'), values: s.movedOn, color: '#2f6fb8', bars: true, size: 0.5 },
                            { label: t('reports.won'), values: s.won, color: '#1d6b3a', bars: true, size: 0.25 },
                        ]} />
                        <FiguresTable testid="funnel-table" caption={t('reports.funnel')} rows={s.rows} columns={[
                            { key: 'stage', label: t('reports.stage') },
                            { key: 'reached', label: t('reports.reached'), numeric: true, format: formatNumber },
                            { key: 'moved_on', label: t('reports.moved_on'), numeric: true, format: formatNumber },
                            { key: 'conversion_to_next', label: t('reports.conversion_to_next'), numeric: true, format: formatPercent },
                            { key: 'won', label: t('reports.won'), numeric: true, format: formatNumber },
                            { key: 'lost', label: t('reports.lost'), numeric: true, format: formatNumber },
                        ]} />
                        {table.summary.win_rate != null && (
                            <p class="report-note">{t('reports.win_rate', { rate: formatPercent(table.summary.win_rate) })}</p>
                        )}
                    </>
                );
            }}
        </ReportCard>
    );
}

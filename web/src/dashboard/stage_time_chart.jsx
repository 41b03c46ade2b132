// Time in stage: the median days of the visits that left each stage, the bottleneck stage in
// its own colour and named; average, median and p90 in a table below.
import { formatNumber, t } from '../i18n.js';
import { CategoryChart } from './category_chart.jsx';
import { FiguresTable } from './figures_table.jsx';
import { stageTimeSeries } from './report_data.js';
import { ReportCard } from './report_card.jsx';

export function StageTimeChart({ report }) {
    const days = (v) => t('reports.days', { n: formatNumber(v) });
    return (
        <ReportCard title={t('reports.stage_time')} report={report} testid="report-stage-time"
            empty={(table) => table.rows.length === 0}>
            {(table) => {
                const s = stageTimeSeries(table);
                return (
                    <>
                        <CategoryChart labels={s.labels} title={t('reports.stage_time')} categoryLabel={t('reports.stage')} testid="stage-time-chart"
                            format={formatNumber} series={[
                                { label: t('reports.median_days'), values: s.median, color: '#2f6fb8', bars: true, format: days },
                                { label: t('reports.bottleneck'), values: s.bottleneck, color: '#b3261e', bars: true, format: days },
                            ]} />
                        {s.bottleneckName && (
                            <p class="report-note" data-testid="bottleneck">{t('reports.bottleneck_is', { stage: s.bottleneckName })}</p>
                        )}
                        <FiguresTable testid="stage-time-table" caption={t('reports.stage_time')} rows={s.rows} columns={[
                            { key: 'stage', label: t('reports.stage') },
                            { key: 'left_count', label: t('reports.left_count'), numeric: true, format: formatNumber },
                            { key: 'left_avg_days', label: t('reports.avg_days'), numeric: true, format: days },
                            { key: 'left_median_days', label: t('reports.median_days'), numeric: true, format: days },
                            { key: 'left_p90_days', label: t('reports.p90_days'), numeric: true, format: days },
                            { key: 'open_count', label: t('reports.open_deals'), numeric: true, format: formatNumber },
                        ]} />
                    </>
                );
            }}
        </ReportCard>
    );
}

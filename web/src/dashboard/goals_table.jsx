// Goals: each goal's target for the period, what was done, and the progress as a bar.
import { formatDate, formatMoney, formatNumber, formatPercent, t } from '../i18n.js';
import { FiguresTable } from './figures_table.jsx';
import { ReportCard } from './report_card.jsx';

function amount(metric, value, currency) {
    return metric === 'won_value' ? formatMoney(value, currency) : formatNumber(value);
}

export function GoalsTable({ report }) {
    return (
        <ReportCard title={t('reports.goals')} report={report} testid="report-goals"
            empty={(table) => table.rows.length === 0}>
            {(table) => (
                <FiguresTable testid="goals-table" caption={t('reports.goals')} rows={table.rows} columns={[
                    { key: 'assignee', label: t('reports.assignee') },
                    { key: 'metric', label: t('reports.metric'), format: (v) => t(`reports.metric_${v}`) },
                    { key: 'period_start', label: t('reports.period'), format: (v, row) => `${formatDate(v)} – ${formatDate(row.period_end)}` },
                    { key: 'target', label: t('reports.target'), numeric: true, format: (v, row) => amount(row.metric, v, table.base_currency) },
                    { key: 'actual', label: t('reports.actual'), numeric: true, format: (v, row) => amount(row.metric, v, table.base_currency) },
                    {
                        key: 'progress', label: t('reports.progress'), numeric: true, format: (v) => (
                            <span class="progress">
                                <progress max="1" value={Math.min(Number(v) || 0, 1)} aria-hidden="true" /> {formatPercent(v)}
                            </span>
                        ),
                    },
                ]} />
            )}
        </ReportCard>
    );
}

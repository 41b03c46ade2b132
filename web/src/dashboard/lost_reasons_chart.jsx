// Lost reasons: how many deals were lost for each reason (bars), with value and share below.
import { formatMoney, formatNumber, formatPercent, t } from '../i18n.js';
import { CategoryChart } from './category_chart.jsx';
import { FiguresTable } from './figures_table.jsx';
import { lostReasonTotals } from './report_data.js';
import { ReportCard } from './report_card.jsx';

// The report's own names for "no reason" and "every stage" read as words of the language.
const reasonName = (reason) => (reason === '(none)' ? t('reports.no_reason') : reason);

export function LostReasonsChart({ report }) {
    return (
        <ReportCard title={t('reports.lost_reasons')} report={report} testid="report-lost-reasons"
            empty={(table) => lostReasonTotals(table).length === 0}>
            {(table) => {
                const rows = lostReasonTotals(table);
                return (
                    <>
                        <CategoryChart labels={rows.map((r) => reasonName(r.reason))} title={t('reports.lost_reasons')}
                            categoryLabel={t('reports.reason')} testid="lost-reasons-chart" series={[
                                { label: t('reports.lost'), values: rows.map((r) => r.count), color: '#b3261e', bars: true },
                            ]} />
                        <FiguresTable testid="lost-reasons-table" caption={t('reports.lost_reasons')} rows={rows} columns={[
                            { key: 'reason', label: t('reports.reason'), format: reasonName },
                            { key: 'count', label: t('reports.lost'), numeric: true, format: formatNumber },
                            { key: 'value', label: t('reports.value'), numeric: true, format: (v) => formatMoney(v, table.base_currency) },
                            { key: 'share', label: t('reports.share'), numeric: true, format: formatPercent },
                        ]} />
                    </>
                );
            }}
        </ReportCard>
    );
}

// Stalled deals: per owner, open deals, those rotting in their stage and those with no next
// activity, with their values.
import { formatMoney, formatNumber, t } from '../i18n.js';
import { FiguresTable } from './figures_table.jsx';
import { ReportCard } from './report_card.jsx';

export function StalledTable({ report }) {
    return (
        <ReportCard title={t('reports.stalled')} report={report} testid="report-stalled"
            empty={(table) => table.rows.length === 0}>
            {(table) => {
                const money = (v) => formatMoney(v, table.base_currency);
                return (
                    <FiguresTable testid="stalled-table" caption={t('reports.stalled')} rows={table.rows} columns={[
                        { key: 'owner', label: t('reports.owner') },
                        { key: 'open', label: t('reports.open_deals'), numeric: true, format: formatNumber },
                        { key: 'rotting', label: t('reports.rotting'), numeric: true, format: formatNumber },
                        { key: 'rotting_value', label: t('reports.rotting_value'), numeric: true, format: money },
                        { key: 'no_next_activity', label: t('reports.no_next_activity'), numeric: true, format: formatNumber },
                        { key: 'no_next_activity_value', label: t('reports.no_next_activity_value'), numeric: true, format: money },
                    ]} />
                );
            }}
        </ReportCard>
    );
}

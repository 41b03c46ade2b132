// The leaderboard: per user, then per team, activities done, deals added, won and lost, win
// rate and won value.
import { formatMoney, formatNumber, formatPercent, t } from '../i18n.js';
import { FiguresTable } from './figures_table.jsx';
import { ReportCard } from './report_card.jsx';

export function LeaderboardTable({ report }) {
    return (
        <ReportCard title={t('reports.leaderboard')} report={report} testid="report-leaderboard"
            empty={(table) => table.rows.length === 0}>
            {(table) => (
                <FiguresTable testid="leaderboard-table" caption={t('reports.leaderboard')} rows={table.rows} columns={[
                    { key: 'name', label: t('reports.name'), format: (v, row) => (row.kind === 'team' ? t('reports.team_name', { name: v }) : v) },
                    { key: 'activities_done', label: t('reports.activities_done'), numeric: true, format: formatNumber },
                    { key: 'deals_added', label: t('reports.deals_added'), numeric: true, format: formatNumber },
                    { key: 'won', label: t('reports.won'), numeric: true, format: formatNumber },
                    { key: 'lost', label: t('reports.lost'), numeric: true, format: formatNumber },
                    { key: 'win_rate', label: t('reports.win_rate_short'), numeric: true, format: formatPercent },
                    { key: 'won_value', label: t('reports.won_value'), numeric: true, format: (v) => formatMoney(v, table.base_currency) },
                ]} />
            )}
        </ReportCard>
    );
}

// The forecast: open value expected to close each month, raw and weighted by probability, as
// lines over the value won in the month (bars), with the figures in a table below.
import { formatMoney, lang, t } from '../i18n.js';
import { CategoryChart } from './category_chart.jsx';
import { FiguresTable } from './figures_table.jsx';
import { forecastSeries } from './report_data.js';
import { ReportCard } from './report_card.jsx';

// "2026-11" as the language's short month ("Nov 26", "thg 11 26").
function monthName(month) {
    const [y, m] = month.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(lang() === 'vi' ? 'vi-VN' : 'en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });
}

export function ForecastChart({ report }) {
    return (
        <ReportCard title={t('reports.forecast')} report={report} testid="report-forecast"
            empty={(table) => forecastSeries(table).rows.length === 0}>
            {(table) => {
                const s = forecastSeries(table);
                const money = (v) => formatMoney(v, table.base_currency);
                return (
                    <>
                        <CategoryChart labels={s.labels.map(monthName)} title={t('reports.forecast_title', { currency: table.base_currency })}
                            categoryLabel={t('reports.month')} testid="forecast-chart" format={money} series={[
                                { label: t('reports.won_value'), values: s.won, color: '#1d6b3a', bars: true, size: 0.5 },
                                { label: t('reports.open_value'), values: s.open, color: '#2f6fb8' },
                                { label: t('reports.weighted_value'), values: s.weighted, color: '#b8572f' },
                            ]} />
                        <FiguresTable testid="forecast-table" caption={t('reports.forecast')} rows={s.rows} columns={[
                            { key: 'month', label: t('reports.month') },
                            { key: 'open', label: t('reports.open_deals'), numeric: true },
                            { key: 'open_value', label: t('reports.open_value'), numeric: true, format: money },
                            { key: 'weighted_value', label: t('reports.weighted_value'), numeric: true, format: money },
                            { key: 'won_value', label: t('reports.won_value'), numeric: true, format: money },
                        ]} />
                        {s.undated && s.undated.open > 0 && (
                            <p class="report-note">{t('reports.undated', { n: s.undated.open, value: money(s.undated.open_value) })}</p>
                        )}
                    </>
                );
            }}
        </ReportCard>
    );
}

// A dashboard panel for one report: its title, then the loading line, the error, a note that
// there is nothing to show, or the children made from the report's table.
import { t } from '../i18n.js';

export function ReportCard({ title, report, testid, empty, children }) {
    const { table, error, loading } = report;
    let body;
    if (error) {
        body = <p class="form-error" role="alert">{t('reports.failed', { message: error.message })}</p>;
    } else if (!table) {
        body = <p class="loading">{t('common.loading')}</p>;
    } else if (empty && empty(table)) {
        body = <p class="muted">{t('reports.no_data')}</p>;
    } else {
        body = children(table);
    }
    return (
        <section class="card report-card" data-testid={testid} aria-busy={loading ? 'true' : 'false'}>
            <h2>{title}</h2>
            {body}
        </section>
    );
}

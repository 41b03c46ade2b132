// The user's recent imports (GET /api/v1/imports), newest first, each a link to its job page:
// an import can be found again after leaving its page.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';
import { notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';

export function RecentImports() {
    const [jobs, setJobs] = useState(null);
    useEffect(() => {
        get('/api/v1/imports', { limit: 10 })
            .then((answer) => setJobs(answer.data))
            .catch((error) => notifyError(t('import.load_failed'), error));
    }, []);
    if (!jobs) {
        return null;
    }
    return (
        <section class="card" aria-labelledby="recent-imports-title">
            <h2 id="recent-imports-title">{t('import.recent')}</h2>
            {jobs.length === 0 ? <p class="empty">{t('import.none')}</p> : (
                <table class="table" data-testid="recent-imports">
                    <thead>
                        <tr>
                            <th scope="col">{t('import.file')}</th>
                            <th scope="col">{t('import.kind')}</th>
                            <th scope="col">{t('import.started')}</th>
                            <th scope="col">{t('import.status')}</th>
                            <th scope="col" class="num">{t('import.rows')}</th>
                            <th scope="col" class="num">{t('import.rejected')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {jobs.map((job) => (
                            <tr key={job.id}>
                                <td>
                                    <a href={`/import/${job.id}`} onClick={(e) => linkClick(e, `/import/${job.id}`)}>
                                        {job.file_name || t('import.untitled', { id: job.id })}
                                    </a>
                                    {job.dry_run && <span class="badge badge-warning">{t('import.dry_run_badge')}</span>}
                                </td>
                                <td>{t(`import.kind_${job.kind}`)}</td>
                                <td>{formatDateTime(job.add_time)}</td>
                                <td>{t(`import.status_${job.status}`)}</td>
                                <td class="num">{formatNumber(job.rows_done)} / {formatNumber(job.rows_total)}</td>
                                <td class="num">{formatNumber(job.rejected)}</td>
                            </tr>
                        ))}
                    </tbody>
                </table>
            )}
        </section>
    );
}

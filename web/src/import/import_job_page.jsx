// One import job (/import/{id}): a progress bar (rows done of the total, rows per second)
// polled from GET /api/v1/imports/{id} while it runs, then its summary and the rejected rows to
// download. The job runs in the server, so this page can be left and opened again at any time.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../api.js';
import { formatDateTime, formatDuration, formatNumber, t } from '../i18n.js';
import { notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';
import { listPathOf, overallRate, percentDone, rowsPerSecond, timeLeftMs } from './import_logic.js';
import './import.css';

const pollMs = 500;

export function ImportJobPage({ id }) {
    const [job, setJob] = useState(null);
    const [missing, setMissing] = useState(false);
    const samples = useRef([]);

    useEffect(() => {
        let timer = null;
        let stopped = false;
        samples.current = [];
        async function poll() {
            try {
                const answer = await get(`/api/v1/imports/${id}`);
                if (stopped) {
                    return;
                }
                samples.current = [...samples.current, { at: Date.now(), rows: answer.data.rows_done }].slice(-20);
                setJob(answer.data);
                if (answer.data.status === 'running') {
                    timer = setTimeout(poll, pollMs);
                }
            } catch (error) {
                if (stopped) {
                    return;
                }
                if (error.status === 404) {
                    setMissing(true);
                    return;
                }
                notifyError(t('import.load_failed'), error);
                timer = setTimeout(poll, pollMs * 4);
            }
        }
        poll();
        return () => {
            stopped = true;
            clearTimeout(timer);
        };
    }, [id]);

    if (missing) {
        return <p role="alert">{t('import.not_found')}</p>;
    }
    if (!job) {
        return <p class="loading">{t('common.loading')}</p>;
    }
    const running = job.status === 'running';
    const rate = running ? rowsPerSecond(samples.current) : overallRate(job);
    const list = listPathOf(job.kind);
    const left = timeLeftMs(job, rate);
    return (
        <div class="list-page import-page" data-testid="import-job" data-status={job.status}>
            <div class="toolbar">
                <h1>{t('import.job_title', { name: job.file_name || t('import.untitled', { id: job.id }) })}</h1>
                <span class="spacer" />
                <a href="/import" class="button" onClick={(e) => linkClick(e, '/import')}>{t('import.new')}</a>
            </div>
            <p class="hint">
                {t(`import.kind_${job.kind}`)} · {t('import.started_at', { time: formatDateTime(job.add_time) })}
                {job.dry_run && <> · <span class="badge badge-warning">{t('import.dry_run_badge')}</span></>}
            </p>
            <section class="card" aria-labelledby="import-progress-title">
                <h2 id="import-progress-title">{t(`import.status_${job.status}`)}</h2>
                <progress id="import-progress" max="100" value={percentDone(job)} data-testid="import-progress"
                    aria-label={t('import.progress')} />
                <p data-testid="import-rows" role="status">
                    {t('import.rows_done', { done: formatNumber(job.rows_done), total: formatNumber(job.rows_total) })}
                    {rate !== null && ` · ${t('import.rate', { rate: formatNumber(Math.round(rate)) })}`}
                    {left !== null && ` · ${t('import.time_left', { time: left < 60_000 ? t('import.seconds', { n: Math.ceil(left / 1000) }) : formatDuration(left) })}`}
                </p>
                {running && <p class="hint">{t('import.leave_hint')}</p>}
                {job.status === 'failed' && <p class="form-error" role="alert">{t('import.failed', { error: job.error || t('error.unknown') })}</p>}
            </section>
            {!running && <ImportSummary job={job} list={list} />}
        </div>
    );
}

function ImportSummary({ job, list }) {
    const figures = [
        ['created', job.created],
        ['updated', job.updated],
        ['skipped', job.skipped],
        ['rejected', job.rejected],
    ];
    if (job.organizations_created) {
        figures.push(['organizations_created', job.organizations_created]);
    }
    if (job.persons_created) {
        figures.push(['persons_created', job.persons_created]);
    }
    return (
        <section class="card" aria-labelledby="import-summary-title" data-testid="import-summary">
            <h2 id="import-summary-title">{t('import.summary')}</h2>
            {job.dry_run && <p class="hint">{t('import.dry_run_done')}</p>}
            <dl class="import-figures">
                {figures.map(([name, value]) => (
                    <div key={name} data-testid={`import-${name}`}>
                        <dt>{t(`import.figure_${name}`)}</dt>
                        <dd>{formatNumber(value)}</dd>
                    </div>
                ))}
            </dl>
            {job.ignored_columns.length > 0 && (
                <p class="hint">{t('import.ignored_columns', { columns: job.ignored_columns.join(', ') })}</p>
            )}
            <div class="toolbar">
                {job.rejected > 0 && (
                    <a class="button" href={`/api/v1/imports/${job.id}/rejected`} download data-testid="import-rejected-download">
                        {t('import.download_rejected', { n: formatNumber(job.rejected) })}
                    </a>
                )}
                {!job.dry_run && (
                    <a class="button" href={list} onClick={(e) => linkClick(e, list)}>{t('import.open_list')}</a>
                )}
            </div>
        </section>
    );
}

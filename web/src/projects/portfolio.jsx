// The project portfolio: the projects of a project pipeline by stage and status, each person's
// hours a week across all projects with over-allocation flagged, and the time in each stage
// (GET /api/v1/reports/portfolio); adding a project pipeline from the template and a project.
import { useEffect, useState } from 'preact/hooks';
import { get, getAll, post } from '../api.js';
import { formatDate, formatNumber, t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';
import { linkClick, navigate } from '../router.js';
import { ProjectStatus } from './status.jsx';

const days = (value) => (value === null || value === undefined ? '–' : formatNumber(value));

function AddPipelineForm({ onAdded }) {
    const [name, setName] = useState('');
    const [language, setLanguage] = useState('en');

    async function submit(event) {
        event.preventDefault();
        try {
            const answer = await post('/api/v2/pipelines', {
                name: name.trim() || t('portfolio.default_name'), kind: 'project', language,
            });
            notify(t('portfolio.pipeline_added', { name: answer.data.name }));
            setName('');
            onAdded(answer.data.id);
        } catch (error) {
            notifyError(t('portfolio.add_failed'), error);
        }
    }

    return (
        <form class="inline-form" onSubmit={submit} aria-label={t('portfolio.add_pipeline')}>
            <label>
                <span>{t('portfolio.pipeline_name')}</span>
                <input id="project-pipeline-name" value={name} placeholder={t('portfolio.default_name')}
                    onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label>
                <span>{t('portfolio.template_language')}</span>
                <select id="project-pipeline-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
                    <option value="en">{t('portfolio.language_en')}</option>
                    <option value="vi">{t('portfolio.language_vi')}</option>
                </select>
            </label>
            <button type="submit">{t('portfolio.add_pipeline')}</button>
        </form>
    );
}

function AddProjectForm({ pipelineId }) {
    const [title, setTitle] = useState('');

    async function submit(event) {
        event.preventDefault();
        try {
            const answer = await post('/api/v1/projects', { title, pipeline_id: pipelineId });
            notify(t('project.created', { title: answer.data.title }));
            navigate(`/projects/${answer.data.id}`);
        } catch (error) {
            notifyError(t('portfolio.add_failed'), error);
        }
    }

    return (
        <form class="inline-form" onSubmit={submit} aria-label={t('project.add')}>
            <label>
                <span>{t('project.title')}</span>
                <input id="new-project-title" value={title} required onInput={(e) => setTitle(e.currentTarget.value)} />
            </label>
            <button type="submit" class="primary">{t('project.add')}</button>
        </form>
    );
}

function Workload({ table }) {
    const capacity = table.summary.capacity;
    const weeks = table.columns.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c));
    return (
        <section class="card" aria-labelledby="workload-title">
            <h2 id="workload-title">{t('portfolio.workload')}</h2>
            <p class="hint">{t('portfolio.workload_hint', { capacity })}</p>
            <table class="table" data-testid="workload">
                <thead>
                    <tr>
                        <th>{t('portfolio.person')}</th>
                        {weeks.map((week) => <th key={week} class="num">{formatDate(week)}</th>)}
                    </tr>
                </thead>
                <tbody>
                    {table.rows.map((row) => (
                        <tr key={row.user_id} data-user-id={row.user_id} data-over={row.over_allocated}>
                            <th scope="row">
                                {row.person}
                                {row.over_allocated === 'yes' && <span class="badge badge-warning">{t('portfolio.over')}</span>}
                            </th>
                            {weeks.map((week) => (
                                <td key={week} class={`num${row[week] > capacity ? ' over-allocated' : ''}`}>
                                    {formatNumber(row[week])}
                                </td>
                            ))}
                        </tr>
                    ))}
                </tbody>
            </table>
            {table.rows.length === 0 && <p class="empty">{t('portfolio.no_members')}</p>}
        </section>
    );
}

export function Portfolio() {
    const [pipelines, setPipelines] = useState(null);
    const [pipelineId, setPipelineId] = useState(Number(localStorage.getItem('pipecrm.project_pipeline')) || null);
    const [data, setData] = useState(null);

    async function loadPipelines(choose) {
        try {
            const all = (await getAll('/api/v2/pipelines')).filter((p) => p.kind === 'project');
            setPipelines(all);
            const wanted = choose || pipelineId;
            setPipelineId(all.some((p) => p.id === wanted) ? wanted : (all[0] ? all[0].id : null));
        } catch (error) {
            notifyError(t('portfolio.load_failed'), error);
        }
    }

    useEffect(() => {
        loadPipelines();
    }, []);

    useEffect(() => {
        if (!pipelineId) {
            return;
        }
        localStorage.setItem('pipecrm.project_pipeline', String(pipelineId));
        get('/api/v1/reports/portfolio', { pipeline_id: pipelineId })
            .then((answer) => setData(answer.data))
            .catch((error) => notifyError(t('portfolio.load_failed'), error));
    }, [pipelineId]);

    if (pipelines === null) {
        return <p class="loading">{t('common.loading')}</p>;
    }
    const projects = data ? data.projects : null;
    return (
        <div class="portfolio-page">
            <h1>{t('portfolio.title')}</h1>
            <div class="toolbar">
                {pipelines.length > 0 && (
                    <label>
                        <span>{t('portfolio.pipeline')}</span>
                        <select value={pipelineId || ''} data-testid="project-pipeline-select"
                            onChange={(e) => setPipelineId(Number(e.currentTarget.value))}>
                            {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                        </select>
                    </label>
                )}
                {pipelineId && <AddProjectForm pipelineId={pipelineId} />}
            </div>
            {pipelines.length === 0 && <p class="empty">{t('portfolio.none')}</p>}
            <details class="card" open={pipelines.length === 0}>
                <summary>{t('portfolio.add_pipeline')}</summary>
                <AddPipelineForm onAdded={(id) => loadPipelines(id)} />
            </details>
            {projects && (
                <>
                    <p class="portfolio-summary" data-testid="portfolio-summary">
                        <ProjectStatus status="on_track" /> {formatNumber(projects.summary.on_track)}{' '}
                        <ProjectStatus status="at_risk" /> {formatNumber(projects.summary.at_risk)}{' '}
                        <ProjectStatus status="late" /> {formatNumber(projects.summary.late)}
                    </p>
                    <section class="card" aria-labelledby="projects-title">
                        <h2 id="projects-title">{t('portfolio.projects')}</h2>
                        <table class="table" data-testid="portfolio-projects">
                            <thead>
                                <tr>
                                    <th>{t('project.title')}</th>
                                    <th>{t('project.stage')}</th>
                                    <th>{t('project.status')}</th>
                                    <th class="num">{t('project.progress')}</th>
                                    <th>{t('project.due_date')}</th>
                                    <th>{t('project.owner')}</th>
                                    <th class="num">{t('project.hours')}</th>
                                    <th class="num">{t('project.high_risks')}</th>
                                    <th class="num">{t('project.days_in_stage')}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {projects.rows.map((row) => (
                                    <tr key={row.id} data-project-id={row.id}>
                                        <td>
                                            <a href={`/projects/${row.id}`} onClick={(e) => linkClick(e, `/projects/${row.id}`)}>{row.title}</a>
                                        </td>
                                        <td>{row.stage}</td>
                                        <td><ProjectStatus status={row.status} /></td>
                                        <td class="num">{formatNumber(row.progress)}</td>
                                        <td>{row.due_date ? formatDate(row.due_date) : '–'}</td>
                                        <td>{row.owner}</td>
                                        <td class="num">{formatNumber(row.hours_per_week)}</td>
                                        <td class="num">{formatNumber(row.open_high_risks)}</td>
                                        <td class="num">{formatNumber(row.days_in_stage)}</td>
                                    </tr>
                                ))}
                            </tbody>
                        </table>
                        {projects.rows.length === 0 && <p class="empty">{t('portfolio.empty')}</p>}
                    </section>
                    <section class="card" aria-labelledby="by-stage-title">
                        <h2 id="by-stage-title">{t('portfolio.by_stage')}</h2>
                        <table class="table" data-testid="portfolio-stages">
                            <thead>
                                <tr>
                                    <th>{t('project.stage')}</th>
                                    <th class="num">{t('portfolio.count')}</th>
                                    <th class="num">{t('project.status_on_track')}</th>
                                    <th class="num">{t('project.status_at_risk')}</th>
                                    <th class="num">{t('project.status_late')}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {data.stages.rows.map((row) => (
                                    <tr key={row.stage_id}>
                                        <td>{row.stage}</td>
                                        <td class="num">{formatNumber(row.projects)}</td>
                                        <td class="num">{formatNumber(row.on_track)}</td>
                                        <td class="num">{formatNumber(row.at_risk)}</td>
                                        <td class="num">{formatNumber(row.late)}</td>
                                    </tr>
                                ))}
                            </tbody>
                        </table>
                    </section>
                    <Workload table={data.workload} />
                    <section class="card" aria-labelledby="stage-time-title">
                        <h2 id="stage-time-title">{t('portfolio.stage_time')}</h2>
                        <table class="table" data-testid="portfolio-stage-time">
                            <thead>
                                <tr>
                                    <th>{t('project.stage')}</th>
                                    <th class="num">{t('portfolio.median_left')}</th>
                                    <th class="num">{t('portfolio.median_open')}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {data.stage_time.rows.map((row) => (
                                    <tr key={row.stage_id}>
                                        <td>{row.stage}</td>
                                        <td class="num">{days(row.left_median_days)}</td>
                                        <td class="num">{days(row.open_median_days)}</td>
                                    </tr>
                                ))}
                            </tbody>
                        </table>
                    </section>
                </>
            )}
        </div>
    );
}

// A project: its derived status, the stage bar (the deal routes move it), dates, progress and
// budget, members with their hours a week, risks and milestones (/api/v1/projects/{id}/…).
import { useEffect, useState } from 'preact/hooks';
import { del, get, getAll, patch, post } from '../api.js';
import { formatDate, formatMoney, t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';
import { ProjectStatus } from './status.jsx';

const levels = [['low', 'project.level_low'], ['medium', 'project.level_medium'], ['high', 'project.level_high']];
const levelLabel = (level) => t((levels.find(([value]) => value === level) || levels[1])[1]);

function LevelSelect({ id, value, onChange }) {
    return (
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
            {levels.map(([level, key]) => <option key={level} value={level}>{t(key)}</option>)}
        </select>
    );
}

function DetailsForm({ project, onSave }) {
    const [start, setStart] = useState(project.start_date || '');
    const [due, setDue] = useState(project.due_date || '');
    const [progress, setProgress] = useState(String(project.progress));
    const [budget, setBudget] = useState(project.budget === null ? '' : String(project.budget));
    const [currency, setCurrency] = useState(project.budget_currency || '');

    function submit(event) {
        event.preventDefault();
        const body = { start_date: start || null, due_date: due || null, progress: Number(progress) };
        if (budget !== '') {
            body.budget = budget;
            if (currency) {
                body.budget_currency = currency.toUpperCase();
            }
        }
        onSave(body);
    }

    return (
        <form class="card project-details" onSubmit={submit} aria-label={t('project.details')}>
            <h2>{t('project.details')}</h2>
            <label><span>{t('project.start_date')}</span>
                <input id="project-start" type="date" value={start} onInput={(e) => setStart(e.currentTarget.value)} /></label>
            <label><span>{t('project.due_date')}</span>
                <input id="project-due" type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} /></label>
            <label><span>{t('project.progress')}</span>
                <input id="project-progress" type="number" min="0" max="100" value={progress}
                    onInput={(e) => setProgress(e.currentTarget.value)} /></label>
            <label><span>{t('project.budget')}</span>
                <input id="project-budget" inputMode="decimal" value={budget} onInput={(e) => setBudget(e.currentTarget.value)} /></label>
            <label><span>{t('project.currency')}</span>
                <input id="project-currency" maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} /></label>
            {project.budget !== null && <p>{formatMoney(project.budget, project.budget_currency)}</p>}
            <button type="submit">{t('action.save')}</button>
        </form>
    );
}

function Members({ project, users, onAdd, onRemove }) {
    const [userId, setUserId] = useState('');
    const [hours, setHours] = useState('');
    const name = (id) => (users.find((u) => u.id === id) || { name: `#${id}` }).name;

    function submit(event) {
        event.preventDefault();
        onAdd({ user_id: Number(userId), hours_per_week: Number(hours) });
        setHours('');
    }

    return (
        <section class="card" aria-labelledby="members-title">
            <h2 id="members-title">{t('project.members')}</h2>
            <ul class="plain-list" data-testid="project-members">
                {project.members.map((m) => (
                    <li key={m.user_id} data-user-id={m.user_id}>
                        {name(m.user_id)} — {t('project.hours_value', { hours: m.hours_per_week })}{' '}
                        <button type="button" class="link" onClick={() => onRemove(m.user_id)}>
                            {t('project.remove_member', { name: name(m.user_id) })}
                        </button>
                    </li>
                ))}
            </ul>
            <form class="inline-form" onSubmit={submit}>
                <label><span>{t('project.member')}</span>
                    <select id="member-user" value={userId} required onChange={(e) => setUserId(e.currentTarget.value)}>
                        <option value="">{t('project.choose_member')}</option>
                        {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                    </select></label>
                <label><span>{t('project.hours')}</span>
                    <input id="member-hours" type="number" min="0" max="168" required value={hours}
                        onInput={(e) => setHours(e.currentTarget.value)} /></label>
                <button type="submit">{t('project.add_member')}</button>
            </form>
        </section>
    );
}

function Risks({ project, onAdd, onChange }) {
    const [description, setDescription] = useState('');
    const [likelihood, setLikelihood] = useState('medium');
    const [impact, setImpact] = useState('medium');
    const [contingency, setContingency] = useState('');

    function submit(event) {
        event.preventDefault();
        onAdd({ description, likelihood, impact, contingency });
        setDescription('');
        setContingency('');
    }

    return (
        <section class="card risks-card" aria-labelledby="risks-title">
            <h2 id="risks-title">{t('project.risks')}</h2>
            <table class="table" data-testid="project-risks">
                <thead>
                    <tr>
                        <th>{t('project.risk_description')}</th>
                        <th>{t('project.likelihood')}</th>
                        <th>{t('project.impact')}</th>
                        <th>{t('project.contingency')}</th>
                        <th>{t('project.status')}</th>
                    </tr>
                </thead>
                <tbody>
                    {project.risks.map((r) => (
                        <tr key={r.id} data-risk-id={r.id} class={r.high ? 'high-risk' : ''}>
                            <td>{r.description}</td>
                            <td>{levelLabel(r.likelihood)}</td>
                            <td>{levelLabel(r.impact)}</td>
                            <td>{r.contingency}</td>
                            <td>
                                {r.status === 'open' ? t('project.risk_open') : t('project.risk_closed')}{' '}
                                <button type="button" class="link"
                                    onClick={() => onChange(r.id, { status: r.status === 'open' ? 'closed' : 'open' })}>
                                    {r.status === 'open' ? t('project.close_risk') : t('project.reopen_risk')}
                                </button>
                            </td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <form class="inline-form" onSubmit={submit}>
                <label><span>{t('project.risk_description')}</span>
                    <input id="risk-description" required value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></label>
                <label><span>{t('project.likelihood')}</span>
                    <LevelSelect id="risk-likelihood" value={likelihood} onChange={setLikelihood} /></label>
                <label><span>{t('project.impact')}</span>
                    <LevelSelect id="risk-impact" value={impact} onChange={setImpact} /></label>
                <label><span>{t('project.contingency')}</span>
                    <input id="risk-contingency" value={contingency} onInput={(e) => setContingency(e.currentTarget.value)} /></label>
                <button type="submit">{t('project.add_risk')}</button>
            </form>
        </section>
    );
}

function Milestones({ project, onAdd, onChange }) {
    const [name, setName] = useState('');
    const [due, setDue] = useState('');

    function submit(event) {
        event.preventDefault();
        onAdd({ name, due_date: due });
        setName('');
    }

    return (
        <section class="card" aria-labelledby="milestones-title">
            <h2 id="milestones-title">{t('project.milestones')}</h2>
            <ul class="plain-list" data-testid="project-milestones">
                {project.milestones.map((m) => (
                    <li key={m.id}>
                        <label class="checkbox">
                            <input type="checkbox" checked={m.done} onChange={(e) => onChange(m.id, { done: e.currentTarget.checked })} />
                            <span>{m.name} — {formatDate(m.due_date)}</span>
                        </label>
                    </li>
                ))}
            </ul>
            <form class="inline-form" onSubmit={submit}>
                <label><span>{t('project.milestone_name')}</span>
                    <input id="milestone-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
                <label><span>{t('project.due_date')}</span>
                    <input id="milestone-due" type="date" required value={due} onInput={(e) => setDue(e.currentTarget.value)} /></label>
                <button type="submit">{t('project.add_milestone')}</button>
            </form>
        </section>
    );
}

export function ProjectPage({ id }) {
    const [project, setProject] = useState(null);
    const [stages, setStages] = useState([]);
    const [users, setUsers] = useState([]);
    const [error, setError] = useState('');
    const [version, setVersion] = useState(0);

    useEffect(() => {
        (async () => {
            try {
                const answer = await get(`/api/v1/projects/${id}`);
                const [stageList, userList] = await Promise.all([
                    getAll('/api/v2/stages', { pipeline_id: answer.data.pipeline_id }),
                    get('/api/v1/users'),
                ]);
                stageList.sort((a, b) => a.order_nr - b.order_nr);
                setStages(stageList);
                setUsers((userList.data || []).filter((u) => u.active_flag !== false));
                setProject(answer.data);
            } catch (e) {
                setError(e.status === 404 ? t('project.not_found') : e.message);
            }
        })();
    }, [id]);

    // Each change answers with the whole project, its status derived again.
    async function run(request, action) {
        try {
            const answer = await request();
            setProject(answer.data);
            setVersion((v) => v + 1);
            notify(t('project.saved'));
        } catch (e) {
            notifyError(action, e);
        }
    }

    async function move(stage) {
        try {
            await patch(`/api/v2/deals/${id}`, { stage_id: stage.id });
            const answer = await get(`/api/v1/projects/${id}`);
            setProject(answer.data);
            notify(t('project.moved', { title: answer.data.title, stage: stage.name }));
        } catch (e) {
            notifyError(t('board.move_failed', { title: project.title }), e);
        }
    }

    if (error) {
        return <p role="alert">{error}</p>;
    }
    if (!project) {
        return <p class="loading">{t('common.loading')}</p>;
    }
    const stageIndex = stages.findIndex((s) => s.id === project.stage_id);
    const failed = t('project.save_failed');
    return (
        <div class="project-page">
            <p><a href="/portfolio" onClick={(e) => linkClick(e, '/portfolio')}>{t('portfolio.title')}</a></p>
            <h1>{project.title} <ProjectStatus status={project.project_status} testId="project-status" /></h1>
            {project.finished && <p class="hint">{t('project.finished')}</p>}
            <p>
                <a href={`/deals/${id}`} onClick={(e) => linkClick(e, `/deals/${id}`)}>{t('project.deal_page')}</a>
            </p>
            <ol class="stage-bar" aria-label={t('project.stage')}>
                {stages.map((stage, i) => (
                    <li key={stage.id} class={i <= stageIndex ? 'reached' : ''}>
                        <button type="button" aria-current={stage.id === project.stage_id ? 'step' : undefined}
                            onClick={() => move(stage)}>
                            {stage.name}
                        </button>
                    </li>
                ))}
            </ol>
            <div class="project-columns">
                <DetailsForm key={`details-${version}`} project={project}
                    onSave={(body) => run(() => patch(`/api/v1/projects/${id}`, body), failed)} />
                <Members project={project} users={users}
                    onAdd={(body) => run(() => post(`/api/v1/projects/${id}/members`, body), failed)}
                    onRemove={(userId) => run(() => del(`/api/v1/projects/${id}/members/${userId}`), failed)} />
                <Risks project={project}
                    onAdd={(body) => run(() => post(`/api/v1/projects/${id}/risks`, body), failed)}
                    onChange={(riskId, body) => run(() => patch(`/api/v1/projects/${id}/risks/${riskId}`, body), failed)} />
                <Milestones project={project}
                    onAdd={(body) => run(() => post(`/api/v1/projects/${id}/milestones`, body), failed)}
                    onChange={(milestoneId, body) => run(() => patch(`/api/v1/projects/${id}/milestones/${milestoneId}`, body), failed)} />
            </div>
        </div>
    );
}

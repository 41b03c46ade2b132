// The dashboard's shared filters: pipeline, period (from, to) and owner or team, applied to
// every report panel.
import { useEffect, useState } from 'preact/hooks';
import { get, getAll } from '../api.js';
import { t } from '../i18n.js';

export function FilterRow({ filters, onChange }) {
    const [pipelines, setPipelines] = useState([]);
    const [users, setUsers] = useState([]);
    const [teams, setTeams] = useState([]);

    useEffect(() => {
        getAll('/api/v2/pipelines').then(setPipelines, () => setPipelines([]));
        get('/api/v1/users').then((answer) => setUsers(answer.data || []), () => setUsers([]));
        get('/api/v1/teams').then((answer) => setTeams(answer.data || []), () => setTeams([]));
    }, []);

    const set = (key) => (event) => onChange({ ...filters, [key]: event.currentTarget.value });
    return (
        <form class="toolbar report-filters" role="search" aria-label={t('reports.filters')}
            onSubmit={(e) => e.preventDefault()}>
            <label>
                <span>{t('board.pipeline')}</span>
                <select value={filters.pipelineId} onChange={set('pipelineId')} data-testid="report-pipeline">
                    <option value="">{t('reports.first_pipeline')}</option>
                    {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </select>
            </label>
            <label>
                <span>{t('reports.from')}</span>
                <input type="date" value={filters.from} max={filters.to || undefined} onInput={set('from')} data-testid="report-from" />
            </label>
            <label>
                <span>{t('reports.to')}</span>
                <input type="date" value={filters.to} min={filters.from || undefined} onInput={set('to')} data-testid="report-to" />
            </label>
            <label>
                <span>{t('reports.owner_or_team')}</span>
                <select value={filters.scope} onChange={set('scope')} data-testid="report-scope">
                    <option value="">{t('board.everyone')}</option>
                    {users.length > 0 && (
                        <optgroup label={t('reports.users')}>
                            {users.map((u) => <option key={u.id} value={`user:${u.id}`}>{u.name}</option>)}
                        </optgroup>
                    )}
                    {teams.length > 0 && (
                        <optgroup label={t('reports.teams')}>
                            {teams.map((team) => <option key={team.id} value={`team:${team.id}`}>{team.name}</option>)}
                        </optgroup>
                    )}
                </select>
            </label>
        </form>
    );
}

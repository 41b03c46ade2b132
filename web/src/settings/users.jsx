// Settings: the workspace's users (add, change role, disable) and teams (add, add members).
import { useEffect, useState } from 'preact/hooks';
import { get, post, put } from '../api.js';
import { t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';

const roles = ['admin', 'manager', 'member'];

function AddUserForm({ onAdded }) {
    const [email, setEmail] = useState('');
    const [name, setName] = useState('');
    const [role, setRole] = useState('member');
    const [password, setPassword] = useState('');

    async function submit(event) {
        event.preventDefault();
        const body = { email, role };
        if (name) {
            body.name = name;
        }
        if (password) {
            body.password = password;
        }
        try {
            await post('/api/v1/users', body);
            setEmail('');
            setName('');
            setPassword('');
            notify(t('settings.saved'));
            onAdded();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    return (
        <form class="inline-form" onSubmit={submit}>
            <label>
                <span>{t('contacts.email')}</span>
                <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </label>
            <label>
                <span>{t('contacts.name')}</span>
                <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label>
                <span>{t('settings.role')}</span>
                <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
                    {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                </select>
            </label>
            <label>
                <span>{t('settings.password')}</span>
                <input type="password" autocomplete="new-password" minLength={8} value={password}
                    onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <button type="submit">{t('settings.add_user')}</button>
        </form>
    );
}

function Teams({ users }) {
    const [teams, setTeams] = useState([]);
    const [name, setName] = useState('');
    const [manager, setManager] = useState('');
    const [teamId, setTeamId] = useState('');
    const [userId, setUserId] = useState('');
    const userName = (id) => (users.find((u) => u.id === id) || { name: `#${id}` }).name;

    async function load() {
        try {
            setTeams((await get('/api/v1/teams')).data || []);
        } catch (error) {
            notifyError(t('settings.load_failed'), error);
        }
    }

    useEffect(() => {
        load();
    }, []);

    async function run(action) {
        try {
            await action();
            notify(t('settings.saved'));
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    return (
        <>
            <h3>{t('settings.teams')}</h3>
            <ul class="plain-list">
                {teams.map((team) => (
                    <li key={team.id}>
                        <strong>{team.name}</strong>
                        {team.manager_id ? ` · ${t('role.manager')}: ${userName(team.manager_id)}` : ''}
                        {' · '}{team.users.map(userName).join(', ') || t('common.empty')}
                    </li>
                ))}
            </ul>
            <form class="inline-form" onSubmit={(e) => {
                e.preventDefault();
                run(async () => {
                    await post('/api/v1/teams', manager ? { name, manager_id: Number(manager) } : { name });
                    setName('');
                });
            }}>
                <label>
                    <span>{t('settings.team_name')}</span>
                    <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <label>
                    <span>{t('role.manager')}</span>
                    <select value={manager} onChange={(e) => setManager(e.currentTarget.value)}>
                        <option value="">{t('common.empty')}</option>
                        {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                    </select>
                </label>
                <button type="submit">{t('settings.add_team')}</button>
            </form>
            <form class="inline-form" onSubmit={(e) => {
                e.preventDefault();
                run(() => post(`/api/v1/teams/${teamId}/users`, { users: [Number(userId)] }));
            }}>
                <label>
                    <span>{t('settings.team')}</span>
                    <select required value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
                        <option value="">{t('merge.choose')}</option>
                        {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('settings.member')}</span>
                    <select required value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
                        <option value="">{t('merge.choose')}</option>
                        {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                    </select>
                </label>
                <button type="submit">{t('settings.add_member')}</button>
            </form>
        </>
    );
}

export function UserSettings() {
    const [users, setUsers] = useState([]);

    async function load() {
        try {
            setUsers((await get('/api/v1/users')).data || []);
        } catch (error) {
            notifyError(t('settings.load_failed'), error);
        }
    }

    useEffect(() => {
        load();
    }, []);

    async function change(user, body) {
        try {
            await put(`/api/v1/users/${user.id}`, body);
            notify(t('settings.saved'));
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
        load();
    }

    return (
        <section class="card" aria-labelledby="settings-users">
            <h2 id="settings-users">{t('settings.users')}</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t('contacts.name')}</th>
                        <th scope="col">{t('contacts.email')}</th>
                        <th scope="col">{t('settings.role')}</th>
                        <th scope="col">{t('settings.active')}</th>
                    </tr>
                </thead>
                <tbody>
                    {users.map((u) => (
                        <tr key={u.id}>
                            <td>{u.name}</td>
                            <td>{u.email}</td>
                            <td>
                                <label class="visually-hidden" for={`user-role-${u.id}`}>{t('settings.role')}</label>
                                <select id={`user-role-${u.id}`} value={u.role} disabled={!u.active_flag}
                                    onChange={(e) => change(u, { role: e.currentTarget.value })}>
                                    {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                                </select>
                            </td>
                            <td>
                                {u.active_flag ? (
                                    <>
                                        {t('common.yes')}{' '}
                                        <button type="button" class="link" onClick={() => change(u, { active_flag: false })}>
                                            {t('settings.disable')}
                                        </button>
                                    </>
                                ) : t('common.no')}
                            </td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <AddUserForm onAdded={load} />
            <Teams users={users} />
        </section>
    );
}

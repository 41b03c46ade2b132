// Settings: the workspace's users and their roles (adding users, teams and API tokens is done
// with the CLI: pipecrm user add, team add, token create).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { t } from '../i18n.js';
import { notifyError } from '../notices.jsx';

export function UserSettings() {
    const [users, setUsers] = useState([]);
    useEffect(() => {
        get('/api/v1/users').then((answer) => setUsers(answer.data || []))
            .catch((error) => notifyError(t('settings.load_failed'), error));
    }, []);
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
                            <td>{t(`role.${u.role || (u.is_admin ? 'admin' : 'member')}`)}</td>
                            <td>{u.active_flag ? t('common.yes') : t('common.no')}</td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <p class="hint">{t('settings.users_cli')}</p>
        </section>
    );
}

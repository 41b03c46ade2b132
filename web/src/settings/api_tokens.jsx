// Settings: API tokens of the workspace (for integrations): create one for a user, shown once;
// revoke one.
import { useEffect, useState } from 'preact/hooks';
import { del, get, post } from '../api.js';
import { formatDateTime, t } from '../i18n.js';
import { notifyError } from '../notices.jsx';

export function ApiTokenSettings() {
    const [tokens, setTokens] = useState([]);
    const [users, setUsers] = useState([]);
    const [email, setEmail] = useState('');
    const [name, setName] = useState('');
    const [created, setCreated] = useState('');

    async function load() {
        try {
            const [tokenList, userList] = await Promise.all([get('/api/v1/apiTokens'), get('/api/v1/users')]);
            setTokens(tokenList.data || []);
            setUsers(userList.data || []);
        } catch (error) {
            notifyError(t('settings.load_failed'), error);
        }
    }

    useEffect(() => {
        load();
    }, []);

    async function create(event) {
        event.preventDefault();
        try {
            const answer = await post('/api/v1/apiTokens', { email, name });
            setCreated(answer.data.token);
            setName('');
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function revoke(token) {
        try {
            await del(`/api/v1/apiTokens/${token.id}`);
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    return (
        <section class="card" aria-labelledby="settings-tokens">
            <h2 id="settings-tokens">{t('settings.api_tokens')}</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t('settings.token_name')}</th>
                        <th scope="col">{t('contacts.email')}</th>
                        <th scope="col">{t('settings.token_created')}</th>
                        <th scope="col">{t('settings.token_last_used')}</th>
                        <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {tokens.map((token) => (
                        <tr key={token.id}>
                            <td>{token.name || t('common.empty')}</td>
                            <td>{token.user_email}</td>
                            <td>{formatDateTime(token.add_time)}</td>
                            <td>{token.last_used_time ? formatDateTime(token.last_used_time) : t('common.empty')}</td>
                            <td>
                                {token.revoked_time ? t('settings.token_revoked') : (
                                    <button type="button" class="link" onClick={() => revoke(token)}>{t('settings.token_revoke')}</button>
                                )}
                            </td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <form class="inline-form" onSubmit={create}>
                <label>
                    <span>{t('settings.token_user')}</span>
                    <select required value={email} onChange={(e) => setEmail(e.currentTarget.value)}>
                        <option value="">{t('merge.choose')}</option>
                        {users.filter((u) => u.active_flag).map((u) => <option key={u.id} value={u.email}>{u.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('settings.token_name')}</span>
                    <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <button type="submit">{t('settings.token_create')}</button>
            </form>
            {created && (
                <p class="card" role="status">
                    {t('settings.token_once')} <code data-testid="new-token">{created}</code>
                </p>
            )}
        </section>
    );
}

// The sign-in form: POST /api/v1/auth/login starts a session (HttpOnly cookie + CSRF token).
import { useState } from 'preact/hooks';
import { post } from './api.js';
import { LanguageSwitch } from './language_switch.jsx';
import { t } from './i18n.js';

export function Login({ onSignedIn }) {
    const [email, setEmail] = useState('');
    const [password, setPassword] = useState('');
    const [error, setError] = useState('');
    const [busy, setBusy] = useState(false);

    async function submit(event) {
        event.preventDefault();
        setBusy(true);
        setError('');
        try {
            const answer = await post('/api/v1/auth/login', { email, password });
            onSignedIn(answer.data);
        } catch (e) {
            setError(e.status === 401 ? t('login.wrong') : e.status === 429 ? t('login.throttled') : e.message);
        } finally {
            setBusy(false);
        }
    }

    return (
        <main class="login">
            <form class="card login-form" onSubmit={submit} aria-labelledby="login-title">
                <h1 id="login-title">{t('app.name')}</h1>
                <p>{t('login.intro')}</p>
                <label for="login-email">{t('login.email')}</label>
                <input id="login-email" type="email" autocomplete="username" required
                    value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
                <label for="login-password">{t('login.password')}</label>
                <input id="login-password" type="password" autocomplete="current-password" required
                    value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
                {error && <p class="form-error" role="alert">{error}</p>}
                <button type="submit" class="primary" disabled={busy}>{t('login.submit')}</button>
                <LanguageSwitch />
            </form>
        </main>
    );
}

// The application shell: the session, the header with the workspace and navigation, and the
// page for the current path.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, onUnauthorized, post, setCsrfToken } from './api.js';
import { lang, onLangChange, setTimeZone, t } from './i18n.js';
import { LanguageSwitch } from './language_switch.jsx';
import { Login } from './login.jsx';
import { Notices, notifyError } from './notices.jsx';
import { ActivityForm } from './activity_form.jsx';
import { Dialog } from './dialog.jsx';
import { currentPath, linkClick, match, navigate, onNavigate } from './router.js';
import { Board } from './board/board.jsx';
import { DealPage } from './deal/deal_page.jsx';
import { DealsList } from './lists/deals_list.jsx';
import { ContactList } from './lists/contact_list.jsx';
import { ContactPage } from './lists/contact_page.jsx';
import { Activities } from './activities.jsx';
import { Lazy } from './lazy.jsx';
import { Settings } from './settings/settings.jsx';
import { ImportPage } from './import/import_page.jsx';
import { ImportJobPage } from './import/import_job_page.jsx';
import { session } from './session.js';

const routes = [
    ['/', () => <Board />],
    ['/board', () => <Board />],
    ['/deals', () => <DealsList />],
    ['/deals/:id', ({ id }) => <DealPage id={Number(id)} />],
    ['/persons', () => <ContactList kind="person" />],
    ['/persons/:id', ({ id }) => <ContactPage kind="person" id={Number(id)} />],
    ['/organizations', () => <ContactList kind="organization" />],
    ['/organizations/:id', ({ id }) => <ContactPage kind="organization" id={Number(id)} />],
    ['/activities', () => <Activities />],
    ['/dashboard', () => <Lazy load={() => import('./dashboard.jsx')} name="Dashboard" />],
    ['/settings', () => <Settings />],
    ['/import', () => <ImportPage />],
    ['/import/:id', ({ id }) => <ImportJobPage id={Number(id)} />],
];

const nav = [
    ['/board', 'nav.board'],
    ['/deals', 'nav.deals'],
    ['/persons', 'nav.persons'],
    ['/organizations', 'nav.organizations'],
    ['/activities', 'nav.activities'],
    ['/dashboard', 'nav.dashboard'],
    ['/import', 'nav.import'],
];


async function loadMe(auth, mePromise) {
    setCsrfToken(auth.csrf_token);
    const me = await (mePromise || get('/api/v1/users/me'));
    session.user = auth.user;
    session.me = me.data;
    setTimeZone(me.data.timezone_name);
    return { ...auth, me: me.data };
}

export function App() {
    const [auth, setAuth] = useState(undefined); // undefined while checking, null when signed out
    const [path, setPath] = useState(currentPath());
    const [, setLanguage] = useState(lang());
    const [quickActivity, setQuickActivity] = useState(false);

    useEffect(() => onLangChange(setLanguage), []);
    useEffect(() => onNavigate(setPath), []);
    useEffect(() => onUnauthorized(() => {
        setCsrfToken(null);
        session.user = null;
        setAuth(null);
    }), []);
    useEffect(() => {
        document.documentElement.lang = lang();
        // Both at once: users/me fails with the same 401 when there is no session.
        const me = get('/api/v1/users/me');
        me.catch(() => {});
        get('/api/v1/auth/session')
            .then((answer) => loadMe(answer.data, me))
            .then(setAuth)
            .catch((error) => {
                if (!(error instanceof ApiError) || error.status !== 401) {
                    notifyError(t('error.session'), error);
                }
                setAuth(null);
            });
    }, []);

    async function signedIn(data) {
        try {
            setAuth(await loadMe(data));
        } catch (error) {
            notifyError(t('error.session'), error);
        }
    }

    async function signOut() {
        try {
            await post('/api/v1/auth/logout');
        } catch (error) {
            notifyError(t('header.logout'), error);
        }
        setCsrfToken(null);
        session.user = null;
        setAuth(null);
        navigate('/', { replace: true });
    }

    if (auth === undefined) {
        return <p class="loading">{t('common.loading')}</p>;
    }
    if (auth === null) {
        return (
            <>
                <Login onSignedIn={signedIn} />
                <Notices />
            </>
        );
    }
    let page = <p>{t('common.not_found')}</p>;
    for (const [pattern, render] of routes) {
        const params = match(pattern, path);
        if (params) {
            page = render(params);
            break;
        }
    }
    const isAdmin = auth.user.role === 'admin';
    const items = isAdmin ? [...nav, ['/settings', 'nav.settings']] : nav;
    const active = path.split('?')[0];
    return (
        <>
            <a class="skip-link" href="#main">{t('header.skip')}</a>
            <header class="app-header">
                <span class="brand">{t('app.name')}</span>
                <span class="workspace" data-testid="workspace">{auth.me.company_name}</span>
                <nav aria-label={t('nav.label')}>
                    {items.map(([href, key]) => (
                        <a key={href} href={href} onClick={(e) => linkClick(e, href)}
                            aria-current={active === href || (href === '/board' && active === '/') ? 'page' : undefined}>
                            {t(key)}
                        </a>
                    ))}
                </nav>
                <span class="spacer" />
                <button type="button" onClick={() => setQuickActivity(true)}>{t('activity.quick_add')}</button>
                <LanguageSwitch />
                <span class="user-name">{auth.user.name}</span>
                <button type="button" onClick={signOut}>{t('header.logout')}</button>
            </header>
            <main id="main">{page}</main>
            {quickActivity && (
                <Dialog title={t('activity.schedule')} onClose={() => setQuickActivity(false)}>
                    <ActivityForm idPrefix="quick-activity" onCreated={() => setQuickActivity(false)} />
                    <div class="dialog-actions">
                        <button type="button" onClick={() => setQuickActivity(false)}>{t('action.cancel')}</button>
                    </div>
                </Dialog>
            )}
            <Notices />
        </>
    );
}

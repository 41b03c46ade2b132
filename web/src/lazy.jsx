// A page loaded on first use from its own chunk (web/build.mjs splits the bundle), so the
// board does not wait for the dashboard's chart library.
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';
import { notifyError } from './notices.jsx';

export function Lazy({ load, name, ...props }) {
    const [Page, setPage] = useState(null);
    useEffect(() => {
        load().then((module) => setPage(() => module[name]))
            .catch((error) => notifyError(t('common.not_found'), error));
    }, []);
    return Page ? <Page {...props} /> : <p class="loading">{t('common.loading')}</p>;
}

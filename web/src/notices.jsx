// Messages for the user: errors of failed requests and confirmations, announced to screen
// readers and dismissed after a while.
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';

const listeners = new Set();
let nextId = 1;

export function notify(text, kind = 'info') {
    const notice = { id: nextId++, text, kind };
    listeners.forEach((listener) => listener(notice));
}

// An ApiError (or any error) as a message: the server's text, prefixed by the failed action.
export function notifyError(action, error) {
    notify(`${action}: ${error && error.message ? error.message : t('error.unknown')}`, 'error');
}

export function Notices() {
    const [notices, setNotices] = useState([]);
    useEffect(() => {
        const listener = (notice) => {
            setNotices((list) => [...list, notice]);
            setTimeout(() => setNotices((list) => list.filter((n) => n.id !== notice.id)), 8000);
        };
        listeners.add(listener);
        return () => listeners.delete(listener);
    }, []);
    return (
        <div class="notices" role="status" aria-live="polite">
            {notices.map((notice) => (
                <div key={notice.id} class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
                    <span>{notice.text}</span>
                    <button type="button" class="link" aria-label={t('action.dismiss')}
                        onClick={() => setNotices((list) => list.filter((n) => n.id !== notice.id))}>×</button>
                </div>
            ))}
        </div>
    );
}

// Settings: the managed list of lost reasons offered when a deal is marked lost.
import { useEffect, useState } from 'preact/hooks';
import { del, get, post } from '../api.js';
import { t } from '../i18n.js';
import { notifyError } from '../notices.jsx';

export function LostReasonSettings() {
    const [reasons, setReasons] = useState([]);
    const [label, setLabel] = useState('');

    async function load() {
        try {
            setReasons((await get('/api/v1/lostReasons')).data || []);
        } catch (error) {
            notifyError(t('settings.load_failed'), error);
        }
    }

    useEffect(() => {
        load();
    }, []);

    async function add(event) {
        event.preventDefault();
        try {
            await post('/api/v1/lostReasons', { label });
            setLabel('');
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function remove(reason) {
        try {
            await del(`/api/v1/lostReasons/${reason.id}`);
            load();
        } catch (error) {
            notifyError(t('settings.delete_failed'), error);
        }
    }

    return (
        <section class="card" aria-labelledby="settings-lost">
            <h2 id="settings-lost">{t('settings.lost_reasons')}</h2>
            <ul class="plain-list">
                {reasons.map((reason) => (
                    <li key={reason.id}>
                        {reason.label}{' '}
                        <button type="button" class="link" onClick={() => remove(reason)}>{t('action.delete')}</button>
                    </li>
                ))}
            </ul>
            <form class="inline-form" onSubmit={add}>
                <label>
                    <span>{t('settings.new_lost_reason')}</span>
                    <input required value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
                </label>
                <button type="submit">{t('action.add')}</button>
            </form>
        </section>
    );
}

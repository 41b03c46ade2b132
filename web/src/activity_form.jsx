// Scheduling an activity: from a deal, a person, an organization or the activities page.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from './api.js';
import { t, todayInZone } from './i18n.js';
import { notify, notifyError } from './notices.jsx';

let typesCache = null;

export function activityTypes() {
    typesCache = typesCache || get('/api/v1/activityTypes').then((answer) => answer.data).catch(() => []);
    return typesCache;
}

// The activity type's name in the current language, or the workspace's own name for it.
export function typeLabel(key, types) {
    const translated = t(`activity_type.${key}`);
    if (translated !== `activity_type.${key}`) {
        return translated;
    }
    const type = (types || []).find((candidate) => candidate.key_string === key);
    return type ? type.name : key;
}

export function ActivityForm({ links = {}, onCreated, idPrefix = 'activity' }) {
    const [types, setTypes] = useState([]);
    const [subject, setSubject] = useState('');
    const [type, setType] = useState('call');
    const [dueDate, setDueDate] = useState(todayInZone());
    const [dueTime, setDueTime] = useState('');

    useEffect(() => {
        activityTypes().then(setTypes);
    }, []);

    async function submit(event) {
        event.preventDefault();
        const body = { type, due_date: dueDate, ...links };
        if (subject.trim()) {
            body.subject = subject.trim();
        }
        if (dueTime) {
            body.due_time = dueTime;
        }
        try {
            const answer = await post('/api/v2/activities', body);
            setSubject('');
            notify(t('activity.scheduled', { subject: answer.data.subject }));
            if (onCreated) {
                onCreated(answer.data);
            }
        } catch (error) {
            notifyError(t('activity.schedule_failed'), error);
        }
    }

    return (
        <form class="inline-form activity-form" onSubmit={submit} aria-label={t('activity.schedule')}>
            <label>
                <span>{t('activity.subject')}</span>
                <input id={`${idPrefix}-subject`} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
            </label>
            <label>
                <span>{t('activity.type')}</span>
                <select id={`${idPrefix}-type`} value={type} onChange={(e) => setType(e.currentTarget.value)}>
                    {types.map((candidate) => (
                        <option key={candidate.key_string} value={candidate.key_string}>{typeLabel(candidate.key_string, types)}</option>
                    ))}
                </select>
            </label>
            <label>
                <span>{t('activity.due_date')}</span>
                <input id={`${idPrefix}-date`} type="date" required value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} />
            </label>
            <label>
                <span>{t('activity.due_time')}</span>
                <input id={`${idPrefix}-time`} type="time" value={dueTime} onInput={(e) => setDueTime(e.currentTarget.value)} />
            </label>
            <button type="submit" class="primary">{t('activity.schedule')}</button>
        </form>
    );
}

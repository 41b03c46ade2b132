// The activities page: overdue, today and upcoming by the user's time zone, mark done, and
// a form to schedule one.
import { useEffect, useState } from 'preact/hooks';
import { getAll, patch } from './api.js';
import { formatDate, t, todayInZone } from './i18n.js';
import { notifyError } from './notices.jsx';
import { linkClick } from './router.js';
import { ActivityForm, activityTypes, typeLabel } from './activity_form.jsx';
import { session } from './session.js';
import { groupByDay } from './activity_groups.js';
import { ExportLink } from './import/export_links.jsx';

export function Activities() {
    const [activities, setActivities] = useState([]);
    const [types, setTypes] = useState([]);
    const [mine, setMine] = useState(true);

    async function load() {
        try {
            const owner = mine && session.user ? session.user.id : undefined;
            setActivities(await getAll('/api/v2/activities', { done: false, owner_id: owner }));
        } catch (error) {
            notifyError(t('activity.load_failed'), error);
        }
    }

    useEffect(() => {
        activityTypes().then(setTypes);
    }, []);
    useEffect(() => {
        load();
    }, [mine]);

    async function markDone(activity) {
        try {
            await patch(`/api/v2/activities/${activity.id}`, { done: true });
            setActivities((list) => list.filter((a) => a.id !== activity.id));
        } catch (error) {
            notifyError(t('activity.done_failed'), error);
        }
    }

    const groups = groupByDay(activities, todayInZone());
    return (
        <div class="list-page">
            <div class="toolbar">
                <h1>{t('nav.activities')}</h1>
                <label class="checkbox">
                    <input type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
                    <span>{t('activity.only_mine')}</span>
                </label>
                <span class="spacer" />
                <ExportLink kind="activities" />
            </div>
            <section class="card">
                <h2>{t('activity.schedule')}</h2>
                <ActivityForm idPrefix="page-activity" onCreated={load} />
            </section>
            {['overdue', 'today', 'upcoming'].map((group) => (
                <section key={group} class="card" aria-labelledby={`group-${group}`} data-testid={`activities-${group}`}>
                    <h2 id={`group-${group}`}>{t(`activity.${group}`)} ({groups[group].length})</h2>
                    <ul class="plain-list">
                        {groups[group].map((a) => (
                            <li key={a.id} class={group === 'overdue' ? 'overdue' : ''}>
                                <label class="checkbox">
                                    <input type="checkbox" onChange={() => markDone(a)} />
                                    <span class="visually-hidden">{t('activity.mark_done', { subject: a.subject })}</span>
                                </label>
                                <span class="activity-type">{typeLabel(a.type, types)}</span>
                                {' '}{a.subject}{' · '}{formatDate(a.due_date)} {a.due_time || ''}
                                {a.deal_id && <> · <a href={`/deals/${a.deal_id}`} onClick={(e) => linkClick(e, `/deals/${a.deal_id}`)}>{t('activity.open_deal')}</a></>}
                            </li>
                        ))}
                    </ul>
                </section>
            ))}
        </div>
    );
}

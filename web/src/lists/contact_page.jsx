// A person or an organization: inline editing, their deals, activities and notes, and merging
// a duplicate into this one.
import { useEffect, useState } from 'preact/hooks';
import { get, getAll, patch, put } from '../api.js';
import { formatDate, formatMoney, t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';
import { ActivityForm } from '../activity_form.jsx';
import { Editable } from '../editable.jsx';
import { kinds, primaryOf } from './contacts.js';

function MergeForm({ kind, record, onMerged }) {
    const spec = kinds[kind];
    const [term, setTerm] = useState('');
    const [candidates, setCandidates] = useState([]);
    const [other, setOther] = useState('');

    useEffect(() => {
        if (term.trim().length < 2) {
            setCandidates([]);
            return undefined;
        }
        const timer = setTimeout(() => {
            const [path, params] = spec.search(term.trim());
            get(path, params)
                .then((answer) => setCandidates(answer.data.items.map(({ item }) => item).filter((item) => item.id !== record.id)))
                .catch((error) => notifyError(t('contacts.search_failed'), error));
        }, 200);
        return () => clearTimeout(timer);
    }, [term]);

    async function merge(event) {
        event.preventDefault();
        const duplicate = candidates.find((c) => c.id === Number(other));
        if (!duplicate || !window.confirm(t('merge.confirm', { other: duplicate.name, name: record.name }))) {
            return;
        }
        try {
            // The duplicate is merged into this record (Pipedrive: PUT /{duplicate}/merge
            // {merge_with_id: kept}).
            await put(`${spec.mergePath}/${duplicate.id}/merge`, { merge_with_id: record.id });
            notify(t('merge.done', { other: duplicate.name }));
            onMerged();
        } catch (error) {
            notifyError(t('merge.failed'), error);
        }
    }

    return (
        <form class="inline-form" onSubmit={merge} aria-labelledby="merge-title">
            <h2 id="merge-title">{t('merge.title')}</h2>
            <label>
                <span>{t('merge.find')}</span>
                <input type="search" value={term} onInput={(e) => setTerm(e.currentTarget.value)} />
            </label>
            <label>
                <span>{t('merge.duplicate')}</span>
                <select required value={other} onChange={(e) => setOther(e.currentTarget.value)}>
                    <option value="">{t('merge.choose')}</option>
                    {candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
            </label>
            <button type="submit">{t('merge.submit')}</button>
        </form>
    );
}

export function ContactPage({ kind, id }) {
    const spec = kinds[kind];
    const [record, setRecord] = useState(null);
    const [deals, setDeals] = useState([]);
    const [activities, setActivities] = useState([]);
    const [notes, setNotes] = useState([]);
    const [error, setError] = useState('');

    async function load() {
        try {
            const [answer, dealList, activityList, noteList] = await Promise.all([
                get(`${spec.base}/${id}`),
                get('/api/v2/deals', { [spec.link]: id, limit: 100 }),
                getAll('/api/v2/activities', { [spec.link]: id }),
                get('/api/v1/notes', { [spec.link]: id, limit: 100 }),
            ]);
            setDeals(dealList.data);
            setActivities(activityList);
            setNotes(noteList.data || []);
            setRecord(answer.data);
        } catch (e) {
            setError(e.status === 404 ? t('contacts.not_found') : e.message);
        }
    }

    useEffect(() => {
        load();
    }, [kind, id]);

    async function save(body) {
        try {
            await patch(`${spec.base}/${id}`, body);
            await load();
        } catch (e) {
            notifyError(t('contacts.save_failed'), e);
        }
    }

    if (error) {
        return <p class="form-error" role="alert">{error}</p>;
    }
    if (!record) {
        return <p class="loading">{t('common.loading')}</p>;
    }
    return (
        <article class="contact-page" data-testid="contact-page">
            <div class="deal-columns">
                <section class="card deal-fields" aria-label={t('contacts.details')}>
                    <Editable id="contact-name" label={t('contacts.name')} value={record.name} onSave={(name) => save({ name })} />
                    {kind === 'person' ? (
                        <>
                            <Editable id="contact-email" label={t('contacts.email')} type="email" value={primaryOf(record.emails)}
                                onSave={(value) => save({ emails: value ? [{ value, primary: true }] : [] })} />
                            <Editable id="contact-phone" label={t('contacts.phone')} type="tel" value={primaryOf(record.phones)}
                                onSave={(value) => save({ phones: value ? [{ value, primary: true }] : [] })} />
                        </>
                    ) : (
                        <Editable id="contact-address" label={t('contacts.address')} value={record.address ? record.address.value : ''}
                            onSave={(value) => save({ address: value })} />
                    )}
                </section>
                <div class="deal-main">
                    <section class="card" aria-labelledby="contact-deals">
                        <h2 id="contact-deals">{t('nav.deals')}</h2>
                        <ul class="plain-list">
                            {deals.map((d) => (
                                <li key={d.id}>
                                    <a href={`/deals/${d.id}`} onClick={(e) => linkClick(e, `/deals/${d.id}`)}>{d.title}</a>
                                    {' '}{formatMoney(d.value, d.currency)} · {t(`status.${d.status}`)}
                                </li>
                            ))}
                        </ul>
                        {deals.length === 0 && <p class="empty">{t('contacts.no_deals')}</p>}
                    </section>
                    <section class="card" aria-labelledby="contact-activities">
                        <h2 id="contact-activities">{t('nav.activities')}</h2>
                        <ul class="plain-list">
                            {activities.map((a) => (
                                <li key={a.id}>{formatDate(a.due_date)} — {a.subject}{a.done ? ` (${t('activity.done')})` : ''}</li>
                            ))}
                        </ul>
                        <ActivityForm idPrefix="contact-activity" links={{ [spec.link]: id }} onCreated={load} />
                    </section>
                    <section class="card" aria-labelledby="contact-notes">
                        <h2 id="contact-notes">{t('note.title')}</h2>
                        <ul class="plain-list">
                            {notes.map((n) => <li key={n.id}>{n.content.replace(/<[^>]*>/g, '')}</li>)}
                        </ul>
                    </section>
                    <section class="card">
                        <MergeForm kind={kind} record={record} onMerged={load} />
                    </section>
                </div>
            </div>
        </article>
    );
}

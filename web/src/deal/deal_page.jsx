// A deal: inline editing of its fields, its stage bar, won/lost/reopen, products, the next
// activity and a note, and the timeline of everything that happened.
import { useEffect, useState } from 'preact/hooks';
import { get, getAll, patch, post } from '../api.js';
import { LabelEditor, loadLabels } from '../labels.jsx';
import { formatDate, formatMoney, t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';
import { ActivityForm } from '../activity_form.jsx';
import { Editable } from '../editable.jsx';
import { ContactPicker } from '../contact_picker.jsx';
import { currencies, LostDialog } from './deal_dialogs.jsx';
import { DealProducts } from './products.jsx';
import { Timeline } from './timeline.jsx';

export function DealPage({ id }) {
    const [deal, setDeal] = useState(null);
    const [stages, setStages] = useState([]);
    const [users, setUsers] = useState([]);
    const [changelog, setChangelog] = useState([]);
    const [activities, setActivities] = useState([]);
    const [notes, setNotes] = useState([]);
    const [lines, setLines] = useState([]);
    const [person, setPerson] = useState(null);
    const [org, setOrg] = useState(null);
    const [losing, setLosing] = useState(false);
    const [note, setNote] = useState('');
    const [error, setError] = useState('');
    const [labels, setLabels] = useState([]);

    async function load() {
        try {
            const answer = await get(`/api/v2/deals/${id}`);
            const current = answer.data;
            const [stageList, userList, log, activityList, noteList, lineList] = await Promise.all([
                getAll('/api/v2/stages', { pipeline_id: current.pipeline_id }),
                get('/api/v1/users'),
                get(`/api/v1/deals/${id}/changelog`, { limit: 500 }),
                getAll('/api/v2/activities', { deal_id: id }),
                get('/api/v1/notes', { deal_id: id, limit: 500 }),
                get(`/api/v2/deals/${id}/products`),
            ]);
            setLabels(await loadLabels());
            stageList.sort((a, b) => a.order_nr - b.order_nr);
            setStages(stageList);
            setUsers(userList.data || []);
            setChangelog(log.data || []);
            setActivities(activityList);
            setNotes(noteList.data || []);
            setLines(lineList.data || []);
            setPerson(current.person_id ? (await get(`/api/v2/persons/${current.person_id}`)).data : null);
            setOrg(current.org_id ? (await get(`/api/v2/organizations/${current.org_id}`)).data : null);
            setDeal(current);
        } catch (e) {
            setError(e.status === 404 ? t('deal.not_found') : e.message);
        }
    }

    useEffect(() => {
        load();
    }, [id]);

    async function change(body, action = t('deal.save_failed')) {
        try {
            await patch(`/api/v2/deals/${id}`, body);
            await load();
        } catch (e) {
            notifyError(action, e);
        }
    }

    async function addNote(event) {
        event.preventDefault();
        try {
            await post('/api/v1/notes', { content: note, deal_id: id });
            setNote('');
            await load();
        } catch (e) {
            notifyError(t('note.add_failed'), e);
        }
    }

    if (error) {
        return <p class="form-error" role="alert">{error}</p>;
    }
    if (!deal) {
        return <p class="loading">{t('common.loading')}</p>;
    }
    const stageName = (stageId) => (stages.find((s) => s.id === Number(stageId)) || { name: `#${stageId}` }).name;
    const userName = (userId) => (users.find((u) => u.id === Number(userId)) || { name: `#${userId}` }).name;
    const stageIndex = stages.findIndex((s) => s.id === deal.stage_id);
    const undone = activities.filter((a) => !a.done);

    return (
        <article class="deal-page" data-testid="deal-page">
            <header class="deal-header">
                <Editable id="deal-title" label={t('deal.title')} value={deal.title}
                    onSave={(title) => change({ title })} />
                <span class={`status status-${deal.status}`} data-testid="deal-status">{t(`status.${deal.status}`)}</span>
                <div class="deal-actions">
                    {deal.status === 'open' ? (
                        <>
                            <button type="button" class="won" onClick={() => change({ status: 'won' }).then(() => notify(t('deal.marked_won', { title: deal.title })))}>{t('deal.won')}</button>
                            <button type="button" class="lost" onClick={() => setLosing(true)}>{t('deal.lost')}</button>
                        </>
                    ) : (
                        <button type="button" onClick={() => change({ status: 'open' })}>{t('deal.reopen')}</button>
                    )}
                </div>
            </header>
            <ol class="stage-bar" aria-label={t('deal.stage')}>
                {stages.map((stage, i) => (
                    <li key={stage.id} class={i <= stageIndex ? 'reached' : ''}>
                        <button type="button" aria-current={stage.id === deal.stage_id ? 'step' : undefined}
                            onClick={() => change({ stage_id: stage.id }, t('board.move_failed', { title: deal.title }))}>
                            {stage.name}
                        </button>
                    </li>
                ))}
            </ol>
            {deal.status === 'lost' && deal.lost_reason && <p>{t('deal.lost_reason')}: {deal.lost_reason}</p>}
            <div class="deal-columns">
                <section class="card deal-fields" aria-label={t('deal.details')}>
                    <Editable id="deal-value" label={t('deal.value')} type="number" value={deal.value}
                        display={formatMoney(deal.value, deal.currency)} onSave={(v) => change({ value: Number(v) })} />
                    <Editable id="deal-currency" label={t('deal.currency')} value={deal.currency}
                        options={currencies.map((c) => [c, c])} onSave={(currency) => change({ currency })} />
                    <Editable id="deal-owner" label={t('deal.owner')} value={deal.owner_id} display={userName(deal.owner_id)}
                        options={users.map((u) => [u.id, u.name])} onSave={(owner) => change({ owner_id: Number(owner) })} />
                    <Editable id="deal-close-date" label={t('deal.expected_close_date')} type="date"
                        value={deal.expected_close_date || ''} display={formatDate(deal.expected_close_date)}
                        onSave={(date) => change({ expected_close_date: date || null })} />
                    <Editable id="deal-probability" label={t('deal.probability')} type="number"
                        value={deal.probability ?? ''} onSave={(p) => change({ probability: p === '' ? null : Number(p) })} />
                    <LabelEditor deal={deal} labels={labels} onSave={(ids) => change({ label_ids: ids })} />
                    <div class="editable">
                        <span class="field-label">{t('deal.person')}</span>
                        {person ? <a href={`/persons/${person.id}`} onClick={(e) => linkClick(e, `/persons/${person.id}`)}>{person.name}</a> : <span class="muted">{t('common.empty')}</span>}
                        <ContactPicker id="deal-person-picker" kind="person" label={t('deal.change_person')}
                            onPick={(item) => change({ person_id: item.id })} />
                    </div>
                    <div class="editable">
                        <span class="field-label">{t('deal.organization')}</span>
                        {org ? <a href={`/organizations/${org.id}`} onClick={(e) => linkClick(e, `/organizations/${org.id}`)}>{org.name}</a> : <span class="muted">{t('common.empty')}</span>}
                        <ContactPicker id="deal-org-picker" kind="organization" label={t('deal.change_organization')}
                            onPick={(item) => change({ org_id: item.id })} />
                    </div>
                </section>
                <div class="deal-main">
                    <section class="card" aria-labelledby="next-activity-title">
                        <h2 id="next-activity-title">{t('activity.next')}</h2>
                        {undone.length === 0 ? <p class="badge badge-warning">{t('board.no_activity')}</p> : (
                            <ul class="plain-list">
                                {undone.map((a) => <li key={a.id}>{formatDate(a.due_date)} {a.due_time || ''} — {a.subject}</li>)}
                            </ul>
                        )}
                        <ActivityForm idPrefix="deal-activity" links={{ deal_id: deal.id, person_id: deal.person_id || undefined, org_id: deal.org_id || undefined }} onCreated={load} />
                    </section>
                    <section class="card" aria-labelledby="note-title">
                        <h2 id="note-title">{t('note.add')}</h2>
                        <form onSubmit={addNote} class="note-form">
                            <label for="deal-note" class="visually-hidden">{t('note.content')}</label>
                            <textarea id="deal-note" required value={note} onInput={(e) => setNote(e.currentTarget.value)} />
                            <button type="submit">{t('note.save')}</button>
                        </form>
                    </section>
                    <section class="card">
                        <DealProducts deal={deal} lines={lines} onChanged={load} />
                    </section>
                    <section class="card">
                        <Timeline deal={deal} changelog={changelog} activities={activities} notes={notes}
                            stageName={stageName} userName={userName} />
                    </section>
                </div>
            </div>
            {losing && (
                <LostDialog deal={deal} onCancel={() => setLosing(false)}
                    onConfirm={(reason) => {
                        setLosing(false);
                        change(reason ? { status: 'lost', lost_reason: reason } : { status: 'lost' });
                    }} />
            )}
        </article>
    );
}

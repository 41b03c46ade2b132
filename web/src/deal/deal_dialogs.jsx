// Dialogs around a deal: creating one (from the board or anywhere) and marking one lost with
// a reason from the workspace's managed list.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { Dialog } from '../dialog.jsx';
import { ContactPicker } from '../contact_picker.jsx';

export const currencies = ['VND', 'USD', 'EUR', 'JPY', 'SGD'];

export function AddDealDialog({ stages, onClose, onCreated, defaults = {} }) {
    const [title, setTitle] = useState('');
    const [value, setValue] = useState('');
    const [currency, setCurrency] = useState('VND');
    const [stageId, setStageId] = useState(stages.length ? stages[0].id : '');
    const [closeDate, setCloseDate] = useState('');
    const [person, setPerson] = useState(null);
    const [org, setOrg] = useState(null);
    const [error, setError] = useState('');

    async function submit(event) {
        event.preventDefault();
        const body = { title, currency, ...defaults };
        if (value !== '') {
            body.value = Number(value);
        }
        if (stageId) {
            body.stage_id = Number(stageId);
        }
        if (closeDate) {
            body.expected_close_date = closeDate;
        }
        if (person) {
            body.person_id = person.id;
        }
        if (org) {
            body.org_id = org.id;
        }
        try {
            const answer = await post('/api/v2/deals', body);
            onCreated(answer.data);
        } catch (e) {
            setError(e.message);
        }
    }

    return (
        <Dialog title={t('deal.add')} onClose={onClose}>
            <form class="form-grid" onSubmit={submit}>
                <label for="new-deal-title">{t('deal.title')}</label>
                <input id="new-deal-title" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
                <label for="new-deal-value">{t('deal.value')}</label>
                <input id="new-deal-value" type="number" min="0" step="any" value={value}
                    onInput={(e) => setValue(e.currentTarget.value)} />
                <label for="new-deal-currency">{t('deal.currency')}</label>
                <select id="new-deal-currency" value={currency} onChange={(e) => setCurrency(e.currentTarget.value)}>
                    {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
                </select>
                {stages.length > 0 && (
                    <>
                        <label for="new-deal-stage">{t('deal.stage')}</label>
                        <select id="new-deal-stage" value={stageId} onChange={(e) => setStageId(e.currentTarget.value)}>
                            {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                        </select>
                    </>
                )}
                <label for="new-deal-close">{t('deal.expected_close_date')}</label>
                <input id="new-deal-close" type="date" value={closeDate} onInput={(e) => setCloseDate(e.currentTarget.value)} />
                <div class="form-row">
                    <ContactPicker id="new-deal-person" kind="person" label={t('deal.person')} onPick={setPerson} />
                </div>
                <div class="form-row">
                    <ContactPicker id="new-deal-org" kind="organization" label={t('deal.organization')} onPick={setOrg} />
                </div>
                {error && <p class="form-error" role="alert">{error}</p>}
                <div class="dialog-actions">
                    <button type="button" onClick={onClose}>{t('action.cancel')}</button>
                    <button type="submit" class="primary">{t('action.save')}</button>
                </div>
            </form>
        </Dialog>
    );
}

export function LostDialog({ deal, onCancel, onConfirm }) {
    const [reasons, setReasons] = useState([]);
    const [choice, setChoice] = useState('');
    const [other, setOther] = useState('');
    useEffect(() => {
        get('/api/v1/lostReasons')
            .then((answer) => setReasons(answer.data || []))
            .catch(() => setReasons([]));
    }, []);
    const reason = choice === '__other' || reasons.length === 0 ? other.trim() : choice;
    return (
        <Dialog title={t('deal.lost_title', { title: deal.title })} onClose={onCancel}>
            <form class="form-grid" onSubmit={(e) => { e.preventDefault(); onConfirm(reason); }}>
                {reasons.length > 0 && (
                    <>
                        <label for="lost-reason-choice">{t('deal.lost_reason')}</label>
                        <select id="lost-reason-choice" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                            <option value="">{t('deal.lost_reason_none')}</option>
                            {reasons.map((r) => <option key={r.id} value={r.label}>{r.label}</option>)}
                            <option value="__other">{t('deal.lost_reason_other')}</option>
                        </select>
                    </>
                )}
                {(choice === '__other' || reasons.length === 0) && (
                    <>
                        <label for="lost-reason-text">{t('deal.lost_reason_text')}</label>
                        <input id="lost-reason-text" value={other} onInput={(e) => setOther(e.currentTarget.value)} />
                    </>
                )}
                <div class="dialog-actions">
                    <button type="button" onClick={onCancel}>{t('action.cancel')}</button>
                    <button type="submit" class="danger">{t('deal.mark_lost')}</button>
                </div>
            </form>
        </Dialog>
    );
}

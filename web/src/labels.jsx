// Deal labels: the workspace's list (GET /api/v1/dealLabels), coloured chips for a deal's
// label_ids, and a picker that edits them.
import { useState } from 'preact/hooks';
import { get } from './api.js';
import { t } from './i18n.js';
import { labelsOf } from './label_ids.js';

export const LABEL_COLORS = ['green', 'blue', 'red', 'yellow', 'purple', 'gray'];

export async function loadLabels() {
    return (await get('/api/v1/dealLabels')).data || [];
}

// Chips of the labels a deal carries, in the workspace's order; nothing when it has none.
export function LabelChips({ deal, labels }) {
    const shown = labelsOf(deal, labels);
    if (!shown.length) {
        return null;
    }
    return (
        <ul class="label-chips" aria-label={t('labels.title')}>
            {shown.map((label) => (
                <li key={label.id} class={`label-chip label-${label.color}`}>{label.name}</li>
            ))}
        </ul>
    );
}

// The deal page's labels: the chips, and checkboxes to change them (saved at once).
export function LabelEditor({ deal, labels, onSave }) {
    const [open, setOpen] = useState(false);
    const current = labelsOf(deal, labels).map((l) => l.id);
    function toggle(id, on) {
        const next = on ? [...current, id] : current.filter((x) => x !== id);
        onSave(next);
    }
    return (
        <div class="editable" data-testid="deal-labels">
            <span class="field-label">{t('labels.title')}</span>
            <LabelChips deal={deal} labels={labels} />
            {!current.length && <span class="muted">{t('common.empty')}</span>}
            <button type="button" class="link" aria-expanded={open ? 'true' : 'false'}
                onClick={() => setOpen(!open)}>{t('labels.edit')}</button>
            {open && (
                <fieldset class="label-picker">
                    <legend class="visually-hidden">{t('labels.title')}</legend>
                    {labels.length === 0 && <p class="muted">{t('labels.none_defined')}</p>}
                    {labels.map((label) => (
                        <label key={label.id} class="label-option">
                            <input type="checkbox" checked={current.includes(label.id)}
                                onChange={(e) => toggle(label.id, e.currentTarget.checked)} />
                            <span class={`label-chip label-${label.color}`}>{label.name}</span>
                        </label>
                    ))}
                </fieldset>
            )}
        </div>
    );
}

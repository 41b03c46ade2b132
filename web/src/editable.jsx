// A value shown as text that turns into an input on click or Enter, saved on Enter or blur and
// abandoned on Escape (inline editing on the deal and contact pages).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n.js';

export function Editable({ id, label, value, display, type = 'text', options, onSave }) {
    const [editing, setEditing] = useState(false);
    const [draft, setDraft] = useState('');
    const input = useRef(null);
    useEffect(() => {
        if (editing && input.current) {
            input.current.focus();
        }
    }, [editing]);

    function start() {
        setDraft(value ?? '');
        setEditing(true);
    }

    async function save() {
        setEditing(false);
        if (String(draft) !== String(value ?? '')) {
            await onSave(draft);
        }
    }

    const field = options ? (
        <select id={id} ref={input} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} onBlur={save}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}>
            {options.map(([key, text]) => <option key={key} value={key}>{text}</option>)}
        </select>
    ) : (
        <input id={id} ref={input} type={type} value={draft} step={type === 'number' ? 'any' : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)} onBlur={save}
            onKeyDown={(e) => {
                if (e.key === 'Enter') {
                    e.preventDefault();
                    save();
                } else if (e.key === 'Escape') {
                    setEditing(false);
                }
            }} />
    );
    return (
        <div class="editable">
            <label for={id} class="field-label">{label}</label>
            {editing ? field : (
                <button type="button" id={id} class="editable-value" onClick={start}
                    aria-label={`${label}: ${display || value || t('common.empty')}. ${t('action.edit')}`}>
                    {display || value || <span class="muted">{t('common.empty')}</span>}
                </button>
            )}
        </div>
    );
}

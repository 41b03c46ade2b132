// Settings: the workspace's deal labels (name and colour), shown as chips on cards and deals.
import { useEffect, useState } from 'preact/hooks';
import { del, post, put } from '../api.js';
import { t } from '../i18n.js';
import { LABEL_COLORS, loadLabels } from '../labels.jsx';
import { notifyError } from '../notices.jsx';

function ColorSelect({ id, value, onChange }) {
    return (
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
            {LABEL_COLORS.map((color) => <option key={color} value={color}>{t(`labels.color_${color}`)}</option>)}
        </select>
    );
}

export function DealLabelSettings() {
    const [labels, setLabels] = useState([]);
    const [name, setName] = useState('');
    const [color, setColor] = useState('green');

    async function load() {
        try {
            setLabels(await loadLabels());
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
            await post('/api/v1/dealLabels', { name, color });
            setName('');
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function change(label, body) {
        try {
            await put(`/api/v1/dealLabels/${label.id}`, body);
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function rename(label) {
        const next = window.prompt(t('labels.rename', { name: label.name }), label.name);
        if (next && next.trim() && next !== label.name) {
            change(label, { name: next });
        }
    }

    async function remove(label) {
        try {
            await del(`/api/v1/dealLabels/${label.id}`);
            load();
        } catch (error) {
            notifyError(t('settings.delete_failed'), error);
        }
    }

    return (
        <section class="card" aria-labelledby="settings-labels" data-testid="label-settings">
            <h2 id="settings-labels">{t('labels.settings_title')}</h2>
            <ul class="plain-list">
                {labels.map((label) => (
                    <li key={label.id}>
                        <span class={`label-chip label-${label.color}`}>{label.name}</span>{' '}
                        <label class="visually-hidden" for={`label-color-${label.id}`}>{t('labels.color_of', { name: label.name })}</label>
                        <ColorSelect id={`label-color-${label.id}`} value={label.color}
                            onChange={(next) => change(label, { color: next })} />{' '}
                        <button type="button" class="link" onClick={() => rename(label)}>{t('settings.rename')}</button>{' '}
                        <button type="button" class="link" onClick={() => remove(label)}>{t('action.delete')}</button>
                    </li>
                ))}
            </ul>
            <form class="inline-form" onSubmit={add}>
                <label>
                    <span>{t('labels.new')}</span>
                    <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <span class="field">
                    <label for="new-label-color">{t('labels.color')}</label>
                    <ColorSelect id="new-label-color" value={color} onChange={setColor} />
                </span>
                <button type="submit">{t('action.add')}</button>
            </form>
        </section>
    );
}

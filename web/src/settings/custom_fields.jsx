// Settings: custom fields of deals, persons and organizations (add with options, rename, delete).
import { useEffect, useState } from 'preact/hooks';
import { del, get, post, put } from '../api.js';
import { t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';

const lists = { deal: '/api/v1/dealFields', person: '/api/v1/personFields', organization: '/api/v1/organizationFields' };
const types = ['varchar', 'text', 'double', 'monetary', 'date', 'enum', 'set', 'phone', 'user', 'people', 'org'];

export function CustomFieldSettings() {
    const [entity, setEntity] = useState('deal');
    const [fields, setFields] = useState([]);
    const [name, setName] = useState('');
    const [type, setType] = useState('varchar');
    const [options, setOptions] = useState('');

    async function load() {
        try {
            const answer = await get(lists[entity], { limit: 500 });
            setFields((answer.data || []).filter((f) => f.edit_flag));
        } catch (error) {
            notifyError(t('settings.load_failed'), error);
        }
    }

    useEffect(() => {
        load();
    }, [entity]);

    async function add(event) {
        event.preventDefault();
        const body = { name, field_type: type };
        if (type === 'enum' || type === 'set') {
            body.options = options.split(',').map((o) => o.trim()).filter(Boolean);
        }
        try {
            await post(lists[entity], body);
            setName('');
            setOptions('');
            notify(t('settings.saved'));
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function rename(field) {
        const next = window.prompt(t('settings.field_rename', { name: field.name }), field.name);
        if (!next || next === field.name) {
            return;
        }
        try {
            await put(`${lists[entity]}/${field.id}`, { name: next });
            load();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function remove(field) {
        try {
            await del(`${lists[entity]}/${field.id}`);
            load();
        } catch (error) {
            notifyError(t('settings.delete_failed'), error);
        }
    }

    return (
        <section class="card" aria-labelledby="settings-fields">
            <h2 id="settings-fields">{t('settings.custom_fields')}</h2>
            <label>
                <span>{t('settings.field_entity')}</span>
                <select value={entity} onChange={(e) => setEntity(e.currentTarget.value)}>
                    {Object.keys(lists).map((key) => <option key={key} value={key}>{t(`settings.entity_${key}`)}</option>)}
                </select>
            </label>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t('settings.field_name')}</th>
                        <th scope="col">{t('settings.field_type')}</th>
                        <th scope="col">{t('settings.field_options')}</th>
                        <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {fields.map((field) => (
                        <tr key={field.id}>
                            <td>{field.name}</td>
                            <td>{t(`field_type.${field.field_type}`)}</td>
                            <td>{(field.options || []).map((o) => o.label).join(', ')}</td>
                            <td>
                                <button type="button" class="link" onClick={() => rename(field)}>{t('settings.rename')}</button>
                                <button type="button" class="link" onClick={() => remove(field)}>{t('action.delete')}</button>
                            </td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <form class="inline-form" onSubmit={add}>
                <label>
                    <span>{t('settings.field_name')}</span>
                    <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <label>
                    <span>{t('settings.field_type')}</span>
                    <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
                        {types.map((key) => <option key={key} value={key}>{t(`field_type.${key}`)}</option>)}
                    </select>
                </label>
                {(type === 'enum' || type === 'set') && (
                    <label>
                        <span>{t('settings.field_options_hint')}</span>
                        <input required value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
                    </label>
                )}
                <button type="submit">{t('action.add')}</button>
            </form>
        </section>
    );
}

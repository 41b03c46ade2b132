// Persons or organizations: a list with accent-insensitive search ("nguyen" finds "Nguyễn")
// and a form to add one.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { notifyError } from '../notices.jsx';
import { linkClick, navigate } from '../router.js';
import { kinds, primaryOf } from './contacts.js';
import { ExportLink } from '../import/export_links.jsx';

export function ContactList({ kind }) {
    const spec = kinds[kind];
    const [items, setItems] = useState([]);
    const [cursor, setCursor] = useState(null);
    const [term, setTerm] = useState('');
    const [name, setName] = useState('');

    async function load(from, replace) {
        try {
            const answer = await get(spec.base, { limit: 100, cursor: from });
            setItems((current) => (replace ? answer.data : [...current, ...answer.data]));
            setCursor(answer.additional_data.next_cursor);
        } catch (error) {
            notifyError(t('contacts.load_failed'), error);
        }
    }

    useEffect(() => {
        const text = term.trim();
        if (text.length < 2) {
            load(null, true);
            return undefined;
        }
        const timer = setTimeout(async () => {
            try {
                const [path, params] = spec.search(text);
                const answer = await get(path, params);
                setItems(answer.data.items.map(({ item }) => item));
                setCursor(null);
            } catch (error) {
                notifyError(t('contacts.search_failed'), error);
            }
        }, 200);
        return () => clearTimeout(timer);
    }, [term, kind]);

    async function add(event) {
        event.preventDefault();
        try {
            const answer = await post(spec.base, { name });
            navigate(`${spec.path}/${answer.data.id}`);
        } catch (error) {
            notifyError(t('contacts.add_failed'), error);
        }
    }

    return (
        <div class="list-page">
            <div class="toolbar" role="search">
                <h1>{t(spec.title)}</h1>
                <label>
                    <span>{t('contacts.search')}</span>
                    <input type="search" value={term} data-testid="contact-search"
                        placeholder={t('contacts.search_placeholder')} onInput={(e) => setTerm(e.currentTarget.value)} />
                </label>
                <span class="spacer" />
                <form class="inline-form" onSubmit={add}>
                    <label>
                        <span>{t(kind === 'person' ? 'contacts.new_person' : 'contacts.new_organization')}</span>
                        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
                    </label>
                    <button type="submit" class="primary">{t('action.add')}</button>
                </form>
                <ExportLink kind={`${kind}s`} />
            </div>
            <table class="table" data-testid="contact-table">
                <thead>
                    <tr>
                        <th scope="col">{t('contacts.name')}</th>
                        {kind === 'person' ? (
                            <>
                                <th scope="col">{t('contacts.email')}</th>
                                <th scope="col">{t('contacts.phone')}</th>
                            </>
                        ) : <th scope="col">{t('contacts.address')}</th>}
                    </tr>
                </thead>
                <tbody>
                    {items.map((item) => (
                        <tr key={item.id}>
                            <td><a href={`${spec.path}/${item.id}`} onClick={(e) => linkClick(e, `${spec.path}/${item.id}`)}>{item.name}</a></td>
                            {kind === 'person' ? (
                                <>
                                    <td>{primaryOf(item.emails)}</td>
                                    <td>{primaryOf(item.phones)}</td>
                                </>
                            ) : <td>{item.address && item.address.value ? item.address.value : (typeof item.address === 'string' ? item.address : '')}</td>}
                        </tr>
                    ))}
                </tbody>
            </table>
            {items.length === 0 && <p class="empty">{t('contacts.none')}</p>}
            {cursor && <button type="button" onClick={() => load(cursor, false)}>{t('common.load_more')}</button>}
        </div>
    );
}

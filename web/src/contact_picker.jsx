// Picks a person or an organization by typing part of its name (accents optional): the
// matches from the search API appear in a list to choose from.
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { t } from './i18n.js';
import { kinds } from './lists/contacts.js';

export function ContactPicker({ id, kind, label, onPick }) {
    const [term, setTerm] = useState('');
    const [matches, setMatches] = useState([]);

    useEffect(() => {
        if (term.trim().length < 2) {
            setMatches([]);
            return undefined;
        }
        const timer = setTimeout(() => {
            const [path, params] = kinds[kind].search(term.trim());
            get(path, { ...params, limit: 10 })
                .then((answer) => setMatches(answer.data.items.map(({ item }) => item)))
                .catch(() => setMatches([]));
        }, 200);
        return () => clearTimeout(timer);
    }, [term, kind]);

    return (
        <div class="contact-picker">
            <label for={id}>{label}</label>
            <input id={id} type="search" value={term} autocomplete="off" placeholder={t('picker.placeholder')}
                onInput={(e) => setTerm(e.currentTarget.value)} aria-controls={`${id}-matches`} />
            {matches.length > 0 && (
                <ul id={`${id}-matches`} class="picker-matches" role="listbox" aria-label={label}>
                    {matches.map((item) => (
                        <li key={item.id} role="option" aria-selected="false">
                            <button type="button" class="link" onClick={() => {
                                onPick(item);
                                setTerm(item.name);
                                setMatches([]);
                            }}>{item.name}</button>
                        </li>
                    ))}
                </ul>
            )}
        </div>
    );
}

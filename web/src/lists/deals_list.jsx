// The deals list beside the board: a sortable table of the loaded deals, more on demand, and a
// CSV export of exactly the rows shown, in the order shown.
import { useEffect, useState } from 'preact/hooks';
import { get, getAll } from '../api.js';
import { downloadCsv, toCsv } from '../csv.js';
import { formatDate, formatMoney, t } from '../i18n.js';
import { notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';
import { ExportLink } from '../import/export_links.jsx';

const PAGE = 100;

export function DealsList() {
    const [deals, setDeals] = useState([]);
    const [cursor, setCursor] = useState(null);
    const [status, setStatus] = useState('open');
    const [stages, setStages] = useState({});
    const [users, setUsers] = useState({});
    const [sort, setSort] = useState({ key: 'title', ascending: true });

    useEffect(() => {
        Promise.all([getAll('/api/v2/stages'), get('/api/v1/users')]).then(([stageList, userList]) => {
            setStages(Object.fromEntries(stageList.map((s) => [s.id, s.name])));
            setUsers(Object.fromEntries((userList.data || []).map((u) => [u.id, u.name])));
        }).catch((error) => notifyError(t('deals.load_failed'), error));
    }, []);

    async function loadPage(from, replace) {
        try {
            const answer = await get('/api/v2/deals', { status, limit: PAGE, cursor: from, sort_by: 'add_time', sort_direction: 'desc' });
            setDeals((current) => (replace ? answer.data : [...current, ...answer.data]));
            setCursor(answer.additional_data.next_cursor);
        } catch (error) {
            notifyError(t('deals.load_failed'), error);
        }
    }

    useEffect(() => {
        loadPage(null, true);
    }, [status]);

    const columns = [
        ['title', t('deal.title'), (d) => d.title],
        ['value', t('deal.value'), (d) => Number(d.value)],
        ['currency', t('deal.currency'), (d) => d.currency],
        ['stage', t('deal.stage'), (d) => stages[d.stage_id] || ''],
        ['owner', t('deal.owner'), (d) => users[d.owner_id] || ''],
        ['status', t('deal.status'), (d) => t(`status.${d.status}`)],
        ['expected_close_date', t('deal.expected_close_date'), (d) => d.expected_close_date || ''],
    ];
    const [, , keyOf] = columns.find(([key]) => key === sort.key);
    const shown = [...deals].sort((a, b) => {
        const x = keyOf(a);
        const y = keyOf(b);
        const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { sensitivity: 'base' });
        return sort.ascending ? order : -order;
    });

    function exportCsv() {
        downloadCsv('deals.csv', toCsv(columns.map(([, label]) => label), shown.map((d) => columns.map(([, , value]) => value(d)))));
    }

    return (
        <div class="list-page">
            <div class="toolbar">
                <h1>{t('nav.deals')}</h1>
                <label>
                    <span>{t('deal.status')}</span>
                    <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
                        {['open', 'won', 'lost'].map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
                    </select>
                </label>
                <span class="spacer" />
                <a href="/board" class="button" onClick={(e) => linkClick(e, '/board')}>{t('nav.board')}</a>
                <button type="button" onClick={exportCsv}>{t('deals.export_csv')}</button>
                <ExportLink kind="deals" />
            </div>
            <p class="hint">{t('deals.shown', { n: shown.length })}</p>
            <table class="table" data-testid="deals-table">
                <thead>
                    <tr>
                        {columns.map(([key, label]) => (
                            <th key={key} scope="col" aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                                <button type="button" class="link" onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : true })}>
                                    {label}{sort.key === key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                                </button>
                            </th>
                        ))}
                    </tr>
                </thead>
                <tbody>
                    {shown.map((d) => (
                        <tr key={d.id}>
                            <td><a href={`/deals/${d.id}`} onClick={(e) => linkClick(e, `/deals/${d.id}`)}>{d.title}</a></td>
                            <td class="num">{formatMoney(d.value, d.currency)}</td>
                            <td>{d.currency}</td>
                            <td>{stages[d.stage_id]}</td>
                            <td>{users[d.owner_id]}</td>
                            <td>{t(`status.${d.status}`)}</td>
                            <td>{formatDate(d.expected_close_date)}</td>
                        </tr>
                    ))}
                </tbody>
            </table>
            {cursor && <button type="button" onClick={() => loadPage(cursor, false)}>{t('common.load_more')}</button>}
        </div>
    );
}

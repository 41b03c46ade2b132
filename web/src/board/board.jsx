// The pipeline board: a pipeline switcher and filters, one column per stage with the server's
// count, total and weighted value, cards moved by drag and drop or the keyboard.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, getAll, patch } from '../api.js';
import { t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';
import { linkClick } from '../router.js';
import { AddDealDialog, LostDialog } from '../deal/deal_dialogs.jsx';
import { loadLabels } from '../labels.jsx';
import { Column } from './column.jsx';

const PAGE = 30;

// Totals of a summary answer: {count, total: {currency: value}, weighted: {...}}.
function summaryFigures(data) {
    const pick = (byCurrency) =>
        Object.fromEntries(Object.entries(byCurrency || {}).map(([code, entry]) => [code, entry.value]));
    return { count: data.total_count, total: pick(data.values_total), weighted: pick(data.weighted_values_total) };
}

// Board cards from v2 search items (the board's search mode).
function cardFromSearch(item, users) {
    const owner = users.find((u) => item.owner && u.id === item.owner.id);
    return {
        id: item.id,
        title: item.title,
        value: item.value,
        currency: item.currency,
        stage_id: item.stage.id,
        owner_name: owner ? owner.name : '',
        person_name: item.person ? item.person.name : null,
        org_name: item.organization ? item.organization.name : null,
        next_activity_date: null,
        status: item.status,
        // Search items carry no activity or stage times: such cards show no marks.
        fromSearch: true,
    };
}

export function Board() {
    const [pipelines, setPipelines] = useState([]);
    const [pipelineId, setPipelineId] = useState(Number(localStorage.getItem('pipecrm.pipeline')) || null);
    const [stages, setStages] = useState([]);
    const [users, setUsers] = useState([]);
    const [segments, setSegments] = useState([]);
    const [owner, setOwner] = useState('');
    const [segment, setSegment] = useState('');
    const [labels, setLabels] = useState([]);
    const [label, setLabel] = useState('');
    const [term, setTerm] = useState('');
    const [search, setSearch] = useState('');
    const [columns, setColumns] = useState({});
    const [lostDeal, setLostDeal] = useState(null);
    const [adding, setAdding] = useState(false);
    const [reload, setReload] = useState(0);
    const columnsRef = useRef(columns);
    columnsRef.current = columns;
    const generation = useRef(0);

    useEffect(() => {
        Promise.all([
            getAll('/api/v2/pipelines'),
            get('/api/v1/users'),
            get('/api/v1/filters', { type: 'deals' }),
            loadLabels(),
        ]).then(([pipelineList, userList, filterList, labelList]) => {
            setLabels(labelList);
            setPipelines(pipelineList);
            setUsers(userList.data || []);
            setSegments(filterList.data || []);
            if (!pipelineList.some((p) => p.id === pipelineId) && pipelineList.length) {
                setPipelineId(pipelineList[0].id);
            }
        }).catch((error) => notifyError(t('board.load_failed'), error));
    }, []);

    // Debounced search: the board then shows the matching open deals.
    useEffect(() => {
        const timer = setTimeout(() => setSearch(term.trim()), 250);
        return () => clearTimeout(timer);
    }, [term]);

    function filterParams() {
        return { everyone: owner ? undefined : 1, user_id: owner || undefined, filter_id: segment || undefined, label_id: label || undefined };
    }

    async function loadSummary(stageId) {
        const answer = await get('/api/v1/deals/summary', {
            status: 'open', stage_id: stageId, user_id: owner || undefined, filter_id: segment || undefined,
            label_id: label || undefined,
        });
        return summaryFigures(answer.data);
    }

    function updateColumn(stageId, change) {
        setColumns((all) => ({ ...all, [stageId]: { ...all[stageId], ...change(all[stageId] || {}) } }));
    }

    async function loadPage(stageId, start, token) {
        const answer = await get(`/api/v1/stages/${stageId}/deals`, { ...filterParams(), start, limit: PAGE });
        if (token !== generation.current) {
            return;
        }
        const pagination = answer.additional_data.pagination;
        updateColumn(stageId, (column) => ({
            deals: start === 0 ? answer.data : [...(column.deals || []), ...answer.data.filter((d) => !(column.deals || []).some((c) => c.id === d.id))],
            more: pagination.more_items_in_collection,
            nextStart: pagination.next_start,
            loading: false,
        }));
    }

    // Everything of the pipeline again: stages, then the first page and totals of each column.
    useEffect(() => {
        if (!pipelineId) {
            return;
        }
        localStorage.setItem('pipecrm.pipeline', String(pipelineId));
        const token = ++generation.current;
        getAll('/api/v2/stages', { pipeline_id: pipelineId, sort_by: 'order_nr' }).then(async (stageList) => {
            if (token !== generation.current) {
                return;
            }
            stageList.sort((a, b) => a.order_nr - b.order_nr);
            setStages(stageList);
            const empty = Object.fromEntries(stageList.map((s) => [s.id, { deals: [], more: !search, loading: !search, summary: null }]));
            setColumns(empty);
            if (search.length >= 2) {
                const answer = await get('/api/v2/deals/search', { term: search, limit: 100 });
                if (token !== generation.current) {
                    return;
                }
                const byStage = Object.fromEntries(stageList.map((s) => [s.id, []]));
                for (const { item } of answer.data.items) {
                    if (item.status === 'open' && byStage[item.stage.id]) {
                        byStage[item.stage.id].push(cardFromSearch(item, users));
                    }
                }
                setColumns(Object.fromEntries(stageList.map((s) => {
                    const deals = byStage[s.id];
                    const total = {};
                    for (const deal of deals) {
                        total[deal.currency] = (total[deal.currency] || 0) + Number(deal.value);
                    }
                    return [s.id, { deals, more: false, loading: false, summary: { count: deals.length, total, weighted: {} } }];
                })));
                return;
            }
            await Promise.all(stageList.map(async (stage) => {
                const [summary] = await Promise.all([loadSummary(stage.id), loadPage(stage.id, 0, token)]);
                if (token === generation.current) {
                    updateColumn(stage.id, () => ({ summary }));
                }
            }));
            // Every column has its first page and totals: marked after the next paint, for
            // bench/board_bench.mjs.
            requestAnimationFrame(() => setTimeout(() => performance.mark('pipecrm:board-painted'), 0));
        }).catch((error) => notifyError(t('board.load_failed'), error));
    }, [pipelineId, owner, segment, label, search, reload]);

    function loadMore(stageId) {
        const column = columnsRef.current[stageId];
        // The first page is still on its way, or a next one is: one request at a time.
        if (!column || !column.more || column.loading || column.loadingMore) {
            return;
        }
        updateColumn(stageId, () => ({ loadingMore: true, loading: true }));
        loadPage(stageId, column.nextStart || column.deals.length, generation.current)
            .catch((error) => notifyError(t('board.load_failed'), error))
            .finally(() => updateColumn(stageId, () => ({ loadingMore: false, loading: false })));
    }

    async function refreshSummaries(stageIds) {
        for (const stageId of stageIds) {
            try {
                const summary = await loadSummary(stageId);
                updateColumn(stageId, () => ({ summary }));
            } catch (error) {
                notifyError(t('board.load_failed'), error);
            }
        }
    }

    function findDeal(dealId) {
        for (const [stageId, column] of Object.entries(columnsRef.current)) {
            const deal = (column.deals || []).find((d) => d.id === dealId);
            if (deal) {
                return { deal, stageId: Number(stageId) };
            }
        }
        return null;
    }

    // Moves the card at once, persists with PATCH, and puts it back with the error on failure.
    async function move(deal, toStageId, { focus } = {}) {
        const fromStageId = deal.stage_id;
        if (toStageId === fromStageId) {
            return;
        }
        const moved = { ...deal, stage_id: toStageId, stage_change_time: new Date().toISOString() };
        const index = columnsRef.current[fromStageId].deals.findIndex((d) => d.id === deal.id);
        updateColumn(fromStageId, (c) => ({ deals: c.deals.filter((d) => d.id !== deal.id) }));
        updateColumn(toStageId, (c) => ({ deals: [moved, ...(c.deals || [])] }));
        if (focus) {
            requestAnimationFrame(() => {
                const card = document.querySelector(`.deal-card[data-deal-id="${deal.id}"]`);
                if (card) {
                    card.focus();
                }
            });
        }
        try {
            await patch(`/api/v2/deals/${deal.id}`, { stage_id: toStageId });
            const stage = stages.find((s) => s.id === toStageId);
            notify(t('board.moved', { title: deal.title, stage: stage ? stage.name : '' }));
            refreshSummaries([fromStageId, toStageId]);
        } catch (error) {
            updateColumn(toStageId, (c) => ({ deals: c.deals.filter((d) => d.id !== deal.id) }));
            updateColumn(fromStageId, (c) => {
                const deals = [...c.deals];
                deals.splice(index < 0 ? 0 : index, 0, deal);
                return { deals };
            });
            notifyError(t('board.move_failed', { title: deal.title }), error);
        }
    }

    function drop(dealId, toStageId) {
        const found = findDeal(dealId);
        if (found) {
            move(found.deal, toStageId);
        }
    }

    async function close(deal, body) {
        try {
            await patch(`/api/v2/deals/${deal.id}`, body);
            updateColumn(deal.stage_id, (c) => ({ deals: c.deals.filter((d) => d.id !== deal.id) }));
            notify(t(body.status === 'won' ? 'deal.marked_won' : 'deal.marked_lost', { title: deal.title }));
            refreshSummaries([deal.stage_id]);
        } catch (error) {
            notifyError(t('deal.close_failed', { title: deal.title }), error);
        }
    }

    return (
        <div class="board-page">
            <div class="toolbar" role="search">
                <label>
                    <span>{t('board.pipeline')}</span>
                    <select value={pipelineId || ''} data-testid="pipeline-select"
                        onChange={(e) => setPipelineId(Number(e.currentTarget.value))}>
                        {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('board.owner')}</span>
                    <select value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
                        <option value="">{t('board.everyone')}</option>
                        {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('board.segment')}</span>
                    <select value={segment} onChange={(e) => setSegment(e.currentTarget.value)}>
                        <option value="">{t('board.all_deals')}</option>
                        {segments.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('labels.filter')}</span>
                    <select value={label} data-testid="label-filter" onChange={(e) => setLabel(e.currentTarget.value)}>
                        <option value="">{t('labels.any')}</option>
                        {labels.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('board.search')}</span>
                    <input type="search" value={term} placeholder={t('board.search_placeholder')}
                        onInput={(e) => setTerm(e.currentTarget.value)} />
                </label>
                <span class="spacer" />
                <a href="/deals" class="button" onClick={(e) => linkClick(e, '/deals')}>{t('board.list_view')}</a>
                <button type="button" class="primary" onClick={() => setAdding(true)}>{t('deal.add')}</button>
            </div>
            <p id="board-keyboard-help" class="hint">{t('board.keyboard_help')}</p>
            <div class="board" data-testid="board">
                {stages.map((stage) => (
                    <Column key={stage.id} stage={stage} stages={stages} labels={labels}
                        column={columns[stage.id] || { deals: [], more: false, loading: true }}
                        onLoadMore={loadMore} onDrop={drop} onMove={move}
                        onWon={(deal) => close(deal, { status: 'won' })} onLost={setLostDeal} />
                ))}
            </div>
            {lostDeal && (
                <LostDialog deal={lostDeal} onCancel={() => setLostDeal(null)}
                    onConfirm={(reason) => {
                        const deal = lostDeal;
                        setLostDeal(null);
                        close(deal, reason ? { status: 'lost', lost_reason: reason } : { status: 'lost' });
                    }} />
            )}
            {adding && (
                <AddDealDialog stages={stages} onClose={() => setAdding(false)}
                    onCreated={(deal) => {
                        setAdding(false);
                        notify(t('deal.created', { title: deal.title }));
                        setReload((n) => n + 1);
                    }} />
            )}
        </div>
    );
}

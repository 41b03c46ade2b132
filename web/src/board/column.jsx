// One stage of the board: its totals from the server and its cards, loaded a page at a time
// as the column scrolls (so a stage of 100k deals costs one page to open).
import { useEffect, useRef } from 'preact/hooks';
import Sortable from 'sortablejs';
import { formatNumber, formatTotals, t } from '../i18n.js';
import { Card } from './card.jsx';

export function Column({ stage, stages, labels, column, onLoadMore, onDrop, onMove, onWon, onLost }) {
    const listRef = useRef(null);
    const sentinelRef = useRef(null);
    const dropRef = useRef(onDrop);
    dropRef.current = onDrop;

    useEffect(() => {
        const sortable = Sortable.create(listRef.current, {
            group: 'board',
            animation: 120,
            // Mouse and touch events rather than HTML5 drag and drop: the same on every browser.
            forceFallback: true,
            fallbackTolerance: 3,
            draggable: '.deal-card',
            filter: 'button, select, a.deal-title, label',
            preventOnFilter: false,
            onEnd(event) {
                if (event.from === event.to) {
                    return;
                }
                // Preact owns the DOM: put the element back and let the state move the card.
                const item = event.item;
                event.to.removeChild(item);
                event.from.insertBefore(item, event.from.children[event.oldIndex] || null);
                dropRef.current(Number(item.dataset.dealId), Number(event.to.dataset.stageId));
            },
        });
        return () => sortable.destroy();
    }, []);

    useEffect(() => {
        if (!sentinelRef.current) {
            return undefined;
        }
        const observer = new IntersectionObserver((entries) => {
            if (entries.some((entry) => entry.isIntersecting)) {
                onLoadMore(stage.id);
            }
        }, { root: listRef.current.parentElement, rootMargin: '200px' });
        observer.observe(sentinelRef.current);
        return () => observer.disconnect();
    }, [stage.id, column.more, column.loading, column.deals.length]);

    const summary = column.summary;
    return (
        <section class="board-column" aria-labelledby={`stage-${stage.id}`} data-stage-id={stage.id}>
            <header class="column-header">
                <h2 id={`stage-${stage.id}`}>{stage.name}</h2>
                <div class="column-figures" data-testid={`stage-figures-${stage.id}`}>
                    <span class="count">{t('board.count', { n: formatNumber(summary ? summary.count : column.deals.length) })}</span>
                    <span class="total" title={t('board.total')}>{formatTotals(summary ? summary.total : {})}</span>
                    <span class="weighted" title={t('board.weighted')}>
                        {t('board.weighted_short')} {formatTotals(summary ? summary.weighted : {})}
                    </span>
                </div>
            </header>
            <div class="column-scroll">
                <ul class="card-list" ref={listRef} data-stage-id={stage.id} aria-label={stage.name}>
                    {column.deals.map((deal) => (
                        <Card key={deal.id} deal={deal} stage={stage} stages={stages} labels={labels}
                            onMove={onMove} onWon={onWon} onLost={onLost} />
                    ))}
                </ul>
                {column.loading && <div class="sentinel">{t('common.loading')}</div>}
                {column.more && !column.loading && <div ref={sentinelRef} class="sentinel" />}
                {!column.more && column.deals.length === 0 && !column.loading && (
                    <p class="empty">{t('board.empty')}</p>
                )}
            </div>
        </section>
    );
}

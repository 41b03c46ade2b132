// One deal on the board: title, organization or person, value, owner and next activity; marks
// for rotting and for no scheduled activity; label chips; quick won/lost; keyboard moves between stages.
import { useState } from 'preact/hooks';
import { formatDate, formatMoney, t } from '../i18n.js';
import { isRotten, needsActivity } from './marks.js';
import { linkClick } from '../router.js';
import { LabelChips } from '../labels.jsx';

const focusOnMount = (element) => element && element.focus();

export function Card({ deal, stage, stages, labels, onMove, onWon, onLost }) {
    const [moving, setMoving] = useState(false);
    const rotten = isRotten(deal, stage);
    const noActivity = !deal.fromSearch && needsActivity(deal);
    const index = stages.findIndex((s) => s.id === deal.stage_id);
    const href = `/deals/${deal.id}`;

    function onKeyDown(event) {
        // Shift+Arrow moves the focused card to the neighbouring stage.
        if (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
            const target = stages[index + (event.key === 'ArrowRight' ? 1 : -1)];
            if (target) {
                event.preventDefault();
                onMove(deal, target.id, { focus: true });
            }
        }
    }

    return (
        <li class={`deal-card${rotten ? ' rotten' : ''}`} data-deal-id={deal.id} tabIndex={0}
            onKeyDown={onKeyDown} aria-describedby="board-keyboard-help"
            aria-label={`${deal.title}, ${formatMoney(deal.value, deal.currency)}`}>
            <a class="deal-title" href={href} onClick={(e) => linkClick(e, href)}>{deal.title}</a>
            <LabelChips deal={deal} labels={labels} />
            <div class="deal-party">{deal.org_name || deal.person_name || t('board.no_contact')}</div>
            <div class="deal-value">{formatMoney(deal.value, deal.currency)}</div>
            <div class="deal-meta">
                <span class="owner">{deal.owner_name}</span>
                {deal.next_activity_date ? (
                    <span class={`next-activity${noActivity ? ' overdue' : ''}`}
                        title={deal.next_activity_subject || ''}>
                        {formatDate(deal.next_activity_date)}
                    </span>
                ) : null}
            </div>
            <div class="badges">
                {rotten && <span class="badge badge-rotten">{t('board.rotten')}</span>}
                {noActivity && <span class="badge badge-warning">{deal.next_activity_date ? t('board.overdue') : t('board.no_activity')}</span>}
            </div>
            <div class="card-actions">
                {moving ? (
                    <>
                        <label class="visually-hidden" for={`move-${deal.id}`}>{t('board.move_to')}</label>
                        <select id={`move-${deal.id}`} class="move-select" value={deal.stage_id} ref={focusOnMount}
                            onBlur={() => setMoving(false)}
                            onChange={(e) => {
                                setMoving(false);
                                onMove(deal, Number(e.currentTarget.value), { focus: false });
                            }}>
                            {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                        </select>
                    </>
                ) : (
                    // The stage menu is made only when asked for: a column of cards stays light.
                    <button type="button" class="move-toggle" aria-expanded="false" onClick={() => setMoving(true)}>
                        {t('board.move_to')}
                    </button>
                )}
                <button type="button" class="won" onClick={() => onWon(deal)}>{t('deal.won')}</button>
                <button type="button" class="lost" onClick={() => onLost(deal)}>{t('deal.lost')}</button>
            </div>
        </li>
    );
}

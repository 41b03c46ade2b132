// A deal's timeline: its changes (stage moves with the time spent in each stage, status, value,
// owner), activities and notes, newest first.
import { formatDate, formatDateTime, formatDuration, formatMoney, parseInstant, t } from '../i18n.js';
import { typeLabel } from '../activity_form.jsx';
import { stagePeriods } from './stage_periods.js';

export function Timeline({ deal, changelog, activities, notes, stageName, userName }) {
    const closedAt = deal.status !== 'open' ? parseInstant(deal.close_time || deal.update_time) : null;
    const periods = stagePeriods(changelog, closedAt || new Date());
    const items = [];
    changelog.forEach((entry, i) => {
        let text;
        if (entry.field_key === 'stage_id') {
            const period = periods.find((p) => p.from && p.from.getTime() === parseInstant(entry.time).getTime() && p.stageId === Number(entry.new_value));
            const spent = period ? formatDuration(period.to - period.from) : '';
            text = entry.old_value === null
                ? t('timeline.created', { stage: stageName(entry.new_value) })
                : t('timeline.moved', { from: stageName(entry.old_value), to: stageName(entry.new_value) });
            if (spent) {
                text += ` · ${t('timeline.spent', { time: spent })}`;
            }
        } else if (entry.field_key === 'status') {
            text = t('timeline.status', { status: t(`status.${entry.new_value}`) });
        } else if (entry.field_key === 'value') {
            text = t('timeline.value', { from: formatMoney(entry.old_value, deal.currency), to: formatMoney(entry.new_value, deal.currency) });
        } else if (entry.field_key === 'user_id') {
            text = t('timeline.owner', { to: userName(entry.new_value) });
        } else if (entry.field_key === 'lost_reason') {
            text = t('timeline.lost_reason', { reason: entry.new_value });
        } else {
            text = `${entry.field_key}: ${entry.new_value}`;
        }
        items.push({ key: `c${i}`, kind: 'change', time: parseInstant(entry.time), text, field: entry.field_key });
    });
    for (const activity of activities) {
        // Due dates and times are the owner's local ones: shown as written, sorted as if UTC.
        const when = activity.due_date ? `${activity.due_date}T${activity.due_time || '00:00'}:00Z` : activity.add_time;
        items.push({
            key: `a${activity.id}`, kind: 'activity', time: parseInstant(when),
            shown: activity.due_date ? `${formatDate(activity.due_date)} ${activity.due_time || ''}` : null,
            text: `${typeLabel(activity.type)}: ${activity.subject}${activity.done ? ` (${t('activity.done')})` : ''}`,
        });
    }
    for (const note of notes) {
        items.push({ key: `n${note.id}`, kind: 'note', time: parseInstant(note.add_time), text: note.content.replace(/<[^>]*>/g, '') });
    }
    items.sort((a, b) => (b.time ? b.time.getTime() : 0) - (a.time ? a.time.getTime() : 0));
    return (
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('deal.timeline')}</h2>
            <div class="stage-times" data-testid="stage-times">
                {periods.map((p, i) => (
                    <span key={i} class="stage-time">{stageName(p.stageId)}: {formatDuration(p.to - p.from)}</span>
                ))}
            </div>
            <ol class="timeline-list" data-testid="timeline">
                {items.map((item) => (
                    <li key={item.key} class={`timeline-item timeline-${item.kind}`} data-field={item.field}>
                        <span class="timeline-kind">{t(`timeline.kind_${item.kind}`)}</span>
                        <span class="timeline-text">{item.text}</span>
                        <time>{item.shown || (item.time ? formatDateTime(item.time.toISOString()) : '')}</time>
                    </li>
                ))}
            </ol>
        </section>
    );
}

// The periods a deal spent in each stage, from its changelog (GET /v1/deals/{id}/changelog).
import { parseInstant } from '../i18n.js';

// [{stageId, from, to}] oldest first, from the changelog's stage_id entries (newest first).
export function stagePeriods(changelog, endOfLast = new Date()) {
    const entries = changelog.filter((e) => e.field_key === 'stage_id').slice().reverse();
    return entries.map((entry, i) => ({
        stageId: Number(entry.new_value),
        from: parseInstant(entry.time),
        to: i + 1 < entries.length ? parseInstant(entries[i + 1].time) : endOfLast,
    }));
}

// The marks on a board card: rotting in its stage, and no next step scheduled.
import { parseInstant, todayInZone } from '../i18n.js';

const DAY = 86_400_000;

// A deal rots when it has stayed in a stage that rots longer than its days_to_rotten.
export function isRotten(deal, stage, now = Date.now()) {
    if (!stage || !stage.is_deal_rot_enabled || !stage.days_to_rotten) {
        return false;
    }
    const since = parseInstant(deal.stage_change_time || deal.add_time);
    return since !== null && now - since.getTime() > stage.days_to_rotten * DAY;
}

// Open deals need a next step: none scheduled, or only overdue ones.
export function needsActivity(deal, today = todayInZone()) {
    return !deal.next_activity_date || deal.next_activity_date < today;
}

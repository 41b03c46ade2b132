// The app's pure logic (ctest: web_unit runs every file of web/test/): board marks,
// activity days, stage periods, CSV, query strings, time zones and money formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { query } from '../src/api.js';
import { toCsv } from '../src/csv.js';
import { formatMoney, setLang, setTimeZone, todayInZone, t } from '../src/i18n.js';
import { groupByDay } from '../src/activity_groups.js';
import { isRotten, needsActivity } from '../src/board/marks.js';
import { stagePeriods } from '../src/deal/stage_periods.js';

const DAY = 86_400_000;

test('a card rots only in a rotting stage, after its days there', () => {
    const now = Date.parse('2026-11-20T00:00:00Z');
    const stage = { is_deal_rot_enabled: true, days_to_rotten: 10 };
    const deal = { add_time: '2026-11-01 00:00:00', stage_change_time: '2026-11-15 00:00:00' };
    assert.equal(isRotten(deal, stage, now), false, 'five days since the stage change');
    assert.equal(isRotten({ ...deal, stage_change_time: null }, stage, now), true, '19 days since it was added');
    assert.equal(isRotten({ ...deal, stage_change_time: null }, { ...stage, is_deal_rot_enabled: false }, now), false);
    assert.equal(isRotten({ ...deal, stage_change_time: null }, { ...stage, days_to_rotten: null }, now), false);
    assert.equal(isRotten(deal, stage, Date.parse('2026-11-15T00:00:00Z') + 10 * DAY + 1), true);
});

test('a deal needs an activity when none is scheduled or the next is overdue', () => {
    assert.equal(needsActivity({ next_activity_date: null }, '2026-11-20'), true);
    assert.equal(needsActivity({ next_activity_date: '2026-11-19' }, '2026-11-20'), true);
    assert.equal(needsActivity({ next_activity_date: '2026-11-20' }, '2026-11-20'), false);
    assert.equal(needsActivity({ next_activity_date: '2026-12-01' }, '2026-11-20'), false);
});

test('activities split into overdue, today and upcoming, in due order', () => {
    const groups = groupByDay([
        { id: 1, due_date: '2026-11-21' },
        { id: 2, due_date: '2026-11-19' },
        { id: 3, due_date: '2026-11-20', due_time: '15:00' },
        { id: 4, due_date: '2026-11-20', due_time: '09:00' },
        { id: 5, due_date: null },
    ], '2026-11-20');
    assert.deepEqual(groups.overdue.map((a) => a.id), [2]);
    assert.deepEqual(groups.today.map((a) => a.id), [4, 3]);
    assert.deepEqual(groups.upcoming.map((a) => a.id), [1, 5]);
});

test("today is the user's date: Ho Chi Minh City is ahead of UTC", () => {
    const lateUtc = new Date('2026-11-26T20:00:00Z');
    setTimeZone('Asia/Ho_Chi_Minh');
    assert.equal(todayInZone(lateUtc), '2026-11-27');
    setTimeZone('UTC');
    assert.equal(todayInZone(lateUtc), '2026-11-26');
    setTimeZone(null);
    assert.equal(todayInZone(lateUtc), '2026-11-27', 'the default zone');
});

test('stage periods come from the changelog, the last one open until now', () => {
    const changelog = [
        { field_key: 'status', new_value: 'won', time: '2026-11-10 00:00:00' },
        { field_key: 'stage_id', old_value: '1', new_value: '2', time: '2026-11-05 00:00:00' },
        { field_key: 'value', new_value: '5', time: '2026-11-03 00:00:00' },
        { field_key: 'stage_id', old_value: null, new_value: '1', time: '2026-11-01 00:00:00' },
    ];
    const end = new Date('2026-11-12T00:00:00Z');
    const periods = stagePeriods(changelog, end);
    assert.deepEqual(periods.map((p) => p.stageId), [1, 2]);
    assert.equal(periods[0].to - periods[0].from, 4 * DAY);
    assert.equal(periods[1].to - periods[1].from, 7 * DAY);
});

test('CSV quotes what needs quoting and ends lines with CRLF', () => {
    assert.equal(toCsv(['a', 'b'], [['x, y', 'say "hi"'], [null, 3]]), 'a,b\r\n"x, y","say ""hi"""\r\n,3\r\n');
});

test('query strings leave out empty values', () => {
    assert.equal(query({ a: 1, b: '', c: null, d: undefined, e: 'x y' }), '?a=1&e=x+y');
    assert.equal(query({}), '');
});

test('VND has no decimals, USD has cents, in both languages', () => {
    setLang('en');
    assert.equal(formatMoney(1234567, 'VND'), '₫1,234,567');
    assert.equal(formatMoney(1499.5, 'USD'), '$1,499.50');
    assert.equal(t('board.count', { n: 3 }), '3 deals');
    setLang('vi');
    assert.equal(formatMoney(1234567, 'VND').replace(/\s/g, ' '), '1.234.567 ₫');
    assert.equal(t('board.count', { n: 3 }), '3 giao dịch');
});

// The web app in headless Chromium against the real pipecrm binary (ctest: web_browser):
// sign-in (and a wrong password), creating a deal, dragging it to the next stage, finding it
// there after a reload with its history, winning it, the dashboard's reports, a move the server
// rejects, moving a card from the keyboard, labels (added in the settings, given on the deal
// page, filtering the board), Vietnamese, and finding a person typed without diacritics.
// Screenshots of the board, the deal page and the dashboard go to $PIPECRM_ARTIFACTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminEmail, adminPassword, api, createToken, demoDatabase, launchBrowser, startServer } from './support.mjs';

const artifacts = process.env.PIPECRM_ARTIFACTS || join(process.cwd(), 'artifacts');
let database;
let server;
let token;
let browser;
let page;
let stages;
let dealId;
const title = `Hợp đồng E2E ${Date.now()}`;

const column = (stageId) => `ul.card-list[data-stage-id="${stageId}"]`;
const card = (id) => `.deal-card[data-deal-id="${id}"]`;

function folded(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

// Drags a card by its contact line (links and buttons do not start a drag) with the mouse:
// SortableJS runs in fallback mode on mouse events.
async function drag(from, to) {
    await page.locator(from).scrollIntoViewIfNeeded();
    const source = await page.locator(`${from} .deal-party`).boundingBox();
    const target = await page.locator(to).boundingBox();
    await page.mouse.move(source.x + 10, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + 40, source.y + 30, { steps: 5 });
    await page.mouse.move(target.x + target.width / 2, target.y + 20, { steps: 15 });
    await page.mouse.move(target.x + target.width / 2, target.y + 25, { steps: 3 });
    await page.mouse.up();
}

const patchOf = (id) => (response) =>
    response.url().endsWith(`/api/v2/deals/${id}`) && response.request().method() === 'PATCH';

before(async () => {
    mkdirSync(artifacts, { recursive: true });
    database = demoDatabase(40);
    token = createToken(database.db);
    server = await startServer(database.db);
    const all = await api(server.base, token, 'GET', '/api/v2/stages?pipeline_id=1&sort_by=order_nr');
    stages = all.data.sort((a, b) => a.order_nr - b.order_nr);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
});

after(async () => {
    await browser?.close();
    await server?.stop();
    database?.remove();
});

test('a wrong password is refused with a message, then the right one signs in', async () => {
    await page.goto(server.base + '/');
    await page.selectOption('[data-testid=language]', 'en');
    await page.fill('#login-email', adminEmail);
    await page.fill('#login-password', 'not-the-password');
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
    assert.equal(await page.locator('[data-testid=board]').count(), 0);

    await page.fill('#login-password', adminPassword);
    await page.click('button[type=submit]');
    await page.locator('[data-testid=board]').waitFor();
    assert.equal(await page.locator('[data-testid=workspace]').innerText(), 'PipeCRM Demo');
    await page.locator(`${column(stages[0].id)} .deal-card`).first().waitFor();
});

test('a new deal appears in its stage with the server totals', async () => {
    const figures = page.locator(`[data-testid=stage-figures-${stages[0].id}]`);
    const before = await figures.locator('.count').innerText();
    await page.getByRole('button', { name: 'Add deal' }).click();
    await page.fill('#new-deal-title', title);
    await page.fill('#new-deal-value', '15000000');
    // The organization is picked by typing its name without diacritics.
    const orgs = await api(server.base, token, 'GET', '/api/v2/organizations?limit=50');
    const org = orgs.data.find((o) => folded(o.name) !== o.name) || orgs.data[0];
    await page.fill('#new-deal-org', folded(org.name).toLowerCase());
    await page.getByRole('option').getByRole('button', { name: org.name, exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    const created = page.locator(`${column(stages[0].id)} .deal-card`, { hasText: title });
    await created.waitFor();
    assert.equal(await created.locator('.deal-party').innerText(), org.name);
    dealId = Number(await created.getAttribute('data-deal-id'));
    assert.ok(dealId > 0);
    await page.waitForFunction(([selector, old]) => document.querySelector(selector).innerText !== old,
        [`[data-testid=stage-figures-${stages[0].id}] .count`, before]);
    const count = (text) => Number(text.replace(/\D/g, ''));
    assert.equal(count(await figures.locator('.count').innerText()), count(before) + 1);
});

test('dragging the deal to the next stage persists; after a reload it is there with its history', async () => {
    const saved = page.waitForResponse(patchOf(dealId));
    await drag(card(dealId), column(stages[1].id));
    assert.equal((await saved).status(), 200);
    await page.locator(`${column(stages[1].id)} ${card(dealId)}`).waitFor();
    const stored = await api(server.base, token, 'GET', `/api/v2/deals/${dealId}`);
    assert.equal(stored.data.stage_id, stages[1].id);

    await page.reload();
    await page.locator(`${column(stages[1].id)} ${card(dealId)}`).waitFor();
    assert.equal(await page.locator(`${column(stages[0].id)} ${card(dealId)}`).count(), 0);
    await page.screenshot({ path: join(artifacts, 'board.png') });

    await page.locator(`${card(dealId)} a.deal-title`).click();
    await page.locator('[data-testid=deal-page]').waitFor();
    const moves = page.locator('[data-testid=timeline] li[data-field=stage_id]');
    await moves.nth(1).waitFor();
    assert.equal(await moves.count(), 2);
    assert.match(await moves.first().innerText(), new RegExp(`Moved from ${stages[0].name} to ${stages[1].name}`));
    assert.match(await page.locator('[data-testid=stage-times]').innerText(), new RegExp(stages[1].name));
});

test('marking the deal won on its page', async () => {
    await page.locator('.deal-actions button.won').click();
    await page.locator('[data-testid=deal-status]', { hasText: 'Won' }).waitFor();
    const stored = await api(server.base, token, 'GET', `/api/v2/deals/${dealId}`);
    assert.equal(stored.data.status, 'won');
    await page.locator('[data-testid=timeline] li[data-field=status]').first().waitFor();
    await page.screenshot({ path: join(artifacts, 'deal.png'), fullPage: true });

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-testid=won-chart] canvas').waitFor();
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
});

test('the dashboard shows the funnel and forecast of the seeded data', async () => {
    const digits = (text) => text.replace(/\D/g, '');
    const funnel = (await api(server.base, token, 'GET', '/api/v1/reports/funnel')).data;
    const stagesShown = funnel.rows.sort((a, b) => a.order - b.order);
    assert.ok(stagesShown[0].reached > 0, 'the demo deals reached the first stage');
    const funnelRows = page.locator('[data-testid=funnel-table] tbody tr');
    await funnelRows.nth(stagesShown.length - 1).waitFor();
    for (const [i, row] of stagesShown.entries()) {
        assert.equal(await funnelRows.nth(i).locator('td[data-column=stage]').innerText(), row.stage);
        assert.equal(digits(await funnelRows.nth(i).locator('td[data-column=reached]').innerText()), String(row.reached));
    }
    await page.locator('[data-testid=funnel-chart] canvas').waitFor();

    const forecast = (await api(server.base, token, 'GET', '/api/v1/reports/forecast')).data;
    const months = forecast.rows.filter((r) => r.month !== 'none').sort((a, b) => a.month.localeCompare(b.month));
    assert.ok(months.some((r) => r.open_value > 0), 'the demo has open deals with a close date');
    const forecastRows = page.locator('[data-testid=forecast-table] tbody tr');
    await forecastRows.nth(months.length - 1).waitFor();
    assert.equal(await forecastRows.count(), months.length);
    for (const [i, row] of months.entries()) {
        assert.equal(await forecastRows.nth(i).locator('td[data-column=month]').innerText(), row.month);
        // VND has no minor unit: the shown amounts are the report's, digit for digit.
        assert.equal(digits(await forecastRows.nth(i).locator('td[data-column=open_value]').innerText()), String(Math.round(row.open_value)));
        assert.equal(digits(await forecastRows.nth(i).locator('td[data-column=weighted_value]').innerText()), String(Math.round(row.weighted_value)));
    }
    await page.locator('[data-testid=forecast-chart] canvas').waitFor();
    for (const panel of ['stage-time', 'lost-reasons', 'leaderboard', 'stalled', 'goals']) {
        await page.locator(`[data-testid=report-${panel}][aria-busy=false]`).waitFor();
    }
    assert.equal(await page.locator('.report-card [role=alert]').count(), 0);
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
});

test('a move the server rejects puts the card back and shows the error', async () => {
    const doomed = await api(server.base, token, 'POST', '/api/v2/stages', { name: 'Tạm thời', pipeline_id: 1 });
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.locator(column(doomed.data.id)).waitFor();
    const first = page.locator(`${column(stages[0].id)} .deal-card`).first();
    const id = Number(await first.getAttribute('data-deal-id'));
    // The stage goes away behind the board's back, so the move must fail on the server.
    await api(server.base, token, 'DELETE', `/api/v2/stages/${doomed.data.id}`);

    const refused = page.waitForResponse(patchOf(id));
    await page.locator(column(doomed.data.id)).scrollIntoViewIfNeeded();
    await drag(card(id), column(doomed.data.id));
    assert.ok((await refused).status() >= 400);
    await page.locator('.notice-error', { hasText: 'Could not move' }).waitFor();
    await page.locator(`${column(stages[0].id)} ${card(id)}`).waitFor();
    assert.equal(await page.locator(`${column(doomed.data.id)} ${card(id)}`).count(), 0);
    const stored = await api(server.base, token, 'GET', `/api/v2/deals/${id}`);
    assert.equal(stored.data.stage_id, stages[0].id);
});

test('a card moves to the next stage from the keyboard', async () => {
    await page.reload();
    const first = page.locator(`${column(stages[0].id)} .deal-card`).first();
    await first.waitFor();
    const id = Number(await first.getAttribute('data-deal-id'));
    await first.focus();
    const saved = page.waitForResponse(patchOf(id));
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal((await saved).status(), 200);
    await page.locator(`${column(stages[1].id)} ${card(id)}`).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.dealId), String(id));
});

test('marking a card lost asks for a reason from the managed list', async () => {
    await api(server.base, token, 'POST', '/api/v1/lostReasons', { label: 'Giá quá cao' });
    const first = page.locator(`${column(stages[0].id)} .deal-card`).first();
    const id = Number(await first.getAttribute('data-deal-id'));
    await first.getByRole('button', { name: 'Lost' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lost reason').selectOption('Giá quá cao');
    const saved = page.waitForResponse(patchOf(id));
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    assert.equal((await saved).status(), 200);
    await page.locator(card(id)).waitFor({ state: 'detached' });
    const stored = await api(server.base, token, 'GET', `/api/v2/deals/${id}`);
    assert.equal(stored.data.status, 'lost');
    assert.equal(stored.data.lost_reason, 'Giá quá cao');
});

test('the deals list sorts and exports exactly the rows shown as CSV', async () => {
    await page.getByRole('link', { name: 'Deals' }).click();
    const rows = page.locator('[data-testid=deals-table] tbody tr');
    await rows.first().waitFor();
    await page.getByRole('button', { name: 'Value' }).click();
    await page.getByRole('button', { name: /Value/ }).click(); // descending
    const shown = await rows.count();
    const firstTitle = await rows.first().locator('td').first().innerText();
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    assert.equal(lines[0].split(',')[0], 'Title');
    assert.equal(lines.length, shown + 1);
    assert.ok(lines[1].startsWith(firstTitle.includes(',') ? `"${firstTitle}` : firstTitle), lines[1]);
    const values = lines.slice(1).map((line) => Number(line.match(/,(\d+(?:\.\d+)?),[A-Z]{3},/)[1]));
    assert.deepEqual(values, [...values].sort((a, b) => b - a), 'sorted by value, descending');
});

test('an admin reorders stages and adds a lost reason in the settings', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const up = page.getByRole('button', { name: `Move ${stages[1].name} up` });
    await up.waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v2/pipelines/1/stageOrder'));
    await up.click();
    assert.equal((await saved).status(), 200);
    const after = await api(server.base, token, 'GET', '/api/v2/stages?pipeline_id=1');
    const first = after.data.find((s) => s.order_nr === 1);
    assert.equal(first.id, stages[1].id);

    await page.getByLabel('New lost reason').fill('Chưa có ngân sách');
    await page.locator('#settings-lost').locator('..').getByRole('button', { name: 'Add' }).click();
    await page.locator('#settings-lost').locator('..').getByText('Chưa có ngân sách').waitFor();
    const reasons = await api(server.base, token, 'GET', '/api/v1/lostReasons');
    assert.ok(reasons.data.some((r) => r.label === 'Chưa có ngân sách'));
});

test('an admin adds a label, gives it to a deal on its page, and the board filters by it', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.locator('[data-testid=label-settings]');
    await section.getByLabel('New label').fill('Ưu tiên');
    await section.getByLabel('Colour', { exact: true }).selectOption('red');
    await section.getByRole('button', { name: 'Add' }).click();
    await section.locator('.label-chip.label-red', { hasText: 'Ưu tiên' }).waitFor();
    const labels = await api(server.base, token, 'GET', '/api/v1/dealLabels');
    const label = labels.data.find((l) => l.name === 'Ưu tiên');
    assert.equal(label.color, 'red');

    const open = await api(server.base, token, 'GET', `/api/v1/stages/${stages[0].id}/deals?everyone=1&limit=5`);
    const chosen = open.data[open.data.length - 1];
    await page.goto(`${server.base}/deals/${chosen.id}`);
    const editor = page.locator('[data-testid=deal-labels]');
    await editor.getByRole('button', { name: 'Change labels' }).click();
    const saved = page.waitForResponse(patchOf(chosen.id));
    await editor.getByRole('checkbox', { name: 'Ưu tiên' }).check();
    assert.equal((await saved).status(), 200);
    await editor.locator('.label-chips .label-chip', { hasText: 'Ưu tiên' }).waitFor();
    const stored = await api(server.base, token, 'GET', `/api/v2/deals/${chosen.id}`);
    assert.deepEqual(stored.data.label_ids, [label.id]);

    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.locator(`${column(stages[0].id)} .deal-card`).nth(1).waitFor();
    await page.locator('[data-testid=label-filter]').selectOption(String(label.id));
    const figures = page.locator(`[data-testid=stage-figures-${stages[0].id}] .count`);
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 1,
        `${column(stages[0].id)} .deal-card`);
    await page.locator(`${column(stages[0].id)} ${card(chosen.id)} .label-chip`, { hasText: 'Ưu tiên' }).waitFor();
    await figures.filter({ hasText: /^1\b/ }).waitFor();
    for (const stage of stages.slice(1)) {
        assert.equal(await page.locator(`${column(stage.id)} .deal-card`).count(), 0, stage.name);
    }
    await page.locator('[data-testid=label-filter]').selectOption('');
    await page.locator(`${column(stages[0].id)} .deal-card`).nth(1).waitFor();
});

test('in Vietnamese, a person is found by a name typed without diacritics', async () => {
    await page.selectOption('[data-testid=language]', 'vi');
    await page.getByRole('link', { name: 'Người liên hệ' }).click();
    await page.locator('[data-testid=contact-table]').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    const persons = await api(server.base, token, 'GET', '/api/v2/persons?limit=200');
    const person = persons.data.find((p) => folded(p.name) !== p.name);
    assert.ok(person, 'the demo data has a person with diacritics');
    const typed = folded(person.name).toLowerCase();
    await page.fill('[data-testid=contact-search]', typed);
    await page.locator('[data-testid=contact-table] td a', { hasText: person.name }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Đăng xuất' }).count(), 1);
});

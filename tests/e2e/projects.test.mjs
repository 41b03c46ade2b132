// Project pipelines in headless Chromium against the real pipecrm binary (ctest: web_browser;
// issue 10): add a project pipeline from the template and a project, add a member and a risk,
// move the project through the stages, and watch its status and the workload change on the
// project page, the portfolio and the board. Screenshots go to $PIPECRM_ARTIFACTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { adminEmail, adminPassword, api, createToken, demoDatabase, launchBrowser, startServer } from './support.mjs';

const artifacts = process.env.PIPECRM_ARTIFACTS || join(process.cwd(), 'artifacts');
let database;
let server;
let token;
let browser;
let page;
let projectId;
let pipelineId;

const status = () => page.locator('[data-testid=project-status]');
const workloadRows = () => page.locator('[data-testid=workload] tbody tr');

async function openPortfolio() {
    const loaded = page.waitForResponse((r) => r.url().includes('/api/v1/reports/portfolio') && r.ok());
    await page.goto(`${server.base}/portfolio`);
    await loaded;
    await page.locator('[data-testid=workload]').waitFor();
}

async function openProject() {
    await page.goto(`${server.base}/projects/${projectId}`);
    await status().waitFor();
}

before(async () => {
    mkdirSync(artifacts, { recursive: true });
    database = demoDatabase(5, 'pipecrm-e2e-projects-');
    token = createToken(database.db);
    server = await startServer(database.db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.base + '/');
    await page.selectOption('[data-testid=language]', 'en');
    await page.fill('#login-email', adminEmail);
    await page.fill('#login-password', adminPassword);
    await page.click('button[type=submit]');
    await page.locator('[data-testid=board]').waitFor();
});

after(async () => {
    await browser?.close();
    await server?.stop();
    database?.remove();
});

test('a project pipeline from the template, and a project in its first stage', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Projects' }).click();
    await page.getByText('No project pipeline yet').waitFor();
    await page.fill('#project-pipeline-name', 'Delivery');
    await page.selectOption('#project-pipeline-language', 'en');
    await page.getByRole('button', { name: 'Add a project pipeline' }).click();
    await page.locator('[data-testid=project-pipeline-select]').waitFor();
    const pipelines = await api(server.base, token, 'GET', '/api/v2/pipelines');
    const delivery = pipelines.data.find((p) => p.name === 'Delivery');
    assert.equal(delivery.kind, 'project');
    pipelineId = delivery.id;
    const stages = await api(server.base, token, 'GET', `/api/v2/stages?pipeline_id=${pipelineId}&sort_by=order_nr`);
    assert.deepEqual(stages.data.map((s) => s.name), ['Idea', 'Planning', 'In progress', 'Review', 'Done']);

    await page.fill('#new-project-title', 'Website relaunch');
    await page.getByRole('button', { name: 'Add project' }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    projectId = Number(page.url().split('/').pop());
    await status().waitFor();
    assert.equal(await status().getAttribute('data-status'), 'on_track');
    assert.equal(await page.locator('.stage-bar button[aria-current=step]').innerText(), 'Idea');
});

test('a member with 50 hours a week shows over-allocated in the workload', async () => {
    await openPortfolio();
    assert.equal(await workloadRows().count(), 0, 'nobody is allocated yet');
    await openProject();
    const me = await api(server.base, token, 'GET', '/api/v1/users/me');
    await page.selectOption('#member-user', String(me.data.id));
    await page.fill('#member-hours', '50');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/projects/${projectId}/members`) && r.ok());
    await page.getByRole('button', { name: 'Add member' }).click();
    await saved;
    await page.locator(`[data-testid=project-members] li[data-user-id="${me.data.id}"]`).waitFor();

    await openPortfolio();
    const row = page.locator(`[data-testid=workload] tr[data-user-id="${me.data.id}"]`);
    assert.equal(await row.getAttribute('data-over'), 'yes');
    assert.equal(await row.locator('td.over-allocated').first().innerText(), '50');
    await row.getByText('over-allocated').waitFor();
});

test('an open high risk puts the project at risk', async () => {
    await openProject();
    await page.fill('#risk-description', 'The designer may leave');
    await page.selectOption('#risk-likelihood', 'high');
    await page.selectOption('#risk-impact', 'high');
    await page.fill('#risk-contingency', 'An agency on call');
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.locator('[data-testid=project-status][data-status=at_risk]').waitFor();
    await page.locator('[data-testid=project-risks] tr.high-risk').getByText('An agency on call').waitFor();

    await openPortfolio();
    const project = page.locator(`[data-testid=portfolio-projects] tr[data-project-id="${projectId}"]`);
    assert.equal(await project.locator('[data-status]').getAttribute('data-status'), 'at_risk');
    await page.screenshot({ path: join(artifacts, 'portfolio.png'), fullPage: true });

    // The board of the project pipeline shows the status on the card.
    await page.goto(`${server.base}/board`);
    await page.selectOption('[data-testid=pipeline-select]', String(pipelineId));
    await page.locator(`.deal-card[data-deal-id="${projectId}"] [data-status=at_risk]`).waitFor();
});

test('moved through the stages to Done, it is finished, on track, and off the workload', async () => {
    await openProject();
    for (const name of ['Planning', 'In progress', 'Review', 'Done']) {
        const moved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/projects/${projectId}`) && r.ok());
        await page.locator('.stage-bar').getByRole('button', { name, exact: true }).click();
        await moved;
        await page.locator('.stage-bar button[aria-current=step]', { hasText: name }).waitFor();
    }
    await page.locator('[data-testid=project-status][data-status=on_track]').waitFor();
    await page.getByText('Finished', { exact: true }).waitFor();
    await page.screenshot({ path: join(artifacts, 'project.png'), fullPage: true });

    await openPortfolio();
    assert.equal(await workloadRows().count(), 0, 'a finished project allocates nobody');
    const stages = page.locator('[data-testid=portfolio-stages] tbody tr');
    assert.equal(await stages.count(), 5);
    assert.match(await stages.nth(4).innerText(), /Done\s+1\s+1\s+0\s+0/);

    // The same deal engine underneath: the moves are in the deal's history.
    const log = await api(server.base, token, 'GET', `/api/v1/deals/${projectId}/changelog`);
    const stageIds = (await api(server.base, token, 'GET', `/api/v2/stages?pipeline_id=${pipelineId}&sort_by=order_nr`))
        .data.map((s) => String(s.id));
    const moves = log.data.filter((entry) => entry.field_key === 'stage_id' && entry.old_value !== null);
    assert.deepEqual(moves.map((m) => m.new_value).sort(), stageIds.slice(1).sort());
    const board = page.waitForResponse((r) => r.url().includes('/api/v1/projects?') && r.ok());
    await page.goto(`${server.base}/board`);
    await page.selectOption('[data-testid=pipeline-select]', String(pipelineId));
    await board;
    await page.locator(`.deal-card[data-deal-id="${projectId}"] [data-status=on_track]`).waitFor();
});

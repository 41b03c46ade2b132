// Drives a real pipecrm server with the official Pipedrive client (pipedrive@33.7.0, pinned
// in package-lock.json), changing only the base URL: a sales flow through the five default
// stages, and the client's view of errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v1 from 'pipedrive/v1';
import * as v2 from 'pipedrive/v2';

const binary = process.env.PIPECRM_BINARY;
let dir;
let server;
let base;
let token;

function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let seen = '';
    const timer = setTimeout(() => reject(new Error('pipecrm serve did not start')), 20000);
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`pipecrm serve exited with ${code}`)));
  });
}

before(async () => {
  assert.ok(binary, 'PIPECRM_BINARY must name the pipecrm binary');
  dir = mkdtempSync(join(tmpdir(), 'pipecrm-pipedrive-'));
  const db = join(dir, 'crm.db');
  execFileSync(binary, ['init', '--db', db, '--admin-email', 'chu@saoviet.vn', '--lang', 'vi'], {
    env: { ...process.env, PIPECRM_ADMIN_PASSWORD: 'mat-khau-rat-dai' },
  });
  token = execFileSync(binary, ['token', 'create', '--db', db, '--email', 'chu@saoviet.vn'])
    .toString()
    .trim();
  base = await startServer(db);
});

after(() => {
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const v2config = () => new v2.Configuration({ apiKey: token, basePath: `${base}/api/v2` });
const v1config = () => new v1.Configuration({ apiKey: token, basePath: `${base}/api/v1` });

test('a deal goes from prospecting to won through the five stages', async () => {
  const me = await new v1.UsersApi(v1config()).getCurrentUser();
  assert.equal(me.data.email, 'chu@saoviet.vn');

  const pipelines = await new v2.PipelinesApi(v2config()).getPipelines();
  assert.equal(pipelines.data.length, 1);
  const stagesApi = new v2.StagesApi(v2config());
  const stages = await stagesApi.getStages({ pipeline_id: pipelines.data[0].id, sort_by: 'order_nr' });
  assert.deepEqual(
    stages.data.map((s) => s.name),
    ['Tìm kiếm khách hàng', 'Chăm sóc, giữ chân khách hàng', 'Đề xuất nhóm khách hàng quan tâm',
      'Xây dựng mối quan hệ', 'Chốt đơn'],
  );

  const org = await new v2.OrganizationsApi(v2config()).addOrganization({
    AddOrganizationRequest: { name: 'Công ty Cổ phần Sao Việt', address: { value: '25 Hai Bà Trưng, Hà Nội' } },
  });
  const person = await new v2.PersonsApi(v2config()).addPerson({
    AddPersonRequest: {
      name: 'Trần Thị Bích',
      org_id: org.data.id,
      emails: [{ value: 'bich.tran@saoviet.vn', primary: true, label: 'work' }],
      phones: [{ value: '0912 345 678', primary: true, label: 'mobile' }],
    },
  });
  assert.equal(person.data.emails[0].value, 'bich.tran@saoviet.vn');

  const dealsApi = new v2.DealsApi(v2config());
  const created = await dealsApi.addDeal({
    AddDealRequest: {
      title: 'Phần mềm CRM cho 50 người dùng',
      value: 120000000,
      currency: 'VND',
      person_id: person.data.id,
      org_id: org.data.id,
      expected_close_date: '2026-12-31',
    },
  });
  const deal = created.data;
  assert.equal(deal.stage_id, stages.data[0].id);
  assert.equal(deal.value, 120000000);
  assert.equal(deal.status, 'open');

  for (const stage of stages.data.slice(1)) {
    const moved = await dealsApi.updateDeal({ id: deal.id, UpdateDealRequest: { stage_id: stage.id } });
    assert.equal(moved.data.stage_id, stage.id);
    assert.ok(moved.data.stage_change_time);
  }

  const activities = new v2.ActivitiesApi(v2config());
  const call = await activities.addActivity({
    AddActivityRequest: { subject: 'Gọi chốt hợp đồng', type: 'call', deal_id: deal.id, due_date: '2026-12-01', due_time: '09:00' },
  });
  assert.equal(call.data.deal_id, deal.id);
  // The client names the PATCH body AddActivityRequest too (see the API document).
  const marked = await activities.updateActivity({ id: call.data.id, AddActivityRequest: { done: true } });
  assert.equal(marked.data.done, true);

  await new v1.NotesApi(v1config()).addNote({
    AddNoteRequest: { content: 'Khách đồng ý ký hợp đồng 12 tháng', deal_id: deal.id },
  });
  const notes = await new v1.NotesApi(v1config()).getNotes({ deal_id: deal.id });
  assert.equal(notes.data.length, 1);

  // Products on the deal set its value.
  const product = await new v2.ProductsApi(v2config()).addProduct({
    AddProductRequest: { name: 'CRM - gói 50 người dùng', code: 'CRM-50', prices: [{ price: 2400000, currency: 'VND' }] },
  });
  const line = await new v2.DealProductsApi(v2config()).addDealProduct({
    id: deal.id,
    AddDealProductRequest: { product_id: product.data.id, item_price: 2400000, quantity: 50 },
  });
  assert.equal(line.data.sum, 120000000);
  const valued = await dealsApi.getDeal({ id: deal.id });
  assert.equal(valued.data.value, 120000000);

  const won = await dealsApi.updateDeal({ id: deal.id, UpdateDealRequest: { status: 'won' } });
  assert.equal(won.data.status, 'won');
  assert.ok(won.data.won_time);
  assert.ok(won.data.close_time);

  const wonDeals = await dealsApi.getDeals({ status: 'won' });
  assert.deepEqual(wonDeals.data.map((d) => d.id), [deal.id]);

  // The manager's view: won value keyed by currency, and the deal in its close month.
  const v1deals = new v1.DealsApi(v1config());
  const summary = await v1deals.getDealsSummary({ status: 'won' });
  assert.equal(summary.data.total_count, 1);
  assert.equal(summary.data.values_total.VND.value, 120000000);
  const timeline = await v1deals.getDealsTimeline({
    start_date: '2026-10-01', interval: 'month', amount: 3, field_key: 'expected_close_date',
  });
  assert.deepEqual(timeline.data.map((p) => p.totals.won_count), [0, 0, 1]);
  assert.equal(timeline.data[2].deals[0].id, deal.id);
  assert.equal(timeline.data[2].totals.won_values.VND, 120000000);
  const done = await activities.getActivities({ deal_id: deal.id, done: true });
  assert.equal(done.data.length, 1);

  const types = await new v1.ActivityTypesApi(v1config()).getActivityTypes();
  assert.ok(types.data.some((t) => t.key_string === 'meeting'));
});

test('the client sees errors as the JSON error envelope', async () => {
  const dealsApi = new v2.DealsApi(v2config());
  await assert.rejects(dealsApi.addDeal({ AddDealRequest: { value: 10 } }), (body) => {
    assert.equal(body.success, false);
    assert.equal(body.field, 'title');
    return true;
  });
  await assert.rejects(dealsApi.getDeal({ id: 987654 }), (body) => body.success === false);
  const stranger = new v2.DealsApi(new v2.Configuration({ apiKey: 'f'.repeat(40), basePath: `${base}/api/v2` }));
  await assert.rejects(stranger.getDeals(), (body) => body.errorCode === 401);
});

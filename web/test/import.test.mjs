// The import screens' pure logic (ctest: web_unit): the mapping as `map` overrides, the query
// strings, the size check, progress figures, and the labels the screens name dynamically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/messages/en.js';
import {
    duplicateChoices, exportKinds, fileTooLarge, importKinds, importQuery, knownFields, listPathOf,
    mapOverrides, maxFileBytes, overallRate, percentDone, rowsPerSecond, targetOf, timeLeftMs,
} from '../src/import/import_logic.js';
import { fieldLabel } from '../src/import/field_label.js';
import { setLang } from '../src/i18n.js';

const detected = [
    { header: 'Họ tên', field: 'name', custom_field_key: null },
    { header: 'SĐT', field: 'phone', custom_field_key: null },
    { header: 'Hạng', field: null, custom_field_key: 'abc123' },
    { header: 'Ghi chú', field: null, custom_field_key: null },
];

test('a column target names a field, a custom field or nothing', () => {
    assert.deepEqual(detected.map(targetOf), ['field:name', 'field:phone', 'custom:abc123', '']);
});

test('only the columns changed from what the server detected become map overrides', () => {
    assert.deepEqual(mapOverrides(detected, detected.map(targetOf)), []);
    assert.deepEqual(mapOverrides(detected, []), [], 'no choice yet keeps the detected mapping');
    const chosen = ['field:name', '', 'custom:xyz', 'field:email'];
    assert.deepEqual(mapOverrides(detected, chosen), ['SĐT=-', 'Hạng=xyz', 'Ghi chú=email']);
});

test('the query string repeats map and sends only the options that apply', () => {
    assert.equal(importQuery({ kind: 'persons' }), '?kind=persons');
    const query = new URLSearchParams(importQuery({
        kind: 'deals', map: ['Tên=title', 'A=B=-'], onDuplicate: 'update', dryRun: true, pipelineId: 2,
        fileName: 'giao dịch.csv',
    }).slice(1));
    assert.deepEqual(query.getAll('map'), ['Tên=title', 'A=B=-']);
    assert.equal(query.get('on_duplicate'), 'update');
    assert.equal(query.get('dry_run'), 'true');
    assert.equal(query.get('pipeline_id'), '2');
    assert.equal(query.get('file_name'), 'giao dịch.csv');
    const persons = new URLSearchParams(importQuery({ kind: 'persons', pipelineId: 2, dryRun: false }).slice(1));
    assert.equal(persons.get('pipeline_id'), null, 'a pipeline only for deals');
    assert.equal(persons.get('dry_run'), null);
});

test('files over the server body limit are refused before upload', () => {
    assert.equal(maxFileBytes, 4 * 1024 * 1024);
    assert.equal(fileTooLarge({ size: maxFileBytes }), false);
    assert.equal(fileTooLarge({ size: maxFileBytes + 1 }), true);
    assert.equal(fileTooLarge(null), false);
});

test('progress: percent of rows done, 100 once finished', () => {
    assert.equal(percentDone({ status: 'running', rows_done: 0, rows_total: 0 }), 0);
    assert.equal(percentDone({ status: 'running', rows_done: 2000, rows_total: 3000 }), 66);
    assert.equal(percentDone({ status: 'done', rows_done: 0, rows_total: 0 }), 100);
    assert.equal(percentDone({ status: 'failed', rows_done: 10, rows_total: 3000 }), 100);
});

test('rows per second from the page samples and from a finished job', () => {
    assert.equal(rowsPerSecond([]), null);
    assert.equal(rowsPerSecond([{ at: 0, rows: 0 }]), null);
    assert.equal(rowsPerSecond([{ at: 0, rows: 0 }, { at: 0, rows: 10 }]), null);
    assert.equal(rowsPerSecond([{ at: 1000, rows: 100 }, { at: 1500, rows: 600 }, { at: 3000, rows: 2100 }]), 1000);
    assert.equal(overallRate({ add_time: '2026-11-26T10:00:00Z', finish_time: '2026-11-26T10:00:04Z', rows_done: 10000 }), 2500);
    assert.equal(overallRate({ add_time: '2026-11-26T10:00:00Z', finish_time: '2026-11-26T10:00:00Z', rows_done: 4 }), null);
    assert.equal(overallRate({ add_time: '2026-11-26T10:00:00Z', finish_time: null, rows_done: 4 }), null);
    const running = { status: 'running', rows_done: 1000, rows_total: 5000 };
    assert.equal(timeLeftMs(running, 2000), 2000);
    assert.equal(timeLeftMs(running, null), null);
    assert.equal(timeLeftMs({ ...running, status: 'done' }, 2000), null);
});

test('every field, kind, status, choice and figure the screens name has a label', () => {
    for (const field of knownFields) {
        assert.ok(`import_field.${field}` in en, field);
    }
    for (const kind of [...importKinds, ...exportKinds]) {
        assert.ok(`import.kind_${kind}` in en, kind);
    }
    for (const status of ['running', 'done', 'failed']) {
        assert.ok(`import.status_${status}` in en, status);
    }
    for (const choice of duplicateChoices) {
        assert.ok(`import.on_duplicate_${choice}` in en, choice);
    }
    for (const figure of ['created', 'updated', 'skipped', 'rejected', 'organizations_created', 'persons_created']) {
        assert.ok(`import.figure_${figure}` in en, figure);
    }
    assert.equal(listPathOf('organizations'), '/organizations');
});

test('a field shows by its label and name, an unknown one by its name', () => {
    setLang('vi');
    assert.equal(fieldLabel('phone'), 'Số điện thoại (phone)');
    assert.equal(fieldLabel('shoe_size'), 'shoe_size');
    setLang('en');
    assert.equal(fieldLabel('phone'), 'Phone (phone)');
});

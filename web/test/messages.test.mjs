// The message catalogues (ctest: web_unit): English and Vietnamese have the same keys and
// placeholders, no message is empty, and every key the code names exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from '../src/messages/en.js';
import vi from '../src/messages/vi.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            return name === 'messages' ? [] : sources(path);
        }
        return /\.(js|jsx)$/.test(name) ? [path] : [];
    });
}

test('both catalogues have the same keys', () => {
    assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort());
});

test('no message is empty and both languages use the same placeholders', () => {
    for (const key of Object.keys(en)) {
        assert.ok(en[key].trim(), `en ${key} is empty`);
        assert.ok(vi[key].trim(), `vi ${key} is empty`);
        assert.deepEqual(placeholders(vi[key]), placeholders(en[key]), `placeholders of ${key}`);
    }
});

test('every key named in the code exists', () => {
    const src = new URL('../src', import.meta.url).pathname;
    const missing = [];
    for (const file of sources(src)) {
        const text = readFileSync(file, 'utf8');
        // t('key') and literal keys in tables like ['/board', 'nav.board'].
        for (const [, key] of text.matchAll(/\bt\('([a-z_]+\.[a-z_.]+)'/g)) {
            if (!(key in en)) {
                missing.push(`${file}: ${key}`);
            }
        }
        for (const [, key] of text.matchAll(/'((?:nav|deal|board|status)\.[a-z_]+)'/g)) {
            if (!(key in en)) {
                missing.push(`${file}: ${key}`);
            }
        }
    }
    assert.deepEqual(missing, []);
});

test('the dynamic key families are complete', () => {
    for (const status of ['open', 'won', 'lost', 'deleted']) {
        assert.ok(`status.${status}` in en);
    }
    for (const group of ['overdue', 'today', 'upcoming']) {
        assert.ok(`activity.${group}` in en);
    }
    for (const metric of ['won_value', 'deals_won', 'activities_done']) {
        assert.ok(`reports.metric_${metric}` in en);
    }
    for (const color of ['green', 'blue', 'red', 'yellow', 'purple', 'gray']) {
        assert.ok(`labels.color_${color}` in en);
    }
    for (const type of ['varchar', 'text', 'double', 'monetary', 'date', 'enum', 'set', 'phone', 'user', 'people', 'org']) {
        assert.ok(`field_type.${type}` in en, type);
    }
    for (const kind of ['change', 'activity', 'note']) {
        assert.ok(`timeline.kind_${kind}` in en);
    }
});

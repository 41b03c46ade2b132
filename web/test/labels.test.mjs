// Deal labels (ctest: web_unit): a deal's labels from v2's label_ids or v1's comma list, in the
// workspace's order, without labels removed since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelIdsOf, labelsOf } from '../src/label_ids.js';

const labels = [
    { id: 2, name: 'Hot', color: 'red' },
    { id: 5, name: 'VIP', color: 'blue' },
];

test('v2 label_ids and v1 label give the same ids', () => {
    assert.deepEqual(labelIdsOf({ label_ids: [5, 2] }), [5, 2]);
    assert.deepEqual(labelIdsOf({ label: '2,5' }), [2, 5]);
    assert.deepEqual(labelIdsOf({ label: null }), []);
    assert.deepEqual(labelIdsOf({ label: '' }), []);
    assert.deepEqual(labelIdsOf({}), []);
});

test('labels come in the list order and unknown ids are left out', () => {
    assert.deepEqual(labelsOf({ label_ids: [5, 2, 9] }, labels).map((l) => l.name), ['Hot', 'VIP']);
    assert.deepEqual(labelsOf({ label: '5' }, labels).map((l) => l.name), ['VIP']);
    assert.deepEqual(labelsOf({ label_ids: [9] }, labels), []);
    assert.deepEqual(labelsOf({ label_ids: [2] }, undefined), []);
});

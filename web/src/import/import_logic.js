// The import screens' pure logic: the file size check, the query string of a preview or an
// import (the mapping as `map` overrides of what the server detected), and progress figures.

export const importKinds = ['persons', 'organizations', 'deals', 'activities'];
export const exportKinds = ['persons', 'organizations', 'deals', 'activities', 'notes'];
export const duplicateChoices = ['skip', 'update', 'create'];

// The server refuses request bodies over 4 MiB (413); the page says so before uploading.
export const maxFileBytes = 4 * 1024 * 1024;

export function fileTooLarge(file) {
    return Boolean(file) && file.size > maxFileBytes;
}

// The standard fields the server maps columns to (importer::StandardFields), each with a
// label `import_field.<name>` in the catalogues; a field missing here shows by its name.
export const knownFields = [
    'id', 'name', 'first_name', 'last_name', 'email', 'phone', 'organization', 'owner', 'address',
    'title', 'value', 'currency', 'status', 'stage', 'person', 'person_email', 'person_phone',
    'add_time', 'won_time', 'lost_time', 'close_time', 'expected_close_date', 'lost_reason',
    'probability', 'product', 'product_code', 'product_quantity', 'product_price', 'subject',
    'type', 'due_date', 'due_time', 'duration', 'done', 'note', 'deal_id',
];

// A column's target as the mapping screen's select names it: '' (ignored), 'field:<name>' or
// 'custom:<key>'.
export function targetOf(column) {
    if (column.field) {
        return `field:${column.field}`;
    }
    if (column.custom_field_key) {
        return `custom:${column.custom_field_key}`;
    }
    return '';
}

// The `map` overrides (CSVCOL=FIELD) that turn the detected mapping into the chosen one:
// only the columns whose choice differs from what the server detected ('-' ignores one).
export function mapOverrides(detected, chosen) {
    const overrides = [];
    detected.forEach((column, index) => {
        const want = chosen[index] ?? targetOf(column);
        if (want === targetOf(column)) {
            return;
        }
        const target = want === '' ? '-' : want.slice(want.indexOf(':') + 1);
        overrides.push(`${column.header}=${target}`);
    });
    return overrides;
}

// The query string of POST /api/v1/imports/preview or /api/v1/imports.
export function importQuery({ kind, map = [], onDuplicate, dryRun, pipelineId, fileName }) {
    const search = new URLSearchParams();
    search.set('kind', kind);
    for (const override of map) {
        search.append('map', override);
    }
    if (onDuplicate) {
        search.set('on_duplicate', onDuplicate);
    }
    if (dryRun) {
        search.set('dry_run', 'true');
    }
    if (pipelineId && kind === 'deals') {
        search.set('pipeline_id', String(pipelineId));
    }
    if (fileName) {
        search.set('file_name', fileName);
    }
    return `?${search.toString()}`;
}

// How far a job is, 0..100 (a finished job is at 100 even when it had no rows).
export function percentDone(job) {
    if (job.status !== 'running') {
        return 100;
    }
    if (!job.rows_total) {
        return 0;
    }
    return Math.min(100, Math.floor((job.rows_done * 100) / job.rows_total));
}

// Rows per second between the first and the last of the samples ({at: ms, rows}) this page
// took; null until two samples are apart in time and rows.
export function rowsPerSecond(samples) {
    if (samples.length < 2) {
        return null;
    }
    const first = samples[0];
    const last = samples[samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    if (seconds <= 0 || last.rows <= first.rows) {
        return null;
    }
    return (last.rows - first.rows) / seconds;
}

// Milliseconds until a running job is done at `rate` rows per second, or null.
export function timeLeftMs(job, rate) {
    if (job.status !== 'running' || !rate || job.rows_total <= job.rows_done) {
        return null;
    }
    return ((job.rows_total - job.rows_done) / rate) * 1000;
}

// A finished job's overall rate from its own times (whole seconds), or null when it took
// under a second.
export function overallRate(job) {
    if (!job.finish_time || !job.add_time) {
        return null;
    }
    const seconds = (Date.parse(job.finish_time) - Date.parse(job.add_time)) / 1000;
    return seconds >= 1 ? job.rows_done / seconds : null;
}

// Where the imported records are listed in the app.
export function listPathOf(kind) {
    return { persons: '/persons', organizations: '/organizations', deals: '/deals', activities: '/activities' }[kind] || '/';
}

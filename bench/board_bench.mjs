// Board benchmark: opens the pipeline board of a 100k-deal database in headless Chromium and
// prints the time to the first painted board (every column's first page and totals on screen)
// and the page's memory, next to the same figures for a 100-deal database measured in the same
// run. Target: first paint under 1 s at 100k.
//
// usage: node bench/board_bench.mjs [--deals N] [--runs R]
//   PIPECRM_BINARY (default build/release/pipecrm), PIPECRM_GENERATE (default
//   build/release/pipecrm_generate). Run by `make bench-board` (and `make bench`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
process.env.PIPECRM_BINARY ||= join(root, 'build/release/pipecrm');
const generate = process.env.PIPECRM_GENERATE || join(root, 'build/release/pipecrm_generate');
const { launchBrowser, startServer } = await import(join(root, 'tests/e2e/support.mjs'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
};
const deals = option('deals', 100000);
const runs = option('runs', 5);
const email = 'bench@example.com';
const password = 'board-bench-password';

function database(dir, count) {
    const db = join(dir, `board-${count}.db`);
    process.stderr.write(`generating ${count} deals...\n`);
    execFileSync(generate, ['--db', db, '--deals', String(count), '--seed', '7'], { stdio: ['ignore', 'ignore', 'ignore'] });
    execFileSync(process.env.PIPECRM_BINARY, ['user', 'reset-password', '--db', db, '--email', email], {
        env: { ...process.env, PIPECRM_USER_PASSWORD: password },
        stdio: ['ignore', 'ignore', 'inherit'],
    });
    return db;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Signs in once, then opens /board `runs` + 1 times in fresh pages of the same session.
async function measure(browser, db) {
    // Without the response cache, every load reads the database as a first visit does.
    const server = await startServer(db, ['--cache-mb', '0']);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
        const login = await context.request.post(`${server.base}/api/v1/auth/login`, { data: { email, password } });
        if (!login.ok()) {
            throw new Error(`sign-in failed: ${login.status()}`);
        }
        const paints = [];
        const heaps = [];
        let cards = 0;
        for (let run = 0; run <= runs; run++) {
            const page = await context.newPage();
            await page.goto(`${server.base}/board`);
            await page.waitForFunction(() => performance.getEntriesByName('pipecrm:board-painted').length > 0, null, { timeout: 60000 });
            const paint = await page.evaluate(() => performance.getEntriesByName('pipecrm:board-painted')[0].startTime);
            const cdp = await context.newCDPSession(page);
            await cdp.send('Performance.enable');
            const { metrics } = await cdp.send('Performance.getMetrics');
            const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
            cards = await page.locator('.deal-card').count();
            await page.close();
            if (run > 0) { // the first run warms the server's page cache and the browser
                paints.push(paint);
                heaps.push(heap);
            }
        }
        return { paint: median(paints), min: Math.min(...paints), max: Math.max(...paints), heap: median(heaps), cards };
    } finally {
        await context.close();
        await server.stop();
    }
}

const dir = mkdtempSync(join(tmpdir(), 'pipecrm-board-bench-'));
const browser = await launchBrowser();
try {
    const small = await measure(browser, database(dir, 100));
    const large = await measure(browser, database(dir, deals));
    const row = (label, r) =>
        `${label.padEnd(14)} ${r.paint.toFixed(0).padStart(8)} ms  (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})  ` +
        `${(r.heap / 1048576).toFixed(1).padStart(6)} MiB JS heap  ${String(r.cards).padStart(4)} cards`;
    console.log(`board first paint, median of ${runs} loads after one warm-up (headless Chromium)`);
    console.log(row('100 deals', small));
    console.log(row(`${deals} deals`, large));
    console.log(`ratio ${deals}/100: ${(large.paint / small.paint).toFixed(2)}x paint, ${(large.heap / small.heap).toFixed(2)}x heap`);
    console.log(`target first paint < 1000 ms at ${deals} deals: ${large.paint < 1000 ? 'met' : 'NOT met'}`);
} finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
}

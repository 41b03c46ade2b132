// Shared by the browser tests and bench/board_bench.mjs: a real pipecrm server on a fresh
// SQLite database, and headless Chromium (Debian's /usr/bin/chromium) through playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const adminEmail = 'admin@demo.pipecrm.local';
export const adminPassword = 'mat-khau-demo-dai';

export function binary() {
    const path = process.env.PIPECRM_BINARY;
    if (!path) {
        throw new Error('PIPECRM_BINARY must name the pipecrm binary');
    }
    return path;
}

// A temporary folder with a demo database of `deals` deals (Vietnamese stages and names).
export function demoDatabase(deals, prefix = 'pipecrm-e2e-') {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const db = join(dir, 'crm.db');
    execFileSync(binary(), ['demo', '--db', db, '--deals', String(deals), '--admin-email', adminEmail], {
        env: { ...process.env, PIPECRM_ADMIN_PASSWORD: adminPassword },
        stdio: ['ignore', 'ignore', 'inherit'],
    });
    return { dir, db, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function createToken(db) {
    return execFileSync(binary(), ['token', 'create', '--db', db, '--email', adminEmail]).toString().trim();
}

// `pipecrm serve` on a free loopback port (with `extra` options); resolves to {base, stop}.
export function startServer(db, extra = []) {
    return new Promise((resolve, reject) => {
        const server = spawn(binary(), ['serve', '--db', db, '--listen', '127.0.0.1:0', ...extra], {
            stdio: ['ignore', 'pipe', 'ignore'],
        });
        let seen = '';
        const timer = setTimeout(() => reject(new Error('pipecrm serve did not start')), 20000);
        server.stdout.on('data', (chunk) => {
            seen += chunk;
            const match = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
            if (match) {
                clearTimeout(timer);
                resolve({
                    base: match[1],
                    stop: () => new Promise((done) => {
                        server.once('exit', done);
                        server.kill('SIGTERM');
                    }),
                });
            }
        });
        server.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`pipecrm serve exited with ${code}`));
        });
    });
}

export function launchBrowser() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        // Root in containers has no user namespaces for Chromium's sandbox.
        args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
}

// An API call with a token, for setting up and checking what the browser did.
export async function api(base, token, method, path, body) {
    const response = await fetch(base + path, {
        method,
        headers: { 'x-api-token': token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
        throw new Error(`${method} ${path}: ${response.status} ${json.error}`);
    }
    return json;
}

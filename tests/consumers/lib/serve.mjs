// Starts `yjs serve` for the consumer tests: a temporary folder with a users file (one window
// clerk, one officer of each newborn department, one supervisor), a SQLite store, a free port
// on 127.0.0.1, and a clock started at a fixed time so pages and screenshots are reproducible.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generated, root, yjsBin } from './paths.mjs';

/** The sample submission of the newborn matter. */
export function sampleSubmission() {
  return JSON.parse(readFileSync(join(root, 'runtime/tests/fixtures/newborn/submission.json'), 'utf8'));
}

/** Starts a server; resolves to { base, tokens: {window, supervisor, wsjk, gaj, ybj, rsj}, api, stop }. */
export async function startServe({ now = '2026-03-13T08:00:00' } = {}) {
  const bin = yjsBin();
  const dir = mkdtempSync(join(tmpdir(), 'yjs-serve-'));
  const users = join(dir, 'users.json');
  const add = (id, role, dept) => execFileSync(bin,
    ['serve', 'user', 'add', '--users', users, id, '--role', role, ...(dept ? ['--department', dept] : [])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const tokens = { window: add('w1', 'window'), supervisor: add('s1', 'supervisor') };
  for (const d of ['wsjk', 'gaj', 'ybj', 'rsj']) tokens[d] = add(`${d}1`, 'department', d);
  const child = spawn(bin, ['serve', '--artifacts', generated, '--db', join(dir, 'cases.db'), '--users', users,
    '--listen', '127.0.0.1:0', '--now', now], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines = createInterface({ input: child.stderr });
  const addr = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`yjs serve exited with ${code} before listening`)));
    lines.on('line', (line) => {
      try {
        const log = JSON.parse(line);
        if (log.fields?.message === 'yjs serve listening') resolve(log.fields.addr);
      } catch { /* not a log line */ }
    });
  });
  const base = `http://${addr}`;
  /** Calls the API with a token; resolves to { status, body }. */
  async function api(method, path, token, body) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let parsed;
    try { parsed = JSON.parse(text); } catch { parsed = text; }
    return { status: r.status, body: parsed };
  }
  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { base, tokens, api, stop };
}

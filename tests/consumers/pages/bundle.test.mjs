// The committed form bundle (server/assets/form.js) is exactly what its build produces from the
// pinned packages, so what `yjs serve` embeds is reviewable source plus a reproducible build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../lib/paths.mjs';

test('server/assets/form.js is what server/assets/form/build.mjs builds', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'yjs-form-')), 'form.js');
  execFileSync(process.execPath, [join(root, 'server/assets/form/build.mjs'), out], { stdio: 'inherit' });
  const built = readFileSync(out);
  const committed = readFileSync(join(root, 'server/assets/form.js'));
  assert.ok(built.equals(committed),
    'server/assets/form.js is stale: run `node server/assets/form/build.mjs` and commit the result');
});

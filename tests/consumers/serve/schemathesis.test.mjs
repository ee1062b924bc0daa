// schemathesis against `yjs serve`'s own /openapi.json, bounded and deterministic, once per
// staff role (window, department, supervisor): no 5xx, and every status code, content type,
// header and body conforms to the document. YJS_PYTHON is the venv scripts/test.sh makes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startServe, sampleSubmission } from '../lib/serve.mjs';

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
].join(',');

/** The schemathesis command of the venv YJS_PYTHON belongs to. */
function schemathesis() {
  const python = process.env.YJS_PYTHON;
  assert.ok(python, 'YJS_PYTHON is not set: run scripts/test.sh, which makes the venv with schemathesis');
  const bin = join(dirname(python), 'schemathesis');
  assert.ok(existsSync(bin), `${bin} is missing: pip install -r tests/consumers/requirements.txt`);
  return bin;
}

let serve;
before(async () => {
  serve = await startServe();
  // One real case, so the case routes have something to find.
  const r = await serve.api('POST', '/api/matters/newborn/cases?received=2026-03-02T09:00', serve.tokens.window, sampleSubmission());
  assert.equal(r.status, 201);
});
after(async () => { await serve?.stop(); });

for (const role of ['window', 'gaj', 'supervisor']) {
  test(`schemathesis as ${role}: no 5xx, every response conforms to /openapi.json`, () => {
    const run = spawnSync(schemathesis(), [
      'run', `${serve.base}/openapi.json`,
      '-H', `Authorization: Bearer ${serve.tokens[role]}`,
      '--checks', CHECKS,
      '--max-examples', '25',
      '--generation-deterministic',
      '--request-timeout', '10',
      '--workers', '1',
      '--no-color',
    // In a temporary folder: schemathesis keeps a cache of examples where it runs.
    ], { encoding: 'utf8', timeout: 300_000, cwd: mkdtempSync(join(tmpdir(), 'yjs-st-')) });
    const out = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, out.slice(-6000));
    assert.match(out, /passed/);
    assert.doesNotMatch(out, /\d+ failed/);
  });
}

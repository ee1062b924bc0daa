// Runs tests/consumers/forms/judge.py with YJS_PYTHON (the venv scripts/test.sh makes from
// tests/consumers/requirements.txt, which pins jsonschema).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));

/** Sends `job` to judge.py and returns its answer. */
export function judge(job) {
  const python = process.env.YJS_PYTHON;
  assert.ok(python, 'YJS_PYTHON is not set: run scripts/test.sh, which makes the venv with jsonschema');
  const r = spawnSync(python, [join(here, 'judge.py')], { input: JSON.stringify(job), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

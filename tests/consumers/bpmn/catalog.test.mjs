// Matters from the catalog generator (spec/scale.md), built into a temporary folder: each
// plan.bpmn lints clean, and runs every scenario of its plan.json as the plan says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, yjsBin } from '../lib/paths.mjs';
import { read, lint } from './moddle.mjs';
import { prepare, run, problems, random, variables } from './engine.mjs';

/** How many matters, and which catalog (the generator's seed). */
const MATTERS = 10;
const SEED = 3;

/**
 * Runs gen-catalog: `YJS_GEN_CATALOG`, else an example binary already built (`cargo test`
 * builds the debug one, which scripts/test.sh runs first), else through cargo.
 */
function generate(out) {
  const args = ['--matters', String(MATTERS), '--seed', String(SEED), '--out', out];
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const built = ['release', 'debug'].map((profile) => join(target, profile, 'examples/gen-catalog'));
  for (const bin of [process.env.YJS_GEN_CATALOG, ...built]) {
    if (bin && existsSync(bin)) return execFileSync(bin, args, { stdio: 'pipe' });
  }
  return execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'yjs-compiler', '--example', 'gen-catalog', '--', ...args],
    { cwd: root, stdio: 'pipe' });
}

let dir;
let built;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'yjs-bpmn-catalog-'));
  generate(join(dir, 'src'));
  built = join(dir, 'out');
  execFileSync(yjsBin(), ['build', join(dir, 'src'), '--out', built], { stdio: 'pipe' });
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test(`${MATTERS} catalog matters: plan.bpmn lints clean and runs every scenario as the plan says`, async () => {
  const matters = readdirSync(built, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.equal(matters.length, MATTERS);
  let runs = 0;
  let skipped = 0;
  for (const matter of matters) {
    const xml = readFileSync(join(built, matter, 'plan.bpmn'), 'utf8');
    const plan = JSON.parse(readFileSync(join(built, matter, 'plan.json'), 'utf8'));
    const { definitions, warnings } = await read(xml);
    assert.deepEqual(warnings.map((w) => w.message), [], matter);
    assert.deepEqual(await lint(definitions), [], matter);
    assert.ok(plan.scenarios.complete, `${matter}: scenarios enumerated`);
    const parsed = await prepare(xml);
    const r = random(SEED);
    for (const scenario of plan.scenarios.list) {
      const result = await run(parsed, variables(plan, scenario.answers), (n) => Math.floor(r() * n));
      assert.deepEqual(problems(plan, scenario.answers, result), [], `${matter} ${JSON.stringify(scenario.answers)}`);
      runs++;
      skipped += plan.steps.length - 2 - scenario.items.length;
    }
  }
  assert.ok(runs >= MATTERS, `${runs} runs`);
  assert.ok(skipped > 0, 'some scenarios skip items, so the skip paths are exercised');
});

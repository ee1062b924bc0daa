// A plan with wait steps (公告期, 公示期), built from compiler/tests/fixtures/waits, runs to its
// end in bpmn-engine for every scenario: each wait that applies is a timer catch event that
// fires after its duration (fast-forwarded here), and no step after it starts before it ends.
// The same matter with the 公示 marked `roll_forward` waits until the date the caller reads off
// the holiday calendar (`waitEnds`), while the 45-day period is still a duration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, yjsBin } from '../lib/paths.mjs';
import { fastForward, prepare, problems, random, run, variables } from './engine.mjs';
import { read, lint } from './moddle.mjs';

test('wait steps run as timer catch events and end by themselves', async () => {
  const out = mkdtempSync(join(tmpdir(), 'yjs-waits-'));
  try {
    execFileSync(yjsBin(), ['build', join(root, 'compiler/tests/fixtures/waits'), '--out', out], { stdio: 'pipe' });
    const xml = readFileSync(join(out, 'closing', 'plan.bpmn'), 'utf8');
    const plan = JSON.parse(readFileSync(join(out, 'closing', 'plan.json'), 'utf8'));
    const waits = plan.steps.filter((s) => s.kind === 'wait');
    assert.deepEqual(waits.map((s) => s.id), ['publicity', 'creditors']);
    assert.match(xml, /<bpmn:intermediateCatchEvent id="publicity" name="简易注销公示">/);
    assert.match(xml, /<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P20D<\/bpmn:timeDuration>/);
    const { definitions, warnings } = await read(xml);
    assert.deepEqual(warnings.map((w) => w.message), []);
    assert.deepEqual(await lint(definitions), [], 'bpmnlint stays clean with wait steps');
    const process = await prepare(xml);
    const ids = new Set(waits.map((s) => s.id));
    for (const scenario of plan.scenarios.list) {
      for (const seed of [1, 7]) {
        const { fired, timers } = fastForward(ids);
        const r = random(seed);
        const result = await run(process, variables(plan, scenario.answers), (n) => Math.floor(r() * n), timers);
        const label = JSON.stringify(scenario.answers);
        assert.deepEqual(problems(plan, scenario.answers, result), [], label);
        const applying = waits.filter((s) => !s.condition || s.condition.op === 'always'
          || s.condition.values.includes(scenario.answers[s.condition.situation]));
        assert.deepEqual(fired.map((f) => f.id).sort(), applying.map((s) => s.id).sort(), label);
        for (const f of fired) {
          const days = plan.steps.find((s) => s.id === f.id).promise.amount;
          assert.equal(f.delay, days * 24 * 3600 * 1000, `${label}: ${f.id} waits ${days} days`);
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a wait that rolls forward waits until the date the caller computes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yjs-rolled-'));
  try {
    const source = readFileSync(join(root, 'compiler/tests/fixtures/waits/closing.yjs'), 'utf8');
    const rolled = source.replace('20 days basis', '20 days roll_forward basis');
    assert.notEqual(rolled, source);
    writeFileSync(join(dir, 'closing.yjs'), rolled);
    const out = join(dir, 'out');
    execFileSync(yjsBin(), ['build', dir, '--out', out], { stdio: 'pipe' });
    const xml = readFileSync(join(out, 'closing', 'plan.bpmn'), 'utf8');
    const plan = JSON.parse(readFileSync(join(out, 'closing', 'plan.json'), 'utf8'));
    assert.equal(plan.steps.find((s) => s.id === 'publicity').roll_forward, true);
    assert.match(xml, /<bpmn:timeDate xsi:type="bpmn:tFormalExpression">=waitEnds\.publicity<\/bpmn:timeDate>/);
    assert.doesNotMatch(xml, /P20D/);
    assert.match(xml, /<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P45D<\/bpmn:timeDuration>/);
    const { definitions, warnings } = await read(xml);
    assert.deepEqual(warnings.map((w) => w.message), []);
    assert.deepEqual(await lint(definitions), []);
    const process = await prepare(xml);
    const waitEnd = '2099-12-29T17:00:00+08:00';
    for (const scenario of plan.scenarios.list) {
      const { fired, timers } = fastForward(new Set(['publicity', 'creditors']));
      const before = Date.now();
      const result = await run(process, variables(plan, scenario.answers, { waitEnd }), () => 0, timers);
      const label = JSON.stringify(scenario.answers);
      assert.deepEqual(problems(plan, scenario.answers, result), [], label);
      for (const f of fired) {
        if (f.id === 'creditors') {
          assert.equal(f.delay, 45 * 24 * 3600 * 1000, label);
        } else {
          // The engine waits until the caller's date, not for 20 days.
          const until = Date.parse(waitEnd) - before;
          assert.ok(Math.abs(f.delay - until) < 60_000, `${label}: ${f.delay} ms, not ${until}`);
        }
      }
      assert.equal(fired.length, 1, label);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

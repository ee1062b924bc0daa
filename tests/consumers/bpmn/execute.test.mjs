// Every example matter's plan.bpmn, executed in bpmn-engine with feelin for every scenario of
// its plan.json and several orders of finishing tasks, behaves exactly like the plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generated, matters } from '../lib/paths.mjs';
import { fastForward, prepare, run, problems, random, variables } from './engine.mjs';

/**
 * Orders of finishing waiting tasks: the last to start first (a branch runs ahead of its
 * siblings), and a seeded shuffle. One run takes bpmn-engine 0.1–0.2 s and the examples have
 * 127 scenarios, so two orders per scenario, not more.
 */
const ORDERS = {
  lifo: () => (n) => n - 1,
  shuffle: () => { const r = random(7); return (n) => Math.floor(r() * n); },
};

for (const matter of matters()) {
  const xml = readFileSync(join(generated, matter, 'plan.bpmn'), 'utf8');
  const plan = JSON.parse(readFileSync(join(generated, matter, 'plan.json'), 'utf8'));
  test(`${matter}: every scenario runs as the plan says`, async () => {
    const process = await prepare(xml);
    const waits = new Set(plan.steps.filter((s) => s.kind === 'wait').map((s) => s.id));
    assert.ok(plan.scenarios.complete && plan.scenarios.list.length > 0, 'the examples enumerate their scenarios');
    for (const scenario of plan.scenarios.list) {
      for (const [name, order] of Object.entries(ORDERS)) {
        // A wait step's timer (公示期, 20 days) is fast-forwarded; the matters without one
        // run on the engine's own timers.
        const timers = waits.size > 0 ? fastForward(waits).timers : undefined;
        const result = await run(process, variables(plan, scenario.answers), order(), timers);
        const ran = result.log.filter((e) => e.event === 'start').map((e) => e.id);
        const kinds = new Map(plan.steps.map((s) => [s.id, s.kind]));
        const items = ran.filter((id) => kinds.get(id) === 'item').sort();
        assert.deepEqual(items, [...scenario.items].sort(), `${JSON.stringify(scenario.answers)} ${name}`);
        assert.deepEqual(problems(plan, scenario.answers, result), [], `${JSON.stringify(scenario.answers)} ${name}`);
      }
    }
  });
}

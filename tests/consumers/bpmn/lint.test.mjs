// Every example matter's plan.bpmn imports in bpmn-moddle with the Zeebe extension without
// warnings and is clean under bpmnlint `recommended` plus camunda-compat for Camunda 8.6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generated, matters } from '../lib/paths.mjs';
import { read, lint } from './moddle.mjs';

for (const matter of matters()) {
  test(`${matter}: plan.bpmn imports and lints clean`, async () => {
    const xml = readFileSync(join(generated, matter, 'plan.bpmn'), 'utf8');
    const plan = JSON.parse(readFileSync(join(generated, matter, 'plan.json'), 'utf8'));
    const { definitions, warnings } = await read(xml);
    assert.deepEqual(warnings.map((w) => w.message), []);
    assert.deepEqual(await lint(definitions), []);
    const [process] = definitions.rootElements.filter((e) => e.$type === 'bpmn:Process');
    assert.equal(process.id, matter, 'the process id is the matter id');
    assert.equal(process.isExecutable, true);
    const tasks = process.flowElements.filter((e) => e.$type === 'bpmn:UserTask');
    const handled = plan.steps.filter((s) => s.kind !== 'wait');
    assert.deepEqual(tasks.map((t) => t.id).sort(), handled.map((s) => s.id).sort(), 'one task per handled step');
    for (const step of plan.steps.filter((s) => s.kind === 'wait')) {
      const wait = process.flowElements.find((e) => e.id === step.id);
      assert.equal(wait.$type, 'bpmn:IntermediateCatchEvent', `${step.id} is a timer catch event`);
      const timer = wait.eventDefinitions[0];
      if (step.promise.unit === 'days') assert.equal(timer.timeDuration.body, `P${step.promise.amount}D`);
      else assert.equal(timer.timeDate.body, `=waitEnds.${step.id}`);
    }
    for (const step of handled) {
      const task = tasks.find((t) => t.id === step.id);
      assert.equal(task.name, step.name);
      const ext = task.extensionElements.values;
      assert.ok(ext.some((e) => e.$type === 'zeebe:UserTask'), `${step.id} is a Camunda user task`);
      const assignment = ext.find((e) => e.$type === 'zeebe:AssignmentDefinition');
      assert.equal(assignment.candidateGroups, step.department);
      const io = ext.find((e) => e.$type === 'zeebe:IoMapping');
      if (step.kind === 'item') {
        assert.deepEqual(io.inputParameters.map((p) => [p.source, p.target]), [[`=packets.${step.id}`, 'packet']],
          `${step.id} receives only its own packet`);
      } else {
        assert.equal(io, undefined);
      }
      const timers = process.flowElements.filter((e) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef === task);
      assert.deepEqual(
        timers.map((t) => [t.cancelActivity, t.eventDefinitions[0].timeDate.body]).sort(),
        [[false, `=dueDates.${step.id}`], [false, `=warnDates.${step.id}`]],
      );
    }
    const diagram = definitions.diagrams[0].plane.planeElement;
    const drawn = new Set(diagram.map((d) => d.bpmnElement.id));
    for (const e of process.flowElements) assert.ok(drawn.has(e.id), `${e.id} is drawn`);
  });
}

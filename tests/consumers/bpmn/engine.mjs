// Running plan.bpmn in bpmn-engine with feelin as the FEEL evaluator, and checking a run
// against the plan: the tasks that run are the scenario's steps, each starts only after the
// steps it applicably waits for have finished, and the process reaches its end.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import { evaluate } from 'feelin';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');

/** bpmn-engine's expression hook: `=…` is FEEL over the process variables, anything else a literal. */
export const feel = {
  resolveExpression(expression, context) {
    if (typeof expression !== 'string' || !expression.startsWith('=')) return expression;
    const { value } = evaluate(expression.slice(1), context?.environment?.variables ?? {});
    return value;
  },
  isExpression(s) { return typeof s === 'string' && s.startsWith('='); },
  hasExpression(s) { return typeof s === 'string' && s.startsWith('='); },
};

/**
 * A sequence flow with Zeebe's token semantics. bpmn-engine eliminates dead paths: a flow
 * that is not taken carries a "discard" on to its target, which passes it on, and a parallel
 * join counts a discard as an arrival. Zeebe does no such thing: a flow that is not taken
 * carries nothing, and a join waits for a token on each incoming flow. So here a discard stops
 * at the flow (as bpmn-engine's own loop detection stops one), and only tokens move on.
 */
class ZeebeSequenceFlow extends Elements.SequenceFlow {
  discard(content = {}) {
    return this._publishEvent('looped', { ...content, discardSequence: content.discardSequence ?? [] });
  }
}

/**
 * The steps step `i` really waits for when only `applies[j]` steps take part: its `after`,
 * looking through every skipped step to the steps that one waits for (spec/plan.md).
 */
export function applicablePredecessors(plan, i, applies) {
  const index = new Map(plan.steps.map((s, k) => [s.id, k]));
  const out = new Set();
  const seen = new Set();
  const todo = [...plan.steps[i].after];
  while (todo.length) {
    const id = todo.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    const k = index.get(id);
    if (applies[k]) out.add(id);
    else todo.push(...plan.steps[k].after);
  }
  return [...out].sort();
}

/** Whether a plan condition holds for the answers (unanswered situations fail their test). */
export function holds(c, answers) {
  switch (c.op) {
    case 'always': return true;
    case 'in': return c.situation in answers && c.values.some((v) => v === answers[c.situation]);
    case 'has': return Array.isArray(answers[c.situation]) && answers[c.situation].includes(c.option);
    case 'all': return c.args.every((a) => holds(a, answers));
    case 'any': return c.args.some((a) => holds(a, answers));
    case 'not': return !holds(c.arg, answers);
    default: throw new Error(`unknown condition ${c.op}`);
  }
}

/** A small deterministic generator (mulberry32) for the order in which waiting tasks finish. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The start variables for a scenario: the answers under the process's variable names, a packet
 * per item and every step's dates (far in the future unless `dates` says otherwise).
 */
export function variables(plan, answers, dates = {}) {
  const packets = {};
  const dueDates = {};
  const warnDates = {};
  const waitEnds = {};
  for (const s of plan.steps) {
    if (s.kind === 'item') packets[s.id] = { item: s.id };
    // A wait in working days ends at a date the caller reads off the holiday calendar.
    if (s.kind === 'wait') waitEnds[s.id] = dates.waitEnd ?? '2099-12-29T17:00:00+08:00';
    dueDates[s.id] = dates.due ?? '2099-12-31T17:00:00+08:00';
    warnDates[s.id] = dates.warn ?? '2099-12-30T17:00:00+08:00';
  }
  return { ...answers, packets, dueDates, warnDates, waitEnds };
}

/**
 * bpmn-engine timers that fast-forward the wait steps' timers (`ids`): each fires on the next
 * turn of the event loop and is recorded with the delay the engine asked for (bpmn-engine's
 * own timers never fire past 2^31 ms, about 24.8 days, so a 45-day 公告期 needs this). Every
 * other timer (the supervision timers, years ahead) never fires, as before.
 */
export function fastForward(ids) {
  const fired = [];
  const executing = new Set();
  const schedule = (owner) => ({
    setTimeout(callback, delay, ...args) {
      const ref = { owner, delay };
      executing.add(ref);
      if (ids.has(owner?.id)) {
        setImmediate(() => {
          if (!executing.delete(ref)) return;
          fired.push({ id: owner.id, delay });
          callback(...args);
        });
      }
      return ref;
    },
    clearTimeout(ref) { executing.delete(ref); },
  });
  const timers = {
    register: schedule,
    ...schedule(null),
    get executing() { return [...executing]; },
  };
  return { fired, timers };
}

/** The elements a plan step becomes: a user task, or a wait step's timer catch event. */
const STEP_TYPES = new Set(['bpmn:UserTask', 'bpmn:IntermediateCatchEvent']);

/** Parses plan.bpmn once, for many runs. */
export async function prepare(xml) {
  return new BpmnModdle({ zeebe }).fromXML(xml);
}

/**
 * Runs the parsed process `moddleContext` (from `prepare`) with `vars`, finishing one waiting user task at a time, chosen by `pick` from
 * the tasks waiting then. Resolves with the log of task starts and ends, every element that
 * ran, and whether the process completed.
 */
export async function run(moddleContext, vars, pick, timers) {
  const listener = new EventEmitter();
  const log = [];
  const ran = [];
  const waiting = [];
  const catching = new Set();
  listener.on('activity.start', (api) => {
    ran.push(api.id);
    if (STEP_TYPES.has(api.type)) log.push({ event: 'start', id: api.id });
    if (api.type === 'bpmn:IntermediateCatchEvent') catching.add(api.id);
  });
  listener.on('activity.end', (api) => {
    // A catch event's end is reported by its timer definition, under the event's id.
    if (api.type === 'bpmn:UserTask' || catching.delete(api.id)) log.push({ event: 'end', id: api.id });
  });
  listener.on('activity.wait', (api) => {
    if (api.type === 'bpmn:UserTask') waiting.push(api);
  });
  const engine = new Engine({ name: 'yjs', moddleContext, expressions: feel, moddleOptions: { zeebe },
    elements: { ...Elements, SequenceFlow: ZeebeSequenceFlow }, ...(timers && { timers }) });
  const errors = [];
  engine.on('error', (e) => errors.push(e));
  const done = new Promise((resolve) => engine.once('end', () => resolve(true)));
  await engine.execute({ listener, variables: vars });
  // A fast-forwarded wait fires on the next turn: keep turning while one may still be pending.
  for (let guard = 0; guard < 10_000; guard++) {
    if (!waiting.length) {
      if (!timers) break;
      await new Promise((r) => setImmediate(r));
      if (!waiting.length) await new Promise((r) => setImmediate(r));
      if (!waiting.length) break;
    }
    const [task] = waiting.splice(pick(waiting.length), 1);
    task.signal();
    await new Promise((r) => setImmediate(r));
  }
  let timer;
  const completed = await Promise.race([done, new Promise((r) => { timer = setTimeout(() => r(false), 2000); })]);
  clearTimeout(timer);
  if (!completed) await engine.stop();
  return { log, ran, completed, errors };
}

/**
 * The problems of a run of `plan` under `answers`: which tasks ran against the scenario's
 * items, and every task that started before a step it applicably waits for had ended.
 */
export function problems(plan, answers, result) {
  const out = [];
  const applies = plan.steps.map((s) => holds(s.condition, answers));
  const expected = plan.steps.filter((_, k) => applies[k]).map((s) => s.id).sort();
  const started = result.log.filter((e) => e.event === 'start').map((e) => e.id);
  const sorted = [...started].sort();
  if (JSON.stringify(sorted) !== JSON.stringify(expected)) {
    out.push(`ran ${sorted.join(',')} but the scenario has ${expected.join(',')}`);
  }
  if (new Set(started).size !== started.length) out.push(`a task ran twice: ${started.join(',')}`);
  const ended = new Set();
  for (const e of result.log) {
    if (e.event === 'end') {
      ended.add(e.id);
      continue;
    }
    const k = plan.steps.findIndex((s) => s.id === e.id);
    for (const p of applicablePredecessors(plan, k, applies)) {
      if (!ended.has(p)) out.push(`${e.id} started before ${p} ended`);
    }
  }
  if (!result.completed) out.push('the process did not reach its end');
  if (!result.ran.includes('yjs-end')) out.push('the end event was not reached');
  for (const e of result.errors) out.push(`engine error: ${e.message}`);
  return out;
}

// Reading and linting plan.bpmn with the bpmn-io toolchain: bpmn-moddle with the Zeebe
// extension, and bpmnlint's `recommended` rules plus camunda-compat's rules for Camunda 8.6.
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

/** The Camunda version whose camunda-compat rules plan.bpmn must pass. */
export const CAMUNDA = '8-6';

/** Parses BPMN XML; returns the definitions and bpmn-moddle's warnings. */
export async function read(xml) {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, warnings };
}

/** Every bpmnlint report of the definitions, as `rule: element: message` lines. */
export async function lint(definitions) {
  const linter = new Linter({
    config: { extends: ['bpmnlint:recommended', `plugin:camunda-compat/camunda-cloud-${CAMUNDA}`] },
    resolver: new NodeResolver({ require }),
  });
  const results = await linter.lint(definitions);
  const out = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) out.push(`${rule} (${r.category}): ${r.id}: ${r.message}`);
  }
  return out.sort();
}

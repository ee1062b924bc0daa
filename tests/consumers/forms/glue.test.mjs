// The glue spec/artifacts.md documents ("The glue a developer writes") is the glue the render
// tests use (harness/entry.mjs): the lines that turn Ajv's errors into form.i18n.zh.json's
// messages (RJSF `transformErrors`) and hand them to JSON Forms (`i18n.translate`), the custom
// formats, RJSF's `experimental_defaultFormStateBehavior`, and every prop the documented
// components take. A change to either shows here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/paths.mjs';

const spec = readFileSync(join(root, 'spec/artifacts.md'), 'utf8');
const harness = readFileSync(join(root, 'tests/consumers/forms/harness/entry.mjs'), 'utf8');

/** The documented glue: the js blocks of its section, one statement line each, comments dropped. */
function documented() {
  const section = spec.split('## The glue a developer writes')[1]?.split('\n## ')[0];
  assert.ok(section, 'spec/artifacts.md has the glue section');
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2, 'one block for RJSF, one for JSON Forms');
  return blocks.map((b) => b.split('\n').map(normal).filter(Boolean));
}

/** A line without its trailing comment and with its blanks collapsed. */
const normal = (line) => line.replace(/\s\/\/ .*$/, '').replace(/^\/\/.*$/, '').replace(/\s+/g, ' ').trim();
const code = harness.split('\n').map(normal).join('\n');

test('the documented RJSF and JSON Forms glue is the tested glue', () => {
  const [rjsf, jsonforms] = documented();
  // transformErrors, line by line.
  const start = rjsf.findIndex((l) => l.startsWith('const key ='));
  const end = rjsf.findIndex((l, i) => i > start && l === '});');
  assert.ok(start >= 0 && end > start, rjsf.join('\n'));
  for (const line of rjsf.slice(start, end + 1)) {
    const stmt = line.replace(/^const transformErrors = \(errors\) => errors$/, 'return (errors) => errors');
    assert.ok(code.includes(stmt), `harness lacks: ${stmt}`);
  }
  // The settings RJSF needs not to pre-answer, as an object literal in both.
  const settings = (text) => text.match(/experimental_defaultFormStateBehavior[:=]\s*\{?(\{[^}]*\})/)?.[1];
  assert.equal(settings(code), settings(rjsf.join(' ')));
  assert.ok(settings(code).includes("requiredBooleanDefault: 'skip'"));
  // Every prop the documented components take is given in the harness.
  const props = (lines, tag) => {
    let jsx = lines.join(' ').split(`<${tag} `)[1].split('/>')[0];
    // The values in braces go, innermost first; the names stay.
    while (/\{[^{}]*\}/.test(jsx)) jsx = jsx.replace(/\{[^{}]*\}/g, '');
    const names = jsx.split(/[\s=]+/).filter(Boolean);
    assert.ok(names.length >= 8, names.join(' '));
    return names;
  };
  for (const p of props(rjsf, 'Form')) assert.ok(code.includes(`${p}:`), `RJSF prop ${p}`);
  for (const p of props(jsonforms, 'JsonForms')) assert.ok(code.includes(`${p}:`) || code.includes(`${p},`), `JSON Forms prop ${p}`);
  // JSON Forms: the formats and the translation, line by line.
  for (const line of jsonforms.filter((l) => /addFormat|createAjv\(\)/.test(l))) {
    assert.ok(code.includes(line), `harness lacks: ${line}`);
  }
  const translate = "translate: (key, fallback) => zh[key] ?? fallback";
  assert.ok(jsonforms.join(' ').includes(translate) && code.includes(translate));
});

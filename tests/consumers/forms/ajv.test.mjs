// Every example's form.schema.json compiles under Ajv 8 strict mode, with ajv-formats and the
// build's formats.mjs, with zero errors and zero warnings; and formats.mjs agrees with the Rust
// validators on every shared test vector (artifacts/src/validators/vectors.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generated, matters, root } from '../lib/paths.mjs';
import { judge } from './python.mjs';
import { formatsModule as module, strictAjv } from './ajv.mjs';

const formats = module.default;

for (const matter of matters()) {
  test(`${matter}: form.schema.json compiles under strict Ajv with zero warnings`, () => {
    const text = readFileSync(join(generated, matter, 'form.schema.json'), 'utf8');
    assert.ok(!text.includes('x-yjs'), 'no custom keywords in the schema');
    const warnings = [];
    const ajv = strictAjv(warnings);
    ajv.compile(JSON.parse(text));
    assert.deepEqual(warnings, []);
  });
}

const vectors = JSON.parse(readFileSync(join(root, 'artifacts/src/validators/vectors.json'), 'utf8'));

test('formats.mjs judges every shared test vector as the Rust validators do', () => {
  // The vectors' birth dates are judged on their own "today", as the Rust test does.
  const today = new Date(`${vectors.today}T12:00:00`);
  const checks = { ...formats, 'id-card': (v) => module.idCard(v, today) };
  let n = 0;
  for (const [format, { valid, invalid }] of Object.entries(vectors.formats)) {
    assert.ok(formats[format], `formats.mjs exports ${format}`);
    for (const v of valid) { assert.equal(checks[format](v), true, `${format} ${v} is valid`); n++; }
    for (const { value } of invalid) { assert.equal(checks[format](value), false, `${format} ${value} is invalid`); n++; }
  }
  const identifiers = Object.keys(formats).filter((f) => !f.startsWith('date-not-'));
  assert.deepEqual(identifiers.sort(), Object.keys(vectors.formats).sort());
  assert.ok(n >= 50, `${n} vectors`);
});

test('python-jsonschema: every form.schema.json is a clean draft-07 schema', () => {
  const schemas = Object.fromEntries(matters().map((m) => [m, join(generated, m, 'form.schema.json')]));
  const out = judge({ schemas, vectors: join(root, 'artifacts/src/validators/vectors.json') });
  for (const m of matters()) assert.deepEqual(out.schemas[m], [], m);
  // The Python formats judge the shared vectors as the Rust validators and formats.mjs do.
  const expected = [];
  for (const [format, { valid, invalid }] of Object.entries(vectors.formats)) {
    for (const v of valid) expected.push([format, v, true]);
    for (const { value } of invalid) expected.push([format, value, false]);
  }
  assert.deepEqual(out.vectors, expected);
});

test('formats.mjs: date bounds against a given day', () => {
  const day = new Date('2026-03-02T12:00:00');
  const notAfterToday = module.dateLimit(false, 'today');
  assert.equal(notAfterToday('2026-03-02', day), true);
  assert.equal(notAfterToday('2026-03-03', day), false);
  assert.equal(module.dateLimit(true, 'today')('2026-03-01', day), false);
  assert.equal(module.dateLimit(true, '1900-01-01')('1899-12-31'), false);
  assert.equal(module.dateLimit(false, '2100-12-31')('2100-12-31'), true);
  // Not a date: `format: date` reports it, the bound does not.
  assert.equal(notAfterToday('someday', day), true);
});

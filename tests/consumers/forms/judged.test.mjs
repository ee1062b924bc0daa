// A table of submissions, valid and invalid (wrong check digits included), judged identically by
// the runtime (`yjs case submit`), by Ajv with ajv-formats and the build's formats.mjs, and by
// python-jsonschema (judge.py, with the same formats in Python). The runtime judges on the day
// it is given (--received), the others on the machine's day: no row depends on the difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generated, root, yjsBin } from '../lib/paths.mjs';
import { strictAjv } from './ajv.mjs';
import { judge } from './python.mjs';

const sample = JSON.parse(readFileSync(join(root, 'runtime/tests/fixtures/newborn/submission.json'), 'utf8'));
/** The sample, changed: `null` removes a key; `hukou.household_address` reaches into a section. */
function edit(changes) {
  const s = structuredClone(sample);
  for (const [path, v] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop();
    const parent = keys.reduce((o, k) => o[k], s);
    if (v === null) delete parent[last]; else parent[last] = v;
  }
  return s;
}

/** [what, submission, valid] — every row's verdict is the same for all three judges. */
const TABLE = [
  ['the sample, 本市户籍 and 社会保障卡', sample, true],
  ['外省市户籍, no 社会保障卡, without their sections', edit({ settle: 'other', card: false, hukou: null, sscard: null }), true],
  ['随母姓 without 父亲身份证号码', edit({ surname: 'mother', father_id: null }), true],
  ['an optional name left out', edit({ father_name: null }), true],
  ['a lower-case check character x is not normalised', edit({ mother_id: '11010519491231002x' }), false],
  ['母亲身份证号码 with a wrong check digit', edit({ mother_id: '110105199001011233' }), false],
  ['父亲身份证号码 with a wrong check digit', edit({ father_id: '110105198802024566' }), false],
  ['身份证号码 with an impossible birth date', edit({ mother_id: '110105194902300012' }), false],
  ['身份证号码 with an unknown province', edit({ mother_id: '000105194912310024' }), false],
  ['身份证号码 born in the future', edit({ mother_id: '110105209901010012' }), false],
  ['a required name of ""', edit({ mother_name: '' }), false],
  ['a required name of blanks', edit({ mother_name: '  \u3000' }), false],
  ['an optional name of blanks', edit({ father_name: '   ' }), false],
  ['新生儿姓名 over the narrowed 15 characters', edit({ baby_name: '一二三四五六七八九十一二三四五六' }), false],
  ['a situation unanswered', edit({ card: null }), false],
  ['a situation with a value not offered', edit({ settle: 'abroad' }), false],
  ['是/否 as a string', edit({ card: 'true' }), false],
  ['随父姓 without 父亲身份证号码', edit({ father_id: null }), false],
  ['出生登记 given where it does not apply', edit({ settle: 'other' }), false],
  ['社会保障卡申领 missing where it applies', edit({ sscard: null }), false],
  ['a field the form does not have', edit({ nickname: '小明' }), false],
  ['a mobile number starting 12', edit({ phone: '12800138000' }), false],
  ['出生日期 that does not exist', edit({ birth_date: '2025-02-30' }), false],
  ['出生日期 long ago', edit({ birth_date: '1999-12-31' }), true],
  ['出生体重 below 300 g', edit({ 'birth_cert.birth_weight': 299 }), false],
  ['出生体重 not a whole number', edit({ 'birth_cert.birth_weight': 3250.5 }), false],
  ['户籍地址 of blanks', edit({ 'hukou.household_address': ' ' }), false],
];

test('runtime, Ajv + formats.mjs and python-jsonschema judge every submission alike', () => {
  const schema = JSON.parse(readFileSync(join(generated, 'newborn', 'form.schema.json'), 'utf8'));
  const warnings = [];
  const validate = strictAjv(warnings).compile(schema);
  const dir = mkdtempSync(join(tmpdir(), 'yjs-judged-'));
  const python = judge({
    schemas: { newborn: join(generated, 'newborn', 'form.schema.json') },
    cases: TABLE.map(([, s]) => ({ schema: 'newborn', instance: s })),
  });
  const rows = TABLE.map(([what, s, valid], i) => {
    const file = join(dir, `${i}.json`);
    writeFileSync(file, JSON.stringify(s));
    const r = spawnSync(yjsBin(), ['case', 'submit', '--db', join(dir, 'cases.db'), '--artifacts',
      join(generated, 'newborn'), '--received', '2026-03-02T09:00', file], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `${what}: exit ${r.status}: ${r.stderr}`);
    return { what, valid, runtime: r.status === 0, ajv: validate(s), python: python.verdicts[i] };
  });
  console.table(rows);
  for (const r of rows) {
    assert.deepEqual([r.runtime, r.ajv, r.python], [r.valid, r.valid, r.valid], r.what);
  }
  assert.deepEqual(warnings, []);
});

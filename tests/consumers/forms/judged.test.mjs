// Tables of submissions, valid and invalid (wrong check digits and date bounds included), judged
// identically by the runtime (`yjs case submit`), by Ajv with ajv-formats and the build's
// formats.mjs, and by python-jsonschema (judge.py, with the same formats in Python): the sample's,
// and two examples with a date bound relative to the day of validation (`not_before today`,
// `not_after today`). The runtime judges on the day it is given (--received), the others on the
// machine's day: no row depends on the difference (a bounded date is decades away from both).
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
/** `base`, changed: `null` removes a key; `hukou.household_address` reaches into a section. */
function change(base, changes) {
  const s = structuredClone(base);
  for (const [path, v] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop();
    const parent = keys.reduce((o, k) => o[k], s);
    if (v === null) delete parent[last]; else parent[last] = v;
  }
  return s;
}

/** The sample, changed. */
const edit = (changes) => change(sample, changes);

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

/** A restaurant (prepackaged food over 50㎡, 告知承诺) opening on a day far ahead. */
const restaurant = {
  food_scope: 'prepack', small: false, fire_mode: 'pledge', has_sign: false, sells_tobacco: false,
  company_name: '某某餐饮管理有限公司', uscc: '91310115MA1G4L1WX7', legal_rep: '张三',
  business_address: '某某区某某路1号', scope: '食品销售', contact_mobile: '13800138000',
  shop_name: '某某便利店', floor_area: 80, opening_date: '2099-04-01', fire_contact: '王五',
};

/** A change of a company's business scope, decided on a day long past. */
const change_scope = {
  changes: ['scope'], filer: 'rep', holds: [], company_name: '某某餐饮管理有限公司',
  uscc: '91310115MA1G4L1WX7', legal_rep: '张三', contact_name: '李四',
  contact_mobile: '13800138000', resolution_date: '2026-02-27', new_scope: '餐饮服务；食品销售',
};

/** The other matters' rows: date bounds relative to the day of validation. */
const TABLES = {
  newborn: TABLE,
  restaurant: [
    ['a restaurant opening on a future day', restaurant, true],
    ['拟开业日期 in the past (`not_before today`)', change(restaurant, { opening_date: '2000-01-01' }), false],
    ['拟开业日期 that does not exist', change(restaurant, { opening_date: '2099-02-30' }), false],
  ],
  company_change: [
    ['a scope change decided in the past', change_scope, true],
    ['决议日期 in the future (`not_after today`)', change(change_scope, { resolution_date: '2099-01-01' }), false],
  ],
};

for (const [matter, table] of Object.entries(TABLES)) {
  test(`${matter}: runtime, Ajv + formats.mjs and python-jsonschema judge every submission alike`, () => {
    const path = join(generated, matter, 'form.schema.json');
    const warnings = [];
    const validate = strictAjv(warnings).compile(JSON.parse(readFileSync(path, 'utf8')));
    const dir = mkdtempSync(join(tmpdir(), 'yjs-judged-'));
    const python = judge({
      schemas: { [matter]: path },
      cases: table.map(([, s]) => ({ schema: matter, instance: s })),
    });
    const rows = table.map(([what, s, valid], i) => {
      const file = join(dir, `${i}.json`);
      writeFileSync(file, JSON.stringify(s));
      const r = spawnSync(yjsBin(), ['case', 'submit', '--db', join(dir, 'cases.db'), '--artifacts',
        join(generated, matter), '--received', '2026-03-02T09:00', file], { encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `${what}: exit ${r.status}: ${r.stderr}`);
      return { what, valid, runtime: r.status === 0, ajv: validate(s), python: python.verdicts[i] };
    });
    console.table(rows);
    for (const r of rows) {
      assert.deepEqual([r.runtime, r.ajv, r.python], [r.valid, r.valid, r.valid], r.what);
    }
    assert.deepEqual(warnings, []);
  });
}

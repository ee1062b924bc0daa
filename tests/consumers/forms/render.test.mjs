// RJSF 6 and JSON Forms 3 draw every example's form in headless Chromium from the generated
// artifacts alone (with the glue of harness/entry.mjs, documented in spec/artifacts.md): as many
// inputs as the form IR has visible fields; on the sample, nothing pre-answered, sections that stop
// applying leave the DOM (RJSF) or hide (JSON Forms) and their data is dropped, and every message
// is Chinese. Screenshots go to spec/img/ with YJS_UPDATE_SCREENSHOTS=1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.mjs';
import { matters } from '../lib/paths.mjs';
import { shot } from '../lib/pages.mjs';
import { open, harness } from './render.mjs';

let browser;
before(async () => { browser = await launch(); await harness(); });
after(async () => { await browser?.close(); });

const CJK = /[\u4e00-\u9fff]/;

/** A page of the given width in a Chinese locale, collecting console and page errors. */
async function openPage(browser, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** The fields a renderer should draw before any answer: every situation, and every field
 * (a list counts once) of the parts that always apply. */
function visibleFields(a) {
  const always = (c) => c.op === 'always';
  const sections = new Map(a.sources.fields.filter((f) => f.kind === 'section').map((f) => [f.pointer, f]));
  const fields = a.sources.fields.filter((f) => f.kind === 'field' && !f.pointer.includes('/*/'))
    .filter((f) => always(f.applies));
  for (const f of fields) {
    const section = sections.get(f.pointer.split('/').slice(0, 2).join('/'));
    if (section) assert.ok(always(section.applies));
  }
  return Object.keys(a.schema.properties).filter((p) => !a.sources.fields.some((f) => f.pointer === `/${p}`)).length
    + fields.length;
}

/** The fields the page draws, as each renderer marks them (a list counts once). */
async function drawnFields(page, kind) {
  return page.evaluate((kind) => {
    const visible = (e) => e.offsetParent !== null;
    if (kind === 'rjsf') {
      return [...document.querySelectorAll('.rjsf-field')]
        .filter((e) => !e.classList.contains('rjsf-field-object'))
        .filter((e) => !e.parentElement.closest('.rjsf-field-array'))
        .filter(visible).length;
    }
    return [...document.querySelectorAll('.control')]
      .filter((e) => !e.parentElement.closest('.control, table'))
      .filter(visible).length;
  }, kind);
}

for (const matter of matters()) {
  for (const kind of ['rjsf', 'jsonforms']) {
    test(`${matter}: ${kind} draws every visible field of the form IR`, async () => {
      const { page, errors } = await openPage(browser, 1000);
      const a = await open(page, kind, matter);
      const expected = visibleFields(a);
      assert.ok(expected >= 8, `${expected} fields`);
      assert.equal(await drawnFields(page, kind), expected);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

/** Section titles on screen. */
const legends = (page) => page.evaluate(() => [...document.querySelectorAll('legend')]
  .filter((e) => e.offsetParent !== null).map((e) => e.textContent));

async function answer(page, kind, answers) {
  for (const [s, v] of Object.entries(answers)) {
    if (kind === 'rjsf') {
      const options = await page.locator(`input[name="root_${s}"]`).count();
      const labels = await page.locator(`#root_${s} .radio span span`).allInnerTexts();
      const i = typeof v === 'boolean' ? (v ? labels.indexOf('是') : labels.indexOf('否')) : v;
      assert.ok(i >= 0 && i < options, `${s}: ${labels}`);
      await page.check(`#root_${s}-${i}`);
    } else {
      await page.check(`input[name="#/properties/${s}"][value="${v}"]`);
    }
  }
}

for (const kind of ['rjsf', 'jsonforms']) {
  test(`newborn: ${kind} pre-answers nothing, and sections follow the answers`, async () => {
    const { page, errors } = await openPage(browser, 1000);
    await open(page, kind, 'newborn');
    assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'no radio checked');
    const data = await page.evaluate(() => window.yjsData);
    for (const s of ['settle', 'card', 'surname', 'marriage']) assert.ok(!(s in data), `${s} not pre-answered`);
    assert.ok(!(await legends(page)).some((l) => l.startsWith('出生登记') || l.startsWith('社会保障卡申领')));

    // settle = local, card = true: both sections appear.
    await answer(page, kind, kind === 'rjsf'
      ? { settle: 0, card: true, surname: 0, marriage: 0 }
      : { settle: 'local', card: 'true', surname: 'father', marriage: 'married' });
    let titles = await legends(page);
    assert.ok(titles.includes('出生登记（市公安局）'), titles.join(' | '));
    assert.ok(titles.includes('社会保障卡申领（市人力资源和社会保障局）'), titles.join(' | '));
    const address = kind === 'rjsf' ? '#root_hukou_household_address'
      : '[id="#/allOf/0/then/properties/hukou/properties/household_address-input"]';
    // A long text (max_length 100) is a textarea in both renderers.
    assert.equal(await page.locator(address).evaluate((e) => e.tagName), 'TEXTAREA');
    await page.locator(address).fill('市中心路 1 号');
    // JSON Forms debounces typing: wait for the data to arrive.
    await page.waitForFunction(() => window.yjsData.hukou?.household_address === '市中心路 1 号');
    if (kind === 'rjsf') await page.screenshot({ path: shot('forms-rjsf-desktop.png'), fullPage: true });
    else await page.screenshot({ path: shot('forms-jsonforms-desktop.png'), fullPage: true });

    // settle = other, card = false: both sections go (RJSF: out of the DOM; JSON Forms: hidden).
    await answer(page, kind, kind === 'rjsf' ? { settle: 1, card: false } : { settle: 'other', card: 'false' });
    titles = await legends(page);
    assert.ok(!titles.some((l) => l.startsWith('出生登记') || l.startsWith('社会保障卡申领')), titles.join(' | '));
    if (kind === 'rjsf') {
      assert.equal(await page.locator('#root_hukou_household_address').count(), 0, 'removed from the DOM');
      assert.ok(!('hukou' in (await page.evaluate(() => window.yjsData))), 'stale section data dropped');
    } else {
      assert.equal(await page.locator('legend', { hasText: '出生登记' }).first().isVisible(), false);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('newborn: an empty submit in RJSF shows only Chinese messages', async () => {
  const { page, errors } = await openPage(browser, 390);
  await open(page, 'rjsf', 'newborn');
  await page.click('button[type=submit]');
  const messages = await page.locator('.error-detail li').allInnerTexts();
  assert.ok(messages.length >= 10, `${messages.length} messages`);
  assert.ok(messages.every((t) => CJK.test(t) && !/must|should/.test(t)), messages.join(' | '));
  assert.ok(messages.includes('母亲身份证号码：此项为必填项，请填写'), messages.join(' | '));
  await page.screenshot({ path: shot('forms-rjsf-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('newborn: JSON Forms shows only Chinese messages, and the formats at their fields', async () => {
  const { page, errors } = await openPage(browser, 390);
  await open(page, 'jsonforms', 'newborn');
  await page.locator('[id="#/properties/mother_id-input"]').fill('110105199001011233');
  await page.locator('[id="#/properties/mother_name-input"]').fill('   ');
  // Wait until both values are validated and drawn, then read every message. (A failure here
  // once was the harness feeding onChange's data back as `data`: see harness/entry.mjs.)
  const settled = (texts) => texts.includes('母亲姓名：不能只填写空格')
    && texts.some((t) => t.startsWith('母亲身份证号码：居民身份证号码有误'));
  await page.waitForFunction((want) => {
    const texts = [...document.querySelectorAll('.validation_error')].map((e) => e.innerText);
    return want.every((w) => texts.some((t) => t.startsWith(w)));
  }, ['母亲姓名：不能只填写空格', '母亲身份证号码：居民身份证号码有误'], { timeout: 10_000 })
    .catch(() => {});
  const messages = (await page.locator('.validation_error').allInnerTexts()).filter((t) => t.trim());
  assert.ok(settled(messages), messages.join(' | '));
  assert.ok(messages.length >= 10, `${messages.length} messages`);
  assert.ok(messages.every((t) => CJK.test(t) && !/must|should/.test(t)), messages.join(' | '));
  assert.ok(messages.some((t) => t.startsWith('母亲身份证号码：居民身份证号码有误')), messages.join(' | '));
  assert.ok(messages.includes('母亲姓名：不能只填写空格'), messages.join(' | '));
  await page.screenshot({ path: shot('forms-jsonforms-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

// A field with its own `when` (company-setup's 首批开户职工人数, `when employ`, inside the 住房公积金
// section that always applies): absent until 是否招用员工 is answered yes, gone again on no.
for (const kind of ['rjsf', 'jsonforms']) {
  test(`company_setup: ${kind} shows a field with its own when only while it applies`, async () => {
    const { page, errors } = await openPage(browser, 1000);
    await open(page, kind, 'company_setup');
    const staff = kind === 'rjsf' ? '#root_fund_fund_staff'
      : '[id$="/properties/fund/properties/fund_staff-input"]';
    const shown = async () => (await page.locator(staff).count()) > 0
      && page.locator(staff).first().isVisible();
    assert.equal(await shown(), false, 'not before 是否招用员工 is answered');
    await answer(page, kind, kind === 'rjsf' ? { employ: true } : { employ: 'true' });
    assert.equal(await shown(), true, 'shown once 是否招用员工 is yes');
    await page.locator(staff).fill('3');
    await page.waitForFunction(() => window.yjsData.fund?.fund_staff === 3);
    await answer(page, kind, kind === 'rjsf' ? { employ: false } : { employ: 'false' });
    assert.equal(await shown(), false, 'gone once 是否招用员工 is no');
    if (kind === 'rjsf') {
      const data = await page.evaluate(() => window.yjsData);
      assert.ok(!('fund_staff' in (data.fund ?? {})), `stale value dropped: ${JSON.stringify(data.fund)}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// A field's hint is in its empty input and its help is on screen, in both renderers
// (company_setup: `region` has a hint, `business_address` help).
for (const kind of ['rjsf', 'jsonforms']) {
  test(`company_setup: ${kind} shows hints in the empty input and help beside the field`, async () => {
    const { page, errors } = await openPage(browser, 1000);
    const a = await open(page, kind, 'company_setup');
    assert.equal(a.schema.properties.region.title, '住所所在行政区划');
    const placeholders = await page.evaluate(() => [...document.querySelectorAll('input, textarea')]
      .map((e) => e.getAttribute('placeholder')).filter(Boolean));
    assert.ok(placeholders.includes('6位行政区划代码，如 110105'), placeholders.join(' | '));
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.includes('与住所一致的可不填'), 'the help is shown without focus');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// A `message "…"` after a constraint (retirement: `pattern "^[0-9]+$" message "…"` on 养老金领取
// 银行账户) is what both renderers show for that failure, through the glue's `transformErrors`
// (RJSF) and `i18n.translate` (JSON Forms) over form.i18n.zh.json.
for (const kind of ['rjsf', 'jsonforms']) {
  test(`retirement: ${kind} shows the message written after the constraint`, async () => {
    const { page, errors } = await openPage(browser, 1000);
    const a = await open(page, kind, 'retirement');
    const written = 'retire.pension_card.error.pattern';
    const expected = '养老金领取银行账户：银行账户只能填写数字，不含空格和短横线';
    assert.equal(a.i18n[written], expected);
    assert.equal(
      a.sources.fields.find((f) => f.pointer === '/retire/pension_card').messages.pattern,
      '银行账户只能填写数字，不含空格和短横线',
    );
    const input = kind === 'rjsf' ? '#root_retire_pension_card'
      : '[id$="/properties/retire/properties/pension_card-input"]';
    await page.locator(input).fill('6222-0200-1234');
    await page.waitForFunction(() => window.yjsData.retire?.pension_card === '6222-0200-1234');
    let messages;
    if (kind === 'rjsf') {
      await page.click('button[type=submit]');
      messages = await page.locator('.error-detail li').allInnerTexts();
    } else {
      messages = (await page.locator('.validation_error').allInnerTexts()).filter((t) => t.trim());
    }
    assert.ok(messages.includes(expected), messages.join(' | '));
    // The message written from the type and bounds is gone for this failure.
    assert.ok(!messages.some((t) => t === '养老金领取银行账户：格式不正确，请按要求填写'), messages.join(' | '));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// Every yes/no question reads 是/否 in both renderers, never Yes/No or true/false: the boolean
// situations, and a `bool` field (restaurant's 是否为发光招牌, in the section shown once 是否设置户外
// 招牌 is answered yes).
for (const kind of ['rjsf', 'jsonforms']) {
  test(`restaurant: ${kind} shows every boolean, situation or field, as 是/否`, async () => {
    const { page, errors } = await openPage(browser, 1000);
    await open(page, kind, 'restaurant');
    await answer(page, kind, kind === 'rjsf' ? { has_sign: true } : { has_sign: 'true' });
    await page.locator('input[type=radio][name*="sign_lit"]').first().waitFor();
    const groups = await page.evaluate(() => {
      const out = {};
      for (const i of document.querySelectorAll('input[type=radio]')) {
        const name = i.name.split(/[/_]/).slice(-2).join('_');
        (out[name] ??= []).push((i.closest('label') ?? i.parentElement).innerText.trim());
      }
      return out;
    });
    for (const q of ['small', 'has_sign', 'sells_tobacco', 'sign_lit']) {
      const group = Object.entries(groups).find(([n]) => n.endsWith(q));
      assert.ok(group, `${q}: ${JSON.stringify(groups)}`);
      assert.deepEqual(group[1], ['是', '否'], q);
    }
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!/\b(Yes|No|true|false)\b/.test(text), text);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

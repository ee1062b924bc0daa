// The window's intake page in headless Chromium at 390 px: situations → the 一次告知 → the
// merged form (RJSF) → submit; every problem at once, in Chinese, then the accepted case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from '../lib/browser.mjs';
import { startServe, sampleSubmission } from '../lib/serve.mjs';
import { fitsWidth, shot, signIn } from '../lib/pages.mjs';

let browser;
let serve;
before(async () => { serve = await startServe(); browser = await launch(); });
after(async () => { await browser?.close(); await serve?.stop(); });

/** Types the sample's values into the RJSF form, with `overrides` by field id. */
async function fill(page, overrides = {}) {
  const s = sampleSubmission();
  const values = {
    root_mother_name: s.mother_name, root_mother_id: s.mother_id, root_father_name: s.father_name,
    root_father_id: s.father_id, root_baby_name: s.baby_name, root_birth_date: s.birth_date, root_phone: s.phone,
    root_birth_cert_birth_weight: String(s.birth_cert.birth_weight), root_birth_cert_hospital: s.birth_cert.hospital,
    root_hukou_household_address: s.hukou.household_address,
    root_insurance_insured_address: s.insurance.insured_address, root_sscard_bank_branch: s.sscard.bank_branch,
    ...overrides,
  };
  for (const [id, v] of Object.entries(values)) await page.fill(`#${id}`, v);
  await page.check('#root_baby_sex-0');
}

test('intake: situations, notice, form, every problem at once, then the case', async () => {
  const { page, errors } = await openPage(browser, 390);
  await signIn(page, serve.base, serve.tokens.window, '/intake');
  await page.goto(`${serve.base}/intake?matter=newborn&received=2026-03-02T09:00`);
  await page.waitForSelector('fieldset.situation');
  // Unanswered situations are named, not guessed.
  await page.click('#to-notice');
  assert.match(await page.locator('#situation-problems').innerText(), /新生儿落户地/);
  for (const [s, v] of [['settle', '"local"'], ['card', 'true'], ['surname', '"father"'], ['marriage', '"married"']]) {
    await page.check(`input[name="${s}"][value='${v}']`);
  }
  await fitsWidth(page);
  await page.click('#to-notice');
  await page.waitForSelector('#to-form');
  const notice = await page.locator('main').innerText();
  for (const word of ['出生登记', '社会保障卡申领', '母亲居民身份证', '户口簿']) assert.ok(notice.includes(word), word);
  await fitsWidth(page);
  await page.screenshot({ path: shot('serve-intake-notice.png'), fullPage: true });

  await page.click('#to-form');
  await page.waitForSelector('#form form');
  // An empty form: every missing field at once, in Chinese, before anything is sent.
  await page.click('#form button[type=submit]');
  const required = await page.locator('#form .error-detail li').allInnerTexts();
  assert.ok(required.length >= 8, `${required.length} problems shown`);
  assert.ok(required.every((t) => /[\u4e00-\u9fff]/.test(t)), required.join(' | '));

  // Check digits are checked in the browser too (formats.mjs), with the runtime's rules: the
  // wrong numbers are shown at their fields, in Chinese, and nothing is sent.
  await fill(page, { root_mother_id: '110105199001011233', root_father_id: '110105198802024566' });
  await page.click('#form button[type=submit]');
  const wrong = await page.locator('#form .error-detail li').allInnerTexts();
  assert.equal(wrong.length, 2, wrong.join(' | '));
  assert.ok(wrong.every((t) => /居民身份证号码/.test(t)), wrong.join(' | '));
  assert.equal(await page.locator('#problems .problems').count(), 0);
  await fitsWidth(page);
  await page.screenshot({ path: shot('serve-intake-problems.png'), fullPage: true });

  await fill(page);
  await page.click('#form button[type=submit]');
  await page.waitForSelector('#accepted');
  assert.match(await page.locator('#case-id').innerText(), /^newborn-20260302-\d{4}$/);
  await page.screenshot({ path: shot('serve-intake-accepted.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

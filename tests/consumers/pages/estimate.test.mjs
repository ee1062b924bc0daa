// Estimated dates (估算) on the pages: a case received on 2026-12-28 has clocks in 2027, a year
// without holiday data yet; the applicant's progress page and the window's case list mark the
// dates as estimates and give the reason, in headless Chromium at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from '../lib/browser.mjs';
import { startServe, sampleSubmission } from '../lib/serve.mjs';
import { fitsWidth, shot, signIn } from '../lib/pages.mjs';

let browser;
let serve;
let id;
before(async () => {
  serve = await startServe({ now: '2026-12-28T09:00:00' });
  browser = await launch();
  const r = await serve.api('POST', '/api/matters/newborn/cases?received=2026-12-28T09:00', serve.tokens.window, sampleSubmission());
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual(r.body.estimate.years, [2027]);
  id = r.body.id;
});
after(async () => { await browser?.close(); await serve?.stop(); });

test('progress: the promised date is marked 估算 with its reason', async () => {
  const { page, errors } = await openPage(browser, 390);
  await page.goto(`${serve.base}/progress?case=${id}`);
  await page.fill('#phone', '8000');
  await page.click('#query');
  await page.waitForSelector('table');
  const text = await page.locator('main').innerText();
  assert.match(text, /承诺办结日期 2027-\d\d-\d\d（估算）/);
  assert.match(text, /2027 年的国务院节假日安排尚未收录/);
  await fitsWidth(page);
  await page.screenshot({ path: shot('serve-progress-estimate.png'), fullPage: true });
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await page.close();
});

test('case list: the estimated due date is marked', async () => {
  const { page, errors } = await openPage(browser, 1024);
  await signIn(page, serve.base, serve.tokens.window, '/intake');
  await page.getByRole('button', { name: '办件列表' }).click();
  await page.waitForSelector(`text=${id}`);
  assert.match(await page.locator("main").innerText(), /2027-\d\d-\d\d（估算）/);
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await page.close();
});

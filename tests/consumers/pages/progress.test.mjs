// The applicant's progress page in headless Chromium at 390 px: the case number and the phone's
// last four digits, the steps' statuses, then the evaluation once delivered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from '../lib/browser.mjs';
import { startServe, sampleSubmission } from '../lib/serve.mjs';
import { fitsWidth, shot } from '../lib/pages.mjs';

let browser;
let serve;
let id;
before(async () => {
  serve = await startServe();
  browser = await launch();
  const t = serve.tokens;
  const r = await serve.api('POST', '/api/matters/newborn/cases?received=2026-03-02T09:00', t.window, sampleSubmission());
  assert.equal(r.status, 201);
  id = r.body.id;
  const steps = [[t.window, 'accept'], [t.wsjk, 'birth_cert'], [t.wsjk, 'vaccine'], [t.gaj, 'hukou'], [t.ybj, 'insurance'], [t.rsj, 'sscard']];
  for (const [token, step] of steps) {
    const e = await serve.api('POST', `/api/cases/${id}/events`, token, { kind: 'approve', step, at: '2026-03-04T10:00' });
    assert.equal(e.status, 200, JSON.stringify(e.body));
  }
  const d = await serve.api('POST', `/api/cases/${id}/events`, t.window, { kind: 'deliver', method: 'mail', at: '2026-03-04T15:00' });
  assert.equal(d.status, 200);
});
after(async () => { await browser?.close(); await serve?.stop(); });

test('progress: a wrong phone finds nothing; the right one shows the steps and takes an evaluation', async () => {
  const { page, errors } = await openPage(browser, 390);
  await page.goto(`${serve.base}/progress?case=${id}`);
  await page.fill('#phone', '1234');
  await page.click('#query');
  await page.waitForSelector('.problems');
  assert.match(await page.locator('.problems').innerText(), /没有编号为/);
  await page.fill('#phone', '8000');
  await page.click('#query');
  await page.waitForSelector('table');
  const text = await page.locator('main').innerText();
  assert.match(text, /准予办理/);
  assert.match(text, /出生登记/);
  assert.doesNotMatch(text, /110105/, 'no identity numbers on the applicant\'s page');
  await fitsWidth(page);
  await page.screenshot({ path: shot('serve-progress.png'), fullPage: true });
  await page.check('input[name=score][value="5"]');
  await page.getByText('提交评价').click();
  await page.waitForSelector('text=您的评价');
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await page.close();
});

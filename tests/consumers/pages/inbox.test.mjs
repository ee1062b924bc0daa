// A department's inbox in headless Chromium at 390 px: its own steps with their clocks, its
// packet, and an approval recorded from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from '../lib/browser.mjs';
import { startServe, sampleSubmission } from '../lib/serve.mjs';
import { fitsWidth, shot, signIn } from '../lib/pages.mjs';

let browser;
let serve;
let id;
before(async () => {
  serve = await startServe();
  browser = await launch();
  const r = await serve.api('POST', '/api/matters/newborn/cases?received=2026-03-02T09:00', serve.tokens.window, sampleSubmission());
  assert.equal(r.status, 201);
  id = r.body.id;
  const a = await serve.api('POST', `/api/cases/${id}/events`, serve.tokens.window, { kind: 'approve', step: 'accept', at: '2026-03-02T10:00' });
  assert.equal(a.status, 200);
});
after(async () => { await browser?.close(); await serve?.stop(); });

test('inbox: the department sees its own steps and packet, and approves', async () => {
  const { page, errors } = await openPage(browser, 390);
  await signIn(page, serve.base, serve.tokens.wsjk, '/inbox');
  await page.goto(`${serve.base}/inbox?at=2026-03-03`);
  await page.waitForSelector('.entry');
  const steps = await page.locator('.entry').evaluateAll((els) => els.map((e) => e.dataset.step));
  assert.deepEqual(steps.sort(), ['birth_cert', 'vaccine']);
  const entry = page.locator('.entry[data-step=birth_cert]');
  assert.match(await entry.innerText(), /本部门在办/);
  await entry.getByText('查看材料').click();
  await entry.locator('dl.fields').waitFor();
  const packet = await entry.locator('dl.fields').innerText();
  assert.match(packet, /王小明/);
  assert.doesNotMatch(packet, /北京市朝阳区/, 'no other department\'s fields');
  await fitsWidth(page);
  await page.screenshot({ path: shot('serve-inbox.png'), fullPage: true });
  await entry.getByText('批准', { exact: true }).click();
  await page.waitForSelector('#result .notice-ok');
  assert.match(await page.locator('#result').innerText(), /已记录/);
  assert.deepEqual(errors, []);
  await page.close();
});

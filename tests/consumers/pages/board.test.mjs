// The 督办 board in headless Chromium at 390 px and on a desk: overdue steps charged to the
// department holding the case, waiting steps apart, 差评 整改 and the statistics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from '../lib/browser.mjs';
import { startServe, sampleSubmission } from '../lib/serve.mjs';
import { fitsWidth, shot, signIn } from '../lib/pages.mjs';

let browser;
let serve;
before(async () => {
  serve = await startServe();
  browser = await launch();
  const t = serve.tokens;
  const submit = async (received) => {
    const r = await serve.api('POST', `/api/matters/newborn/cases?received=${received}`, t.window, sampleSubmission());
    assert.equal(r.status, 201);
    return r.body.id;
  };
  const event = async (token, id, body) => {
    const r = await serve.api('POST', `/api/cases/${id}/events`, token, body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  // A late case: accepted, then nothing from wsjk for a week.
  const late = await submit('2026-03-02T09:00');
  await event(t.window, late, { kind: 'approve', step: 'accept', at: '2026-03-02T10:00' });
  // A finished case with a 差评.
  const done = await submit('2026-03-02T09:30');
  await event(t.window, done, { kind: 'approve', step: 'accept', at: '2026-03-02T10:00' });
  await event(t.wsjk, done, { kind: 'approve', step: 'birth_cert', at: '2026-03-03T10:00' });
  await event(t.wsjk, done, { kind: 'approve', step: 'vaccine', at: '2026-03-03T10:10' });
  await event(t.gaj, done, { kind: 'approve', step: 'hukou', at: '2026-03-04T10:00' });
  await event(t.ybj, done, { kind: 'approve', step: 'insurance', at: '2026-03-05T10:00' });
  await event(t.rsj, done, { kind: 'approve', step: 'sscard', at: '2026-03-06T10:00' });
  await event(t.window, done, { kind: 'deliver', method: 'window', at: '2026-03-09T10:00' });
  const e = await serve.api('POST', `/api/progress/${done}/evaluation`, null, { phone: '8000', score: 2, comment: '窗口让我多跑了一次' });
  assert.equal(e.status, 200);
});
after(async () => { await browser?.close(); await serve?.stop(); });

for (const width of [390, 1100]) {
  test(`board at ${width} px: overdue by department, waiting apart, 整改, statistics`, async () => {
    const { page, errors } = await openPage(browser, width);
    await signIn(page, serve.base, serve.tokens.supervisor, '/board');
    await page.goto(`${serve.base}/board?at=2026-03-10`);
    await page.waitForSelector('.dept');
    const depts = await page.locator('.dept').evaluateAll((els) => els.map((e) => e.dataset.department));
    assert.deepEqual(depts, ['wsjk'], 'only the department holding the late case is charged');
    assert.match(await page.locator('.dept').innerText(), /超期/);
    const text = await page.locator('main').innerText();
    assert.match(text, /等待前序步骤（[1-9]/);
    assert.match(text, /出生登记/);
    assert.match(text, /差评整改（1）/);
    assert.match(text, /窗口让我多跑了一次/);
    assert.match(text, /按部门/);
    await fitsWidth(page);
    await page.screenshot({ path: shot(width === 390 ? 'serve-board.png' : 'serve-board-desk.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

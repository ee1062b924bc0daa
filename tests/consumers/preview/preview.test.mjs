// `yjs preview` in Chromium: the page shows each matter (the form drawn from the generated
// schema, flow chart, guide, notices); answering a situation shows and hides the sections it
// decides; editing the source changes the open page without a reload (server-sent events), and
// a syntax error shows the diagnostics instead until it is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, yjsBin } from '../lib/paths.mjs';
import { launch, openPage } from '../lib/browser.mjs';
import { shot } from '../lib/pages.mjs';

/** Starts `yjs preview DIR` on a free loopback port; resolves with its URL and process. */
function startPreview(dir) {
  const child = spawn(yjsBin(), ['preview', dir, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0], child });
    });
    child.on('exit', (code) => reject(new Error(`yjs preview exited ${code}`)));
  });
}

test('the preview follows the source without reloading the page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yjs-preview-'));
  mkdirSync(join(dir, 'common'));
  copyFileSync(join(root, 'dsl-examples/common/departments.yjs'), join(dir, 'common/departments.yjs'));
  const source = readFileSync(join(root, 'dsl-examples/newborn.yjs'), 'utf8');
  const file = join(dir, 'newborn.yjs');
  writeFileSync(file, source);
  const { url, child } = await startPreview(dir);
  const browser = await launch();
  try {
    const { page, errors } = await openPage(browser, 1280);
    await page.goto(url);
    const text = () => page.locator('#preview').innerText();
    const first = await text();
    for (const want of ['新生儿出生一件事', '一次表单', '母亲身份证号码', '流程图', '服务指南', '一次告知单', '出生登记']) {
      assert.ok(first.includes(want), `${want} missing`);
    }
    assert.ok(await page.locator('#preview svg').count() >= 1, 'the flow chart');
    assert.ok(await page.locator('#preview iframe').count() === 1, 'the guide');

    // The form is drawn from form.schema.json and form.ui.json: real inputs, Chinese labels,
    // required marks, situation radios, hints and help.
    const form = page.locator('#preview .yjs-form[data-matter="newborn"]');
    const motherId = form.locator('[data-path="mother_id"]');
    assert.equal(await motherId.locator('input[type="text"]').count(), 1, 'an input for mother_id');
    assert.match(await motherId.locator('label').innerText(), /^母亲身份证号码 \*$/);
    assert.equal(await form.locator('[data-path="settle"] input[type="radio"]').count(), 2);
    assert.equal(await form.locator('[data-path="birth_date"] input[type="date"]').count(), 1);
    assert.equal(await form.locator('[data-path="baby_sex"] input[type="radio"]:checked').count(), 0, 'nothing pre-answered');
    // The 出生登记 section applies only when settle = local: hidden until answered so.
    const hukou = form.locator('fieldset[data-path="hukou"]');
    assert.equal(await hukou.count(), 0, 'no section before the answer');
    await form.locator('[data-path="settle"] label', { hasText: '本市户籍家庭户' }).click();
    await hukou.waitFor({ timeout: 5000 });
    assert.match(await hukou.locator('legend').first().innerText(), /出生登记（市公安局）/);
    const address = hukou.locator('textarea');
    await address.fill('市中心路 1 号');
    assert.match(await form.locator('.yjs-data pre').textContent(), /household_address/);
    await form.locator('[data-path="settle"] label', { hasText: '外省市户籍' }).click();
    await hukou.waitFor({ state: 'detached', timeout: 5000 });
    assert.doesNotMatch(await form.locator('.yjs-data pre').textContent(), /household_address/, 'hidden data leaves the submission');
    await form.locator('[data-path="settle"] label', { hasText: '本市户籍家庭户' }).click();
    await hukou.waitFor({ timeout: 5000 });
    await page.screenshot({ path: shot('preview-newborn.png'), fullPage: true });
    // A marker that a reload would erase.
    await page.evaluate(() => { window.__kept = 42; });

    // Rename an item and save: the page changes by itself.
    writeFileSync(file, source.replace('item hukou "出生登记"', 'item hukou "出生登记（已改）"'));
    await page.waitForFunction(() => document.getElementById('preview').innerText.includes('出生登记（已改）'), null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__kept), 42, 'the page was not reloaded');
    // The answers survive the new version: the section is still there, under its new name.
    await hukou.waitFor({ timeout: 5000 });
    assert.match(await hukou.locator('legend').first().innerText(), /出生登记（已改）/);

    // A syntax error: the diagnostics replace the matter, with code and place.
    writeFileSync(file, source.replace('promise    2 workdays', 'promise    2 weeks'));
    await page.waitForFunction(() => document.querySelector('#preview pre.diagnostics') !== null, null, { timeout: 15000 });
    const broken = await text();
    assert.match(broken, /error\[E00\d\d\]/);
    assert.match(broken, /newborn\.yjs:\d+:\d+/);
    assert.ok(!broken.includes('一次表单'));

    // Fixed again: the matter comes back, still without a reload.
    writeFileSync(file, source);
    await page.waitForFunction(() => document.getElementById('preview').innerText.includes('一次表单'), null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__kept), 42);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    child.kill('SIGINT');
  }
});

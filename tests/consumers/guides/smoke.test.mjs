// Every generated guide opens in Chromium without errors and is titled with its matter's name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generated, matters } from '../lib/paths.mjs';
import { launch, openPage } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const matter of matters()) {
  test(`${matter}: guide.html opens and is titled with the matter`, async () => {
    const plan = JSON.parse(readFileSync(join(generated, matter, 'plan.json'), 'utf8'));
    const { page, errors } = await openPage(browser, 1000);
    await page.goto(pathToFileURL(join(generated, matter, 'guide.html')).href);
    const h1 = await page.locator('h1').first().textContent();
    assert.ok(h1.includes(plan.name), `h1 "${h1}" names "${plan.name}"`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

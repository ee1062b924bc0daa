// Helpers of the page tests: signing in through the sign-in form, the 390 px check, and where
// screenshots go (spec/img/ with YJS_UPDATE_SCREENSHOTS=1, else a temporary folder).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './paths.mjs';

const shots = process.env.YJS_UPDATE_SCREENSHOTS === '1'
  ? join(root, 'spec', 'img')
  : mkdtempSync(join(tmpdir(), 'yjs-shots-'));

/** The path of screenshot `name` (`serve-….png`). */
export function shot(name) {
  return join(shots, name);
}

/** Signs in with a token through the sign-in page; resolves on the role's home page. */
export async function signIn(page, base, token, home) {
  await page.goto(base + '/');
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForURL(`**${home}`);
}

/** Nothing on the page is wider than the viewport (usable at 390 px without sideways scrolling). */
export async function fitsWidth(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `the page is ${scroll} px wide in a ${width} px window`);
}

// Every generated guide reads on a desktop (1000 px), a phone (390 px) and A4 paper: the page never
// scrolls sideways, every flow-chart text renders at least 11 px on screen and 8 pt on paper, and
// printed to A4 no element is wider than the printable area. Measured in Chromium on the rendered page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generated, matters, root } from '../lib/paths.mjs';
import { launch, openPage } from '../lib/browser.mjs';

// A4 is 210 mm wide; style.css prints with 16 mm side margins: 178 mm printable, at 96 px per inch.
const A4_PRINTABLE_PX = ((210 - 2 * 16) / 25.4) * 96;
const SHOTS = process.env.YJS_GUIDE_SCREENSHOTS === '1';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Rendered size in CSS px of every <text> of the flow chart: font size times the SVG's screen scale. */
function chartTextSizes() {
  return [...document.querySelectorAll('svg.flow text')].map((t) => ({
    text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  }));
}

/** Elements whose box sticks out of the viewport's width, outside any scroll container. */
function overflowing() {
  const w = window.innerWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.scroll') && !el.classList.contains('scroll')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)) out.push(`${el.tagName}.${el.className} ${r.left}..${r.right}`);
  }
  return out;
}

for (const matter of matters()) {
  const url = pathToFileURL(join(generated, matter, 'guide.html')).href;

  for (const width of [1000, 390]) {
    test(`${matter}: guide.html at ${width} px has no sideways scroll and chart text >= 11 px`, async () => {
      const { page, errors } = await openPage(browser, width);
      await page.goto(url);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
      assert.deepEqual(await page.evaluate(overflowing), []);
      const sizes = await page.evaluate(chartTextSizes);
      assert.ok(sizes.length > 0, 'the guide has a flow chart with text');
      const small = sizes.filter((s) => s.px < 11);
      assert.deepEqual(small, [], 'chart text under 11 px');
      // Box titles break at word boundaries: no line opens with closing punctuation.
      assert.deepEqual(sizes.filter((s) => /^[）)」』】》，。、；：]/.test(s.text)), []);
      if (SHOTS && matter === 'newborn') {
        // The flow chart and its heading, where the layout matters most.
        await page.evaluate(() => document.querySelector('figure.flow').previousElementSibling.scrollIntoView());
        await page.screenshot({ path: join(root, 'spec', 'img', `guide-${width}.png`), fullPage: false });
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test(`${matter}: guide.html printed to A4 fits the printable area with chart text >= 8 pt`, async () => {
    const { page, errors } = await openPage(browser, Math.floor(A4_PRINTABLE_PX));
    await page.goto(url);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await page.evaluate(overflowing), [], 'elements wider than the A4 printable area');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= Math.floor(A4_PRINTABLE_PX), `printed page is ${scrollWidth} px wide`);
    const sizes = await page.evaluate(chartTextSizes);
    const small = sizes.filter((s) => s.px * 0.75 < 8);
    assert.deepEqual(small, [], 'chart text under 8 pt on paper');
    // Each table prints whole in width: nothing is clipped by a scroll box in print.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('table')].filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    assert.equal(clipped, 0);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.ok(pdf.length > 1000 && pdf.subarray(0, 5).toString() === '%PDF-');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

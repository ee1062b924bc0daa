// notice.html answers the sample's situations in Chromium and shows the same notice as
// `yjs notice` for those answers; it asks only the situations that still decide something, and
// it works without a server or any external script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generated, matters, root, yjsBin } from '../lib/paths.mjs';
import { launch, openPage } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The `yjs notice` Markdown for these answers. */
function cliNotice(matter, answers) {
  const args = ['notice', join(root, 'dsl-examples'), '--matter', matter];
  for (const [k, v] of Object.entries(answers)) args.push('--answer', `${k}=${v}`);
  return execFileSync(yjsBin(), args, { encoding: 'utf8' });
}

/** Markdown unescaped the way `yjs build` escapes it (a backslash before ASCII punctuation). */
const unescape = (s) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The lines of a `## heading` section. */
function section(md, heading) {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) return [];
  const rest = md.slice(start + heading.length + 4);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.trim());
}

/** The material names the Markdown notice asks for, and the exempt ones. */
function materialsOf(md) {
  const bring = section(md, '需要携带的材料')
    .filter((l) => /^\| \d+ \|/.test(l))
    .map((l) => unescape(l.split(' | ')[1]));
  const exempt = section(md, '免提交的材料')
    .filter((l) => l.startsWith('- '))
    .map((l) => unescape(l.slice(2).split('：')[0]));
  return { bring, exempt };
}

/** Answers the questions on the page, in order; each must be asked. */
async function answer(page, answers) {
  for (const [k, v] of Object.entries(answers)) {
    const input = page.locator(`input[name="q-${k}"][value="${v}"]`);
    assert.equal(await input.count(), 1, `question ${k} is asked with answer ${v}`);
    await input.check();
  }
}

async function pageMaterials(page) {
  const bring = await page.locator('#bring tr td:nth-child(2)').allTextContents();
  const exempt = (await page.locator('#exempt li').allTextContents()).map((t) => t.split('：')[0]);
  return { bring, exempt };
}

async function open(matter) {
  const { page, errors } = await openPage(browser, 1000);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(generated, matter, 'notice.html')).href);
  return { page, errors, requests };
}

const cases = [
  // Local household, social-security card, born outside marriage, father's surname: 亲子鉴定证明.
  { settle: 'local', card: 'true', surname: 'father', marriage: 'unmarried' },
  { settle: 'local', card: 'false', surname: 'mother', marriage: 'married' },
];

for (const answers of cases) {
  test(`newborn: notice.html for ${JSON.stringify(answers)} shows the materials of yjs notice`, async () => {
    const { page, errors, requests } = await open('newborn');
    assert.ok(await page.locator('#notice').isHidden(), 'no notice before the answers');
    await answer(page, answers);
    assert.ok(await page.locator('#notice').isVisible(), 'the notice shows once answered');
    const md = cliNotice('newborn', answers);
    const want = materialsOf(md);
    assert.ok(want.bring.length > 0, md);
    assert.deepEqual(await pageMaterials(page), want);
    // The items and the longest time agree too.
    const items = await page.locator('#items tr td:nth-child(2)').allTextContents();
    const cliItems = section(md, '将为您办理的事项').filter((l) => /^\| \d+ \|/.test(l)).map((l) => unescape(l.split(' | ')[1]));
    assert.deepEqual(items, cliItems);
    const total = /最长 (\d+) 个工作日/.exec(md)[1];
    assert.match(await page.locator('#limits').textContent(), new RegExp(`最长 ${total} 个工作日`));
    assert.deepEqual(errors, []);
    assert.ok(requests.every((u) => u.startsWith('file:')), `no network: ${requests}`);
    await page.close();
  });
}

test('newborn: a question that no longer decides anything is not asked', async () => {
  const { page, errors } = await open('newborn');
  // Both are asked at first: they decide 亲子鉴定证明 at 出生登记.
  assert.equal(await page.locator('input[name="q-marriage"]').count(), 2);
  assert.equal(await page.locator('input[name="q-surname"]').count(), 2);
  // 外省市户籍: no 出生登记 here, so the surname and the parents' marriage decide nothing.
  await answer(page, { settle: 'other', card: 'true' });
  assert.equal(await page.locator('input[name="q-marriage"]').count(), 0, 'marriage is not asked');
  assert.equal(await page.locator('input[name="q-surname"]').count(), 0, 'surname is not asked');
  assert.ok(await page.locator('#notice').isVisible());
  for (const marriage of ['married', 'unmarried']) {
    for (const surname of ['father', 'mother']) {
      const want = materialsOf(cliNotice('newborn', { settle: 'other', card: 'true', surname, marriage }));
      assert.deepEqual(await pageMaterials(page), want);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

for (const matter of matters()) {
  test(`${matter}: notice.html is self-contained and linked from the guide`, async () => {
    const html = readFileSync(join(generated, matter, 'notice.html'), 'utf8');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)/);
    const guide = readFileSync(join(generated, matter, 'guide.html'), 'utf8');
    assert.match(guide, /href="notice.html"/);
    assert.doesNotMatch(guide + readFileSync(join(generated, matter, 'guide.md'), 'utf8'), /yjs notice|notices\/<\/code> 目录/);
    const { page, errors } = await open(matter);
    assert.ok((await page.locator('fieldset').count()) > 0, 'asks something');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('company_change: a rule disables the answer it excludes, and multi-select answers match yjs notice', async () => {
  const { page, errors } = await open('company_change');
  // 「变更登记至少选择一项变更事项」: no change at all cannot be chosen.
  const none = page.locator('input[name="q-changes"][value="none"]');
  assert.ok(await none.isDisabled(), 'the empty answer is excluded by the rule');
  assert.match(await page.locator('fieldset[data-situation="changes"]').textContent(), /变更登记至少选择一项变更事项/);
  for (const v of ['name', 'rep']) await page.locator(`input[name="q-changes"][value="${v}"]`).check();
  await page.locator('input[name="q-filer"][value="agent"]').check();
  for (const v of ['fund', 'account']) await page.locator(`input[name="q-holds"][value="${v}"]`).check();
  assert.ok(await page.locator('#notice').isVisible());
  const want = materialsOf(cliNotice('company_change', { changes: 'name+rep', filer: 'agent', holds: 'fund+account' }));
  assert.ok(want.bring.length > 0);
  assert.deepEqual(await pageMaterials(page), want);
  assert.deepEqual(errors, []);
  await page.close();
});

test('newborn: notice.html answered on a 390 px phone does not scroll sideways', async () => {
  const { page, errors } = await openPage(browser, 390);
  await page.goto(pathToFileURL(join(generated, 'newborn', 'notice.html')).href);
  await answer(page, cases[0]);
  assert.ok(await page.locator('#notice').isVisible());
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  assert.ok(scroll <= inner, `page is ${scroll} px wide in a ${inner} px window`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a matter with wait steps: notice.html words each applying wait as the Markdown notice does', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const out = mkdtempSync(join(tmpdir(), 'yjs-waits-notice-'));
  try {
    execFileSync(yjsBin(), ['build', join(root, 'compiler/tests/fixtures/waits'), '--out', out], { stdio: 'pipe' });
    for (const mode of ['simple', 'ordinary']) {
      const md = readFileSync(join(out, 'closing', 'notices', `mode-${mode}.md`), 'utf8');
      const { page, errors } = await openPage(browser, 1000);
      await page.goto(pathToFileURL(join(out, 'closing', 'notice.html')).href);
      await answer(page, { mode });
      const flow = await page.locator('#flow li').allTextContents();
      const expected = section(md, '办理流程')
        .filter((l) => /^\d+\. /.test(l))
        .map((l) => unescape(l.replace(/^\d+\. /, '')));
      assert.deepEqual(flow, expected, mode);
      assert.ok(flow.some((l) => l.includes('特殊环节') && l.includes('不计入办理时限')), `${mode}: the wait is stated`);
      const limits = await page.locator('#limits li').allTextContents();
      const wait = mode === 'simple' ? '简易注销公示' : '债权人申报债权期间';
      assert.ok(limits[0].includes(`（不含${wait}所需时间）`), limits[0]);
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

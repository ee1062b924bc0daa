// Bundles harness/entry.mjs with esbuild (packages pinned in tests/consumers) and opens one
// matter's generated form in Chromium with RJSF or JSON Forms.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generated } from '../lib/paths.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let bundle;

/** The harness bundle's text, built once. */
export async function harness() {
  if (!bundle) {
    const out = join(mkdtempSync(join(tmpdir(), 'yjs-forms-')), 'harness.js');
    await build({
      entryPoints: [join(here, 'harness', 'entry.mjs')], outfile: out, bundle: true, format: 'iife',
      platform: 'browser', target: ['es2020'], define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning', charset: 'utf8',
    });
    bundle = readFileSync(out, 'utf8');
  }
  return bundle;
}

const read = (m, f) => JSON.parse(readFileSync(join(generated, m, f), 'utf8'));

/** One matter's artifacts. */
export function artifacts(matter) {
  return {
    schema: read(matter, 'form.schema.json'),
    ui: read(matter, 'form.ui.json'),
    jsonforms: read(matter, 'form.jsonforms.json'),
    i18n: read(matter, 'form.i18n.zh.json'),
    sources: read(matter, 'form.sources.json'),
  };
}

/** Opens `page` on the matter's form drawn by `kind` ('rjsf' or 'jsonforms'). */
export async function open(page, kind, matter) {
  const a = artifacts(matter);
  await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:16px;max-width:960px}
    fieldset{border:1px solid #ccc;margin:0 0 12px;padding:8px 12px}legend{font-weight:bold}
    input,select,textarea{max-width:100%;box-sizing:border-box}
    .error-detail,.validation{color:#b00020}label{display:block}</style></head>
    <body><div id="app"></div></body></html>`);
  await page.addScriptTag({ content: await harness() });
  await page.evaluate(([kind, a]) => window.yjsRender(kind, a), [kind, a]);
  await page.waitForSelector(kind === 'rjsf' ? 'form' : '.vertical-layout, .group-layout');
  return a;
}

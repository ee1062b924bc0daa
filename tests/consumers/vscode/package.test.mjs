// The extension in editors/vscode/ bundled (esbuild, with vscode-languageclient inside) and
// packaged into a .vsix by vsce, the tool the VS Code Marketplace takes; the package holds the
// manifest, the grammar, the language configuration and the client that starts `yjs lsp`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { root } from '../lib/paths.mjs';

const ext = join(root, 'editors/vscode');
const consumers = join(root, 'tests/consumers');

test('the extension packages into a .vsix with its grammar and language client', async () => {
  await build({
    entryPoints: [join(ext, 'src/extension.js')],
    outfile: join(ext, 'dist/extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    nodePaths: [join(consumers, 'node_modules')],
    logLevel: 'error',
  });
  const bundle = readFileSync(join(ext, 'dist/extension.js'), 'utf8');
  assert.ok(bundle.includes("args: [\"lsp\"]") || bundle.includes("args: ['lsp']"), 'starts `yjs lsp`');
  assert.ok(!bundle.includes('require("vscode-languageclient'), 'the client is bundled');

  const out = join(mkdtempSync(join(tmpdir(), 'yjs-vsix-')), 'yjs.vsix');
  execFileSync(
    join(consumers, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
    { cwd: ext, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  assert.ok(statSync(out).size > 10_000);
  // A .vsix is a zip: its entry names are stored as plain text.
  const zip = readFileSync(out).toString('latin1');
  for (const entry of [
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/syntaxes/yjs.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/dist/extension.js',
    'extension/readme.md',
  ]) {
    assert.ok(zip.toLowerCase().includes(entry.toLowerCase()), `${entry} missing from the .vsix`);
  }
  assert.ok(!zip.includes('extension/src/extension.js'), 'the unbundled source is left out');
  const manifest = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));
  assert.equal(manifest.contributes.grammars[0].scopeName, 'source.yjs');
  assert.deepEqual(manifest.contributes.languages[0].extensions, ['.yjs']);
});

// Builds ../form.js from entry.mjs with esbuild and the packages pinned in tests/consumers
// (run `npm ci` there first): `node server/assets/form/build.mjs [OUT]`. The output is
// committed; tests/consumers/pages/bundle.test.mjs rebuilds it and compares byte for byte.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const { build } = createRequire(join(root, 'tests', 'consumers', 'package.json'))('esbuild');
const out = process.argv[2] ?? join(here, '..', 'form.js');

await build({
  entryPoints: [join(here, 'entry.mjs')],
  outfile: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  charset: 'utf8',
  nodePaths: [join(root, 'tests', 'consumers', 'node_modules')],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: '/* yjs serve: react-jsonschema-form bundle, built by server/assets/form/build.mjs — do not edit */' },
  logLevel: 'warning',
});

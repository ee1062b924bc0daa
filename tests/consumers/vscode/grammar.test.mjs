// The extension's TextMate grammar (editors/vscode/syntaxes/yjs.tmLanguage.json, generated from
// the keyword table by tests/vscode.rs) tokenized by vscode-textmate + vscode-oniguruma, the
// engine VS Code uses: on every example, in English and converted to Chinese keywords, every
// keyword is scoped as a keyword, and strings and comments as strings and comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { root, yjsBin } from '../lib/paths.mjs';

const require = createRequire(import.meta.url);
const grammarPath = join(root, 'editors/vscode/syntaxes/yjs.tmLanguage.json');

async function loadGrammar() {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.yjs'
        ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  return registry.loadGrammar('source.yjs');
}

/** Every keyword spelling, from the keyword table of spec/language.md (checked against the
 * compiler's table by compiler/tests/keywords.rs). */
function keywordSpellings() {
  const text = readFileSync(join(root, 'spec/language.md'), 'utf8');
  const table = text.split('| English | 中文 | meaning | starts a statement in |')[1].split('\n\n')[0];
  const words = new Set();
  for (const line of table.split('\n')) {
    const m = line.match(/^\| `([^`]+)` \| `([^`]+)` \| ([^|]*) \|/);
    if (!m) continue;
    words.add(m[1]);
    words.add(m[2]);
    for (const also of m[3].matchAll(/`([^`]+)`/g)) words.add(also[1]);
  }
  return words;
}

/** Tokens of a text: [{ line, text, scopes }]. */
function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  const out = [];
  text.split('\n').forEach((line, n) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      out.push({ line: n + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return out;
}

const isKeywordScope = (s) => /^(keyword\.|constant\.language\.|storage\.type\.)/.test(s);

/** Checks one text; returns how many keywords it scoped. */
function checkText(grammar, name, text, spellings) {
  let keywords = 0;
  for (const t of tokenize(grammar, text)) {
    const inString = t.scopes.some((s) => s.startsWith('string.'));
    const inComment = t.scopes.some((s) => s.startsWith('comment.'));
    if (t.text.startsWith('//') || t.text.startsWith('/*')) {
      assert.ok(inComment, `${name}:${t.line}: comment ${t.text} scoped ${t.scopes}`);
    }
    if (t.text.startsWith('"')) {
      assert.ok(inString, `${name}:${t.line}: string ${t.text} scoped ${t.scopes}`);
    }
    if (inString || inComment) continue;
    // A token may hold several words only if it is one scope; split it into words.
    for (const w of t.text.match(/[\p{L}\p{N}_]+/gu) ?? []) {
      if (!spellings.has(w)) continue;
      assert.ok(
        t.scopes.some(isKeywordScope) || t.scopes.some((s) => s.startsWith('support.') || s.startsWith('entity.other.attribute-name')),
        `${name}:${t.line}: keyword ${w} scoped ${t.scopes.join(' ')}`,
      );
      assert.equal(t.text, w, `${name}:${t.line}: keyword ${w} is not a token of its own (${t.text})`);
      keywords += 1;
    }
  }
  return keywords;
}

function examples() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yjs')) out.push(p);
    }
  };
  walk(join(root, 'dsl-examples'));
  walk(join(root, 'tests/ui/pass'));
  return out.sort();
}

test('every keyword of every example is scoped, in English and in Chinese', async () => {
  const grammar = await loadGrammar();
  const spellings = keywordSpellings();
  assert.ok(spellings.has('promise') && spellings.has('承诺') && spellings.has('个工作日'));
  let total = 0;
  let chinese = 0;
  for (const path of examples()) {
    const text = readFileSync(path, 'utf8');
    total += checkText(grammar, path, text, spellings);
    // The same file with every keyword converted to Chinese by `yjs fmt --keywords zh`.
    const zh = execFileSync(yjsBin(), ['fmt', '--keywords', 'zh', '-'], { input: text, encoding: 'utf8' });
    chinese += checkText(grammar, `${path} (zh)`, zh, spellings);
  }
  assert.ok(total > 500, `only ${total} keywords`);
  assert.ok(chinese > 500, `only ${chinese} Chinese keywords`);
});

test('keywords are whole words: names that contain one are not keywords', async () => {
  const grammar = await loadGrammar();
  const line = 'item 承诺书 "x" { form { whenever; 工作日期 } } // 承诺';
  const scoped = tokenize(grammar, line).filter((t) => t.scopes.some(isKeywordScope)).map((t) => t.text);
  assert.deepEqual(scoped, ['item', 'form']);
  const units = tokenize(grammar, '承诺 5 个工作日').filter((t) => t.scopes.some(isKeywordScope)).map((t) => t.text);
  assert.deepEqual(units, ['承诺', '个工作日']);
});

// Where the consumer tests find the repository, the committed build output and the yjs binary.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readdirSync, existsSync, statSync } from 'node:fs';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The committed output of `yjs build dsl-examples --out generated`, kept fresh by tests/generated.rs. */
export const generated = join(root, 'generated');

/** The yjs binary: `YJS_BIN`, else the release build, else the debug build. */
export function yjsBin() {
  for (const p of [process.env.YJS_BIN, join(root, 'target/release/yjs'), join(root, 'target/debug/yjs')]) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('no yjs binary: build it with `cargo build --release` or set YJS_BIN');
}

/** The ids of every matter in `generated/`, sorted. */
export function matters() {
  return readdirSync(generated)
    .filter((d) => statSync(join(generated, d)).isDirectory())
    .sort();
}

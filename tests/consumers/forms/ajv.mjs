// A strict Ajv 8 as a developer sets it up for yjs forms: ajv-formats plus the build's formats.mjs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { generated } from '../lib/paths.mjs';

/** The build's formats.mjs module. */
export const formatsModule = await import(pathToFileURL(join(generated, 'formats.mjs')).href);

/** A strict Ajv whose logger records every warning in `warnings` instead of printing it. */
export function strictAjv(warnings) {
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(' ')), error: (...a) => warnings.push(a.join(' ')) };
  const ajv = new Ajv({ strict: true, allErrors: true, logger });
  addFormats(ajv);
  for (const [name, check] of Object.entries(formatsModule.default)) ajv.addFormat(name, check);
  return ajv;
}

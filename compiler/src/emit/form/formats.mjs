// __GENERATED__
//
// The custom formats of yjs forms, for Ajv's addFormat (and any validator that takes a
// `(value: string) => boolean` per format name). They implement the checks JSON Schema cannot
// express, exactly as the runtime does (yjs_artifacts::validators; both run the same test
// vectors): a validator that does not know a format ignores it, and the field's `pattern` still
// applies.
//
//   import Ajv from 'ajv';
//   import addFormats from 'ajv-formats';
//   import formats from './formats.mjs';
//   const ajv = new Ajv({ strict: true, allErrors: true });
//   addFormats(ajv);
//   for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);

/** Province codes (the first two digits of a 行政区划代码, GB/T 2260). */
const PROVINCES = new Set(__PROVINCES__);

/** 行政区划代码: six digits, a known province, then 0000 or a prefecture 01–70 or 90. */
export function regionCode(value) {
  if (typeof value !== 'string' || !/^[0-9]{6}$/.test(value)) return false;
  if (!PROVINCES.has(value.slice(0, 2))) return false;
  const prefecture = Number(value.slice(2, 4));
  if (!(prefecture <= 70 || prefecture === 90)) return false;
  return !(prefecture === 0 && value.slice(4, 6) !== '00');
}

const daysIn = (y, m) =>
  [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/** The validating machine's date as `YYYYMMDD`, comparable as a string. */
function todayDigits(today) {
  const pad = (n, w) => String(n).padStart(w, '0');
  return pad(today.getFullYear(), 4) + pad(today.getMonth() + 1, 2) + pad(today.getDate(), 2);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * 居民身份证号码 (GB 11643): 17 digits and a digit or X, a structurally valid address code, a
 * birth date that exists and is not after `today`, and the ISO 7064 MOD 11-2 check character.
 */
export function idCard(value, today = new Date()) {
  if (typeof value !== 'string' || !/^[0-9]{17}[0-9X]$/.test(value)) return false;
  if (!regionCode(value.slice(0, 6))) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return false;
  if (value.slice(6, 14) > todayDigits(today)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === value[17];
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * 统一社会信用代码 (GB 32100): 18 characters of the GB 32100 alphabet, digits at positions 3–8
 * forming a region code (or 100000 for central registrations), and the mod-31 check character.
 */
export function uscc(value) {
  if (typeof value !== 'string' || value.length !== 18) return false;
  if (!/^[0-9]{6}$/.test(value.slice(2, 8))) return false;
  const values = [];
  for (const c of value) {
    const v = USCC_ALPHABET.indexOf(c);
    if (v < 0) return false;
    values.push(v);
  }
  const region = value.slice(2, 8);
  if (region !== '100000' && !regionCode(region)) return false;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += values[i] * weight;
    weight = (weight * 3) % 31;
  }
  const expected = (31 - (sum % 31)) % 31;
  return values[17] === expected;
}

/**
 * A date bound: `value` (a `YYYY-MM-DD` date; anything else is left to `format: date`) is not
 * before / not after `limit`, a date or `today`, the validating machine's day.
 */
export function dateLimit(notBefore, limit) {
  return (value, today = new Date()) => {
    if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return true;
    const digits = limit === 'today' ? todayDigits(today) : limit.replaceAll('-', '');
    const v = value.replaceAll('-', '');
    return notBefore ? v >= digits : v <= digits;
  };
}

/** Every format by the name form schemas use. */
const formats = {
  'id-card': (v) => idCard(v),
  uscc,
  'region-code': regionCode,
  'date-not-before-today': dateLimit(true, 'today'),
  'date-not-after-today': dateLimit(false, 'today'),
__DATES__};

export { formats };
export default formats;

/** Ids for the demo history: the same sortable shape as platform/ids.ts `newId`, for any instant. */
import type { Rand } from './demo-random';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** Every pair of base-32 digits (10 bits), so an id's time part is five look-ups. */
const PAIRS = Array.from({ length: 1024 }, (_, i) => ALPHABET[i >> 5] + ALPHABET[i & 31]);
const B10 = 1024;
/** The 10-character time prefix of platform/ids.ts `newId`, for an arbitrary instant. */
export function timeId(ms: number): string {
  const t = Math.floor(ms);
  const hi = Math.floor(t / B10 ** 3);
  const lo = t - hi * B10 ** 3;
  return (
    PAIRS[Math.floor(hi / B10) % B10] +
    PAIRS[hi % B10] +
    PAIRS[Math.floor(lo / B10 ** 2)] +
    PAIRS[Math.floor(lo / B10) % B10] +
    PAIRS[lo % B10]
  );
}
/** Four-character sequence suffixes, so a timeline's ids sort in the order its steps were taken. */
export const SEQ = Array.from({ length: 1024 }, (_, i) => timeId(i).slice(6));

export function randomChars(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * 32)];
  return s;
}

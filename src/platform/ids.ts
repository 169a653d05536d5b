import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RAND_LEN = 12;

let lastTime = -1;
let lastRand: number[] = [];

/**
 * Sortable, collision-resistant text id: 10 chars of millisecond time + 12 random chars
 * (Crockford base32, lower case). Within one process ids are strictly increasing even inside
 * the same millisecond (the random part is incremented), so sorting by id is sorting by creation
 * — the order timeline relies on it — and B-tree inserts stay append-mostly.
 */
export function newId(now: number = Date.now()): string {
  let t = Math.max(now, lastTime);
  let rand: number[];
  if (t === lastTime) {
    rand = increment(lastRand);
  } else {
    rand = [...randomBytes(RAND_LEN)].map((b) => b % 32);
    rand[0] &= 15; // leave headroom so increments within a millisecond never overflow
  }
  lastTime = t;
  lastRand = rand;
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + rand.map((d) => ALPHABET[d]).join('');
}

function increment(digits: number[]): number[] {
  const out = [...digits];
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] < 31) {
      out[i]++;
      return out;
    }
    out[i] = 0;
  }
  return out;
}

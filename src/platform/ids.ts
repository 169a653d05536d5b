import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Sortable, collision-resistant text id: 10 chars of millisecond time + 12 random chars
 * (Crockford base32, lower case). Sorting ids sorts by creation time, which keeps
 * B-tree inserts append-mostly on both SQLite and PostgreSQL.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(12);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return time + rand;
}

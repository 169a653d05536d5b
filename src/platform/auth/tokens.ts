import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API keys look like `yw_<prefix>_<secret>`; the prefix finds the row, the secret's hash proves it. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `yw_${prefix}_${randomToken(24)}`;
  return { key, prefix, hash: sha256(key) };
}

export function apiKeyPrefix(key: string): string | null {
  const m = /^yw_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(key);
  return m ? m[1] : null;
}

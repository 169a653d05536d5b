/** Mainland mobile numbers, as POST /api/public/orders accepts them (^1[3-9]\d{9}$). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

/** Spaces and dashes people type are dropped; a +86 / 86 prefix too. */
export function cleanPhone(s: string): string {
  let p = s.replace(/[\s-]/g, '');
  if (p.startsWith('+86')) p = p.slice(3);
  else if (p.length === 13 && p.startsWith('86')) p = p.slice(2);
  return p;
}

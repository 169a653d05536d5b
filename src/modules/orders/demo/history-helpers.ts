/** Small pure helpers of the demo history builder. */
import type { Rand } from './demo-random';

const OPENING = /^(【[^】]*】)?(市民来电(反映|称|咨询|询问)?|来电人(反映|咨询)|来电反映|网格员入户走访，居民反映)?：?/;
/** The title an agent would type: the request without its opening, cut at 30 characters. */
export function titleOf(text: string): string {
  const body = text.replace(OPENING, '').trim() || text;
  return body.slice(0, 30);
}

/** A second caller stands a few metres from the first. */
export function jitter(r: Rand, b: { lng: number | null; lat: number | null }) {
  if (b.lng === null || b.lat === null) return {};
  const d = 0.00025; // about 25 m
  return { lng: round6(b.lng + (r() - 0.5) * d), lat: round6(b.lat + (r() - 0.5) * d) };
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
export const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A stable non-negative hash of a string (a grid's inspector). */
export function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

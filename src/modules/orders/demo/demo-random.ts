/**
 * The demo generators' random source: a seeded PRNG and the draws made from it. Every demo
 * output is a function of its seed, so these must stay exactly as they are (a changed draw
 * changes every order after it).
 */

/** A deterministic random source in [0, 1): mulberry32, the same on every platform. */
export type Rand = () => number;

export function prng(seed: number): Rand {
  let a = (seed | 0) ^ 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix of two integers (per-order random streams independent of each other). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(b + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Log-normal draw around `median` (sigma in natural-log units). */
export function lognormal(r: Rand, median: number, sigma: number): number {
  const u = Math.max(r(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  return median * Math.exp(sigma * z);
}

export const between = (r: Rand, lo: number, hi: number) => lo + (hi - lo) * r();

/** An index drawn in proportion to `weights`. */
export function weighted(r: Rand, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}

/** A key drawn in proportion to its value. */
export function pickKey<K extends string>(r: Rand, mix: Readonly<Record<K, number>>): K {
  const keys = Object.keys(mix) as K[];
  return keys[
    weighted(
      r,
      keys.map((k) => mix[k]),
    )
  ];
}

/**
 * The demo map's warp (see the comment below): bends ruler-straight Voronoi edges so they look like streets
 * and creeks, while keeping neighbouring polygons' shared edges identical. Pure and deterministic.
 */
import type { Polygon, Position } from 'geojson';
import type { LngLat } from '../../../platform/geo';
// The warp: a piecewise-linear map over a fixed triangle mesh (cell H, each square split along
// its anti-diagonal), whose vertices are nudged by smooth waves (≤ 0.00125° ≈ 130 m per axis).
// Every edge is first cut where it crosses a mesh line, so a straight edge maps to exactly the
// polyline its neighbour's identical edge maps to, and a point on an edge stays on it: the
// tiling survives. Wave slopes stay well below 1, so no triangle flips and the map is one-to-one.

const ORIGIN: LngLat = [113.08, 22.95];
const H = 0.003;
const TAU = 2 * Math.PI;

function meshVertex(i: number, j: number): LngLat {
  const x = ORIGIN[0] + i * H;
  const y = ORIGIN[1] + j * H;
  const dx =
    0.0009 * Math.sin((TAU * (y - ORIGIN[1])) / 0.024 + 0.7) + 0.00035 * Math.sin((TAU * (x + y)) / 0.009 + 1.9);
  const dy =
    0.0009 * Math.cos((TAU * (x - ORIGIN[0])) / 0.021 + 2.3) + 0.00035 * Math.sin((TAU * (x - y)) / 0.0085 + 0.4);
  return [x + dx, y + dy];
}

function warpPoint([x, y]: LngLat): LngLat {
  const u = (x - ORIGIN[0]) / H;
  const v = (y - ORIGIN[1]) / H;
  const i = Math.floor(u);
  const j = Math.floor(v);
  const fu = u - i;
  const fv = v - j;
  const p10 = meshVertex(i + 1, j);
  const p01 = meshVertex(i, j + 1);
  if (fu + fv <= 1) {
    const p00 = meshVertex(i, j);
    return [
      p00[0] + fu * (p10[0] - p00[0]) + fv * (p01[0] - p00[0]),
      p00[1] + fu * (p10[1] - p00[1]) + fv * (p01[1] - p00[1]),
    ];
  }
  const p11 = meshVertex(i + 1, j + 1);
  const gu = 1 - fu;
  const gv = 1 - fv;
  return [
    p11[0] + gu * (p01[0] - p11[0]) + gv * (p10[0] - p11[0]),
    p11[1] + gu * (p01[1] - p11[1]) + gv * (p10[1] - p11[1]),
  ];
}

/** Points where segment a→b crosses mesh lines, strictly between a and b, in order from a. */
function meshCrossings(a: LngLat, b: LngLat): LngLat[] {
  // Compute from the lexicographically smaller end so a shared edge gets identical points
  // whichever polygon walks it.
  const flip = a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const [p, q] = flip ? [b, a] : [a, b];
  const pu = (p[0] - ORIGIN[0]) / H;
  const pv = (p[1] - ORIGIN[1]) / H;
  const qu = (q[0] - ORIGIN[0]) / H;
  const qv = (q[1] - ORIGIN[1]) / H;
  const ts: number[] = [];
  const cross = (s0: number, s1: number) => {
    if (s0 === s1) return;
    const lo = Math.min(s0, s1);
    const hi = Math.max(s0, s1);
    for (let n = Math.floor(lo) + 1; n < hi; n++) ts.push((n - s0) / (s1 - s0));
  };
  cross(pu, qu);
  cross(pv, qv);
  cross(pu + pv, qu + qv);
  ts.sort((m, n) => m - n);
  const out: LngLat[] = [];
  let last = 0;
  for (const t of ts) {
    if (t - last < 1e-9 || t > 1 - 1e-9) continue;
    out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    last = t;
  }
  return flip ? out.reverse() : out;
}

export function warpPolygon(poly: Polygon): Polygon {
  return { type: 'Polygon', coordinates: poly.coordinates.map(warpRing) };
}

function warpRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  const push = (p: LngLat) => {
    const w = warpPoint(p).map(round7);
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== w[0] || prev[1] !== w[1]) out.push(w);
  };
  for (let i = 0; i + 1 < ring.length; i++) {
    const a: LngLat = [ring[i][0], ring[i][1]];
    push(a);
    for (const c of meshCrossings(a, [ring[i + 1][0], ring[i + 1][1]])) push(c);
  }
  out.push([...out[0]]);
  return out;
}

/** 7 decimals ≈ 1 cm: plenty for a demo map, and keeps the JSON small. */
function round7(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

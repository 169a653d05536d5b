import { distanceMeters } from '../../../platform/geo';

/**
 * Where a simulated aircraft is, `elapsedS` seconds into flying dock → waypoints → dock at
 * `speed` m/s (plus a climb and a landing of `verticalS` seconds each). Pure.
 */
export interface FlightPath {
  points: { lng: number; lat: number; height: number }[];
  speed: number;
}

export interface PathPosition {
  lng: number;
  lat: number;
  height: number;
  heading: number;
  /** the waypoint last reached (0-based among the route's waypoints; -1 before the first) */
  waypointIndex: number;
  /** metres flown so far */
  flownM: number;
  done: boolean;
  percent: number;
}

const VERTICAL_S = 10;

export function pathLength(p: FlightPath): number {
  let m = 0;
  for (let k = 1; k < p.points.length; k++)
    m += distanceMeters([p.points[k - 1].lng, p.points[k - 1].lat], [p.points[k].lng, p.points[k].lat]);
  return m;
}

export function totalSeconds(p: FlightPath): number {
  return pathLength(p) / p.speed + 2 * VERTICAL_S;
}

export function positionAt(p: FlightPath, elapsedS: number): PathPosition {
  const total = totalSeconds(p);
  const start = p.points[0];
  const end = p.points[p.points.length - 1];
  const percent = Math.min(100, Math.round((elapsedS / total) * 100));
  if (elapsedS <= VERTICAL_S)
    return {
      ...start,
      height: (start.height * elapsedS) / VERTICAL_S,
      heading: 0,
      waypointIndex: -1,
      flownM: 0,
      done: false,
      percent,
    };
  if (elapsedS >= total)
    return {
      ...end,
      height: 0,
      heading: 0,
      waypointIndex: p.points.length - 3,
      flownM: pathLength(p),
      done: true,
      percent: 100,
    };
  let left = (elapsedS - VERTICAL_S) * p.speed;
  let flown = 0;
  for (let k = 1; k < p.points.length; k++) {
    const a = p.points[k - 1];
    const b = p.points[k];
    const seg = distanceMeters([a.lng, a.lat], [b.lng, b.lat]);
    if (left <= seg || k === p.points.length - 1) {
      const f = seg === 0 ? 1 : Math.min(1, left / seg);
      const heading = (Math.atan2((b.lng - a.lng) * Math.cos((a.lat * Math.PI) / 180), b.lat - a.lat) * 180) / Math.PI;
      const landing = k === p.points.length - 1 && f >= 1;
      return {
        lng: a.lng + (b.lng - a.lng) * f,
        lat: a.lat + (b.lat - a.lat) * f,
        height: landing
          ? Math.max(0, b.height * (1 - (elapsedS - (total - VERTICAL_S)) / VERTICAL_S))
          : a.height + (b.height - a.height) * f,
        heading: Math.round(heading),
        // points[0] is the dock: the route's waypoint index is k - 2 once segment k has started
        waypointIndex: Math.min(p.points.length - 3, k - 2 + (f >= 1 ? 1 : 0)),
        flownM: flown + seg * f,
        done: false,
        percent,
      };
    }
    left -= seg;
    flown += seg;
  }
  return { ...end, heading: 0, waypointIndex: p.points.length - 3, flownM: flown, done: true, percent: 100 };
}

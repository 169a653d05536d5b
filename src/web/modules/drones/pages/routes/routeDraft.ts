/**
 * The route editor's draft: the Route JSON the API takes (missions.contract RouteBody), with the
 * few per-waypoint actions the editor offers (photo, gimbal pitch, hover) read from and written into
 * each waypoint's action list; any other action (an imported route's zoom, recording …) is kept as it is.
 */
import { length, lineString } from '@turf/turf';
import type { RouteJson } from '../../components/dronesApi';

export type Waypoint = RouteJson['waypoints'][number];
export type WpAction = Waypoint['actions'][number];

/** Aircraft a dock carries, with their WPML enums (droneEnum/droneSubEnum + payloadEnum). */
export const AIRCRAFT_MODELS = [
  { key: '91-0-80', label: 'Mavic 3D (DJI Dock 2)', droneEnum: 91, droneSubEnum: 0, payloadEnum: 80 },
  { key: '91-1-81', label: 'Mavic 3TD (DJI Dock 2)', droneEnum: 91, droneSubEnum: 1, payloadEnum: 81 },
  { key: '67-0-52', label: 'Matrice 30 (DJI Dock)', droneEnum: 67, droneSubEnum: 0, payloadEnum: 52 },
  { key: '67-1-53', label: 'Matrice 30T (DJI Dock)', droneEnum: 67, droneSubEnum: 1, payloadEnum: 53 },
] as const;

export const modelKeyOf = (r: Pick<RouteJson, 'droneEnum' | 'droneSubEnum' | 'payloadEnum'>) =>
  `${r.droneEnum}-${r.droneSubEnum}-${r.payloadEnum}`;

export const DEFAULT_HEIGHT = 60;

/** A new route's settings: a Dock 2's Mavic 3D, 8 m/s, home at 80 m, heights above the dock. */
export function emptyRoute(name = ''): RouteJson {
  return {
    name,
    droneEnum: 91,
    droneSubEnum: 0,
    payloadEnum: 80,
    takeOffSecurityHeight: 30,
    globalSpeed: 8,
    globalRthHeight: 80,
    heightMode: 'relativeToStartPoint',
    finishAction: 'goHome',
    exitOnRcLost: 'executeLostAction',
    rcLostAction: 'goBack',
    waypoints: [],
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A waypoint where the map was clicked, at the previous one's height (or the default), taking a photo. */
export function newWaypoint(at: { lng: number; lat: number }, previous?: Waypoint): Waypoint {
  return {
    lng: round6(at.lng),
    lat: round6(at.lat),
    height: previous?.height ?? DEFAULT_HEIGHT,
    actions: [{ kind: 'takePhoto' }],
  };
}

export const moveWaypoint = (wp: Waypoint, at: { lng: number; lat: number }): Waypoint => ({
  ...wp,
  lng: round6(at.lng),
  lat: round6(at.lat),
});

/** A plain photo (no lens choice, no file suffix): what the editor's "photo" switch stands for. */
const isPlainPhoto = (a: WpAction) => a.kind === 'takePhoto' && !a.lenses && !a.fileSuffix;
const isPitchOnly = (a: WpAction) => a.kind === 'gimbalRotate' && a.pitch !== undefined && a.yaw === undefined;

export function hasPhoto(wp: Waypoint): boolean {
  return wp.actions.some(isPlainPhoto);
}
export function gimbalPitchOf(wp: Waypoint): number | null {
  const a = wp.actions.find(isPitchOnly);
  return a && a.kind === 'gimbalRotate' ? (a.pitch ?? null) : null;
}
export function hoverOf(wp: Waypoint): number | null {
  const a = wp.actions.find((x) => x.kind === 'hover');
  return a && a.kind === 'hover' ? a.seconds : null;
}
/** The actions the editor has no control for (kept, shown as tags). */
export function otherActions(wp: Waypoint): Array<{ action: WpAction; index: number }> {
  return wp.actions
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => !isPlainPhoto(action) && !isPitchOnly(action) && action.kind !== 'hover');
}

/**
 * The waypoint with the editor's three actions set: the gimbal turns first, then the aircraft
 * hovers, then the photo is taken (a picture at the new angle, steady); other actions follow in
 * their own order.
 */
export function withActions(
  wp: Waypoint,
  set: { photo?: boolean; gimbalPitch?: number | null; hover?: number | null },
): Waypoint {
  const photo = set.photo ?? hasPhoto(wp);
  const pitch = set.gimbalPitch === undefined ? gimbalPitchOf(wp) : set.gimbalPitch;
  const hover = set.hover === undefined ? hoverOf(wp) : set.hover;
  const actions: WpAction[] = [];
  if (pitch !== null) actions.push({ kind: 'gimbalRotate', pitch });
  if (hover !== null && hover > 0) actions.push({ kind: 'hover', seconds: hover });
  if (photo) actions.push({ kind: 'takePhoto' });
  for (const { action } of otherActions(wp)) actions.push(action);
  return { ...wp, actions };
}

export function removeAction(wp: Waypoint, index: number): Waypoint {
  return { ...wp, actions: wp.actions.filter((_, i) => i !== index) };
}

/** Kilometres from the first waypoint to the last (the list's length adds nothing for the dock leg either). */
export function routeKm(wps: readonly Waypoint[]): number {
  if (wps.length < 2) return 0;
  return length(lineString(wps.map((w) => [w.lng, w.lat])), { units: 'kilometers' });
}

export const maxHeight = (wps: readonly Waypoint[]) => (wps.length ? Math.max(...wps.map((w) => w.height)) : 0);

/** The body the API takes: the draft as it is, without an optional field left empty. */
export function routeBody(r: RouteJson): RouteJson {
  const out: RouteJson = { ...r, name: r.name.trim() };
  out.waypoints = r.waypoints.map((w) => {
    const wp: Waypoint = { lng: w.lng, lat: w.lat, height: w.height, actions: w.actions };
    if (typeof w.speed === 'number') wp.speed = w.speed;
    return wp;
  });
  return out;
}

/** A route issue (the API's RouteIssue) as the API returns them: on 201 as warnings, on 400 in details.errors. */
export interface Issue {
  code: string;
  message: string;
  waypoint?: number;
  action?: number;
}

export function issuesOf(details: unknown): Issue[] {
  const errors = (details as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is Issue => !!e && typeof e === 'object' && typeof (e as Issue).message === 'string');
}

/**
 * The platform's wayline route: what a planner edits and what a dock flies, independent of the file
 * format (kmz-export.ts writes it as DJI WPML, kmz-import.ts reads WPML back into it). Coordinates are
 * WGS-84 (DJI's own datum; GCJ-02 conversion happens at the map's edge, not here). Pure rules only.
 */
import { describeModel } from '../dji/models';

export const HEIGHT_MODES = ['relativeToStartPoint', 'WGS84'] as const;
export const FINISH_ACTIONS = ['goHome', 'noAction', 'autoLand', 'gotoFirstWaypoint'] as const;
export const EXIT_ON_RC_LOST = ['goContinue', 'executeLostAction'] as const;
export const RC_LOST_ACTIONS = ['goBack', 'landing', 'hover'] as const;
export const FLY_TO_WAYLINE_MODES = ['safely', 'pointToPoint'] as const;
/** Lens names as WPML spells them (`visable` is DJI's spelling for the visible-light camera). */
export const LENSES = ['wide', 'zoom', 'ir', 'visable', 'narrow_band'] as const;

export type HeightMode = (typeof HEIGHT_MODES)[number];
export type FinishAction = (typeof FINISH_ACTIONS)[number];
export type ExitOnRcLost = (typeof EXIT_ON_RC_LOST)[number];
export type RcLostAction = (typeof RC_LOST_ACTIONS)[number];
export type FlyToWaylineMode = (typeof FLY_TO_WAYLINE_MODES)[number];
export type Lens = (typeof LENSES)[number];

/** Actions run in order when the aircraft reaches a waypoint (one WPML actionGroup, trigger reachPoint). */
export type Action =
  /** lenses omitted: the payload's global lens setting (useGlobalPayloadLensIndex 1). */
  | { kind: 'takePhoto'; lenses?: Lens[]; fileSuffix?: string }
  | { kind: 'startRecord'; lenses?: Lens[]; fileSuffix?: string }
  | { kind: 'stopRecord' }
  /** Absolute angles (yaw from true north); an omitted axis is not rotated; seconds = rotate time. */
  | { kind: 'gimbalRotate'; pitch?: number; yaw?: number; seconds?: number }
  /** Aircraft heading from true north, −180…180. */
  | { kind: 'rotateYaw'; heading: number; direction: 'clockwise' | 'counterClockwise' }
  | { kind: 'hover'; seconds: number }
  /** Focal length in mm. */
  | { kind: 'zoom'; focalLength: number };

export type ActionKind = Action['kind'];
export const ACTION_KINDS: readonly ActionKind[] = [
  'takePhoto',
  'startRecord',
  'stopRecord',
  'gimbalRotate',
  'rotateYaw',
  'hover',
  'zoom',
];

export interface Waypoint {
  lng: number;
  lat: number;
  /** Metres, in the route's heightMode (above the take-off point, or WGS-84 ellipsoid height). */
  height: number;
  /** m/s; omitted: the route's globalSpeed. */
  speed?: number;
  actions: Action[];
}

export interface Route {
  name: string;
  /** WPML droneInfo / payloadInfo enums (dji/models.ts: M3D 91/0 + 80, M3TD 91/1 + 81, M30 67/0 + 52, M30T 67/1 + 53). */
  droneEnum: number;
  droneSubEnum: number;
  payloadEnum: number;
  /** Metres above the take-off point the aircraft climbs to before heading for the first waypoint. */
  takeOffSecurityHeight: number;
  /** m/s: the wayline's speed and the transitional speed to its first waypoint. */
  globalSpeed: number;
  /** Metres above the take-off point for return-to-home. */
  globalRthHeight: number;
  heightMode: HeightMode;
  finishAction: FinishAction;
  exitOnRcLost: ExitOnRcLost;
  /** What to do when the link is lost and exitOnRcLost is executeLostAction (default goBack). */
  rcLostAction?: RcLostAction;
  /** default safely: climb first, then fly level to the first waypoint. */
  flyToWaylineMode?: FlyToWaylineMode;
  waypoints: Waypoint[];
}

export interface RouteIssue {
  code: string;
  message: string;
  /** The waypoint's position (= its WPML index) when the issue is about one. */
  waypoint?: number;
  /** The action's position within that waypoint. */
  action?: number;
}

export interface RouteCheck {
  errors: RouteIssue[];
  warnings: RouteIssue[];
}

export const LIMITS = {
  minWaypoints: 2,
  /** The platform's cap (WPML indexes go to 65535). */
  maxWaypoints: 1000,
  height: { min: 2, max: 1500 },
  speed: { min: 1, max: 15 },
  /** WPML allows 2 m; a dock needs 8 m to clear its own cover. */
  takeOffSecurityHeight: { min: 2, dockMin: 8, max: 1500 },
  /** flighttask_prepare refuses rth_altitude outside 20–1500 m. */
  rthHeight: { min: 20, max: 1500 },
  gimbalPitch: { min: -120, max: 45 },
  angle: { min: -180, max: 180 },
  gimbalSeconds: { max: 100 },
  hoverSeconds: { max: 1800 },
  focalLength: { max: 2000 },
  actionsPerWaypoint: 50,
  nameLength: 100,
  /** The China interim regulation's ceiling for uncontrolled airspace (true height). */
  legalHeight: 120,
} as const;

/** A media file-name suffix: letters (any script), digits, _ and -, as DJI appends it to file names. */
const FILE_SUFFIX = /^[\p{L}\p{N}_-]{1,32}$/u;

const inRange = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
const isEnumInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 65535;

/**
 * Whether a dock can be given this route. Errors refuse it; warnings are shown (unknown drone models
 * are accepted: newer aircraft arrive before any table lists them). `forDock` (default true) applies
 * the dock's 8 m take-off height.
 */
export function validateRoute(route: Route, opts: { forDock?: boolean } = {}): RouteCheck {
  const errors: RouteIssue[] = [];
  const warnings: RouteIssue[] = [];
  const err = (code: string, message: string, waypoint?: number, action?: number) =>
    errors.push(issue(code, message, waypoint, action));

  if (typeof route.name !== 'string' || route.name.trim() === '' || route.name.length > LIMITS.nameLength)
    err('invalid_name', `the route needs a name of 1–${LIMITS.nameLength} characters`);
  checkModel(route, errors, warnings);
  checkSettings(route, opts.forDock !== false, err);

  const wps = Array.isArray(route.waypoints) ? route.waypoints : [];
  if (wps.length < LIMITS.minWaypoints)
    err('too_few_waypoints', `a wayline needs at least ${LIMITS.minWaypoints} waypoints (has ${wps.length})`);
  if (wps.length > LIMITS.maxWaypoints)
    err('too_many_waypoints', `a wayline has at most ${LIMITS.maxWaypoints} waypoints (has ${wps.length})`);
  wps.slice(0, LIMITS.maxWaypoints).forEach((wp, i) => checkWaypoint(wp, i, err));
  return { errors, warnings };
}

function checkModel(route: Route, errors: RouteIssue[], warnings: RouteIssue[]): void {
  if (!isEnumInt(route.droneEnum) || !isEnumInt(route.droneSubEnum) || !isEnumInt(route.payloadEnum)) {
    errors.push(issue('invalid_model', 'droneEnum, droneSubEnum and payloadEnum must be integers 0–65535'));
    return;
  }
  const model = describeModel(`0-${route.droneEnum}-${route.droneSubEnum}`);
  if (model.name === null) {
    warnings.push(
      issue(
        'unknown_drone',
        `drone ${route.droneEnum}/${route.droneSubEnum} (payload ${route.payloadEnum}) is not a model the platform knows; the dock decides whether it can fly the route`,
      ),
    );
  } else if (model.payloadEnum !== null && model.payloadEnum !== route.payloadEnum) {
    errors.push(
      issue(
        'payload_mismatch',
        `${model.name} carries payload ${model.payloadEnum}, not ${route.payloadEnum}: the dock refuses a wayline for another camera`,
      ),
    );
  }
}

function checkSettings(route: Route, forDock: boolean, err: (code: string, message: string) => void): void {
  const oneOf = (v: unknown, allowed: readonly string[], what: string, optional = false) => {
    if (optional && v === undefined) return;
    if (!allowed.includes(v as string)) err('invalid_setting', `${what} must be one of ${allowed.join(', ')}`);
  };
  oneOf(route.heightMode, HEIGHT_MODES, 'heightMode');
  oneOf(route.finishAction, FINISH_ACTIONS, 'finishAction');
  oneOf(route.exitOnRcLost, EXIT_ON_RC_LOST, 'exitOnRcLost');
  oneOf(route.rcLostAction, RC_LOST_ACTIONS, 'rcLostAction', true);
  oneOf(route.flyToWaylineMode, FLY_TO_WAYLINE_MODES, 'flyToWaylineMode', true);
  if (!inRange(route.globalSpeed, LIMITS.speed.min, LIMITS.speed.max))
    err('speed_out_of_range', `globalSpeed must be ${LIMITS.speed.min}–${LIMITS.speed.max} m/s`);
  const toh = LIMITS.takeOffSecurityHeight;
  const tohMin = forDock ? toh.dockMin : toh.min;
  if (!inRange(route.takeOffSecurityHeight, tohMin, toh.max))
    err(
      'takeoff_height_out_of_range',
      `takeOffSecurityHeight must be ${tohMin}–${toh.max} m${forDock ? ' for a dock' : ''}`,
    );
  if (!inRange(route.globalRthHeight, LIMITS.rthHeight.min, LIMITS.rthHeight.max))
    err('rth_height_out_of_range', `globalRthHeight must be ${LIMITS.rthHeight.min}–${LIMITS.rthHeight.max} m`);
}

function checkWaypoint(
  wp: Waypoint,
  i: number,
  err: (code: string, message: string, waypoint?: number, action?: number) => void,
): void {
  const at = `waypoint ${i}`;
  if (!wp || typeof wp !== 'object') {
    err('invalid_waypoint', `${at} is not a waypoint`, i);
    return;
  }
  if (!inRange(wp.lat, -90, 90)) err('lat_out_of_range', `${at}: latitude must be −90…90 (is ${wp.lat})`, i);
  if (!inRange(wp.lng, -180, 180)) err('lng_out_of_range', `${at}: longitude must be −180…180 (is ${wp.lng})`, i);
  if (!inRange(wp.height, LIMITS.height.min, LIMITS.height.max))
    err(
      'height_out_of_range',
      `${at}: height must be ${LIMITS.height.min}–${LIMITS.height.max} m (is ${wp.height})`,
      i,
    );
  if (wp.speed !== undefined && !inRange(wp.speed, LIMITS.speed.min, LIMITS.speed.max))
    err('speed_out_of_range', `${at}: speed must be ${LIMITS.speed.min}–${LIMITS.speed.max} m/s (is ${wp.speed})`, i);
  if (!Array.isArray(wp.actions)) {
    err('invalid_action', `${at}: actions must be a list`, i);
    return;
  }
  if (wp.actions.length > LIMITS.actionsPerWaypoint)
    err('too_many_actions', `${at}: at most ${LIMITS.actionsPerWaypoint} actions per waypoint`, i);
  wp.actions.forEach((a, j) => {
    const problem = actionProblem(a);
    if (problem) err('invalid_action', `${at}, action ${j}: ${problem}`, i, j);
  });
}

/** What is wrong with one action, or null. */
export function actionProblem(a: Action): string | null {
  if (!a || typeof a !== 'object' || !ACTION_KINDS.includes(a.kind)) return 'unknown action kind';
  switch (a.kind) {
    case 'takePhoto':
    case 'startRecord':
      if (a.fileSuffix !== undefined && !FILE_SUFFIX.test(a.fileSuffix))
        return 'fileSuffix takes 1–32 letters, digits, _ or -';
      return lensProblem(a.lenses);
    case 'stopRecord':
      return null;
    case 'gimbalRotate':
      if (a.pitch === undefined && a.yaw === undefined) return 'gimbalRotate needs a pitch or a yaw';
      if (a.pitch !== undefined && !inRange(a.pitch, LIMITS.gimbalPitch.min, LIMITS.gimbalPitch.max))
        return `gimbal pitch must be ${LIMITS.gimbalPitch.min}…${LIMITS.gimbalPitch.max}°`;
      if (a.yaw !== undefined && !inRange(a.yaw, LIMITS.angle.min, LIMITS.angle.max))
        return 'gimbal yaw must be −180…180°';
      if (a.seconds !== undefined && !inRange(a.seconds, Number.MIN_VALUE, LIMITS.gimbalSeconds.max))
        return `gimbal rotate time must be over 0 and at most ${LIMITS.gimbalSeconds.max} s`;
      return null;
    case 'rotateYaw':
      if (!inRange(a.heading, LIMITS.angle.min, LIMITS.angle.max)) return 'heading must be −180…180°';
      return a.direction === 'clockwise' || a.direction === 'counterClockwise'
        ? null
        : 'direction must be clockwise or counterClockwise';
    case 'hover':
      return inRange(a.seconds, Number.MIN_VALUE, LIMITS.hoverSeconds.max)
        ? null
        : `hover time must be over 0 and at most ${LIMITS.hoverSeconds.max} s`;
    case 'zoom':
      return inRange(a.focalLength, Number.MIN_VALUE, LIMITS.focalLength.max)
        ? null
        : `focal length must be over 0 and at most ${LIMITS.focalLength.max} mm`;
  }
}

function lensProblem(lenses: readonly Lens[] | undefined): string | null {
  if (lenses === undefined) return null;
  if (!Array.isArray(lenses) || lenses.length === 0) return 'lenses, when given, name at least one lens';
  if (lenses.some((l) => !LENSES.includes(l))) return `lenses must be among ${LENSES.join(', ')}`;
  if (new Set(lenses).size !== lenses.length) return 'a lens is named twice';
  return null;
}

/**
 * The pre-flight check's height flags: waypoints (and the take-off and return-to-home heights) above
 * `limit` (120 m by default: controlled airspace in China unless an approval is recorded). Heights in
 * WGS84 mode are ellipsoid heights: they are compared with the take-off point's ellipsoid height when
 * it is given, and reported as unchecked otherwise.
 */
export function heightWarnings(
  route: Route,
  opts: { limit?: number; takeOffEllipsoidHeight?: number } = {},
): RouteIssue[] {
  const limit = opts.limit ?? LIMITS.legalHeight;
  const out: RouteIssue[] = [];
  if (route.takeOffSecurityHeight > limit)
    out.push(
      issue('height_above_limit', `take-off security height ${route.takeOffSecurityHeight} m is above ${limit} m`),
    );
  if (route.globalRthHeight > limit)
    out.push(issue('height_above_limit', `return-to-home height ${route.globalRthHeight} m is above ${limit} m`));
  let base = 0;
  if (route.heightMode === 'WGS84') {
    if (opts.takeOffEllipsoidHeight === undefined || !Number.isFinite(opts.takeOffEllipsoidHeight)) {
      out.push(
        issue(
          'height_unchecked',
          `waypoint heights are WGS-84 ellipsoid heights: give the take-off point's ellipsoid height to check them against ${limit} m`,
        ),
      );
      return out;
    }
    base = opts.takeOffEllipsoidHeight;
  }
  route.waypoints.forEach((wp, i) => {
    const above = wp.height - base;
    if (above > limit)
      out.push(issue('height_above_limit', `waypoint ${i} is ${round1(above)} m above take-off (over ${limit} m)`, i));
  });
  return out;
}

function issue(code: string, message: string, waypoint?: number, action?: number): RouteIssue {
  const out: RouteIssue = { code, message };
  if (waypoint !== undefined) out.waypoint = waypoint;
  if (action !== undefined) out.action = action;
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

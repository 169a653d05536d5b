/**
 * WPML text → Route. Reads `waylines.wpml` (the executed file: heights, speeds, actions) and, when the
 * KMZ has one, `template.kml` (drone and payload when waylines.wpml lacks them). Element names are read
 * without their namespace prefix, so files of any WPML version (1.0.2 … 1.0.6 from Pilot 2 / FlightHub 2)
 * are read the same way. Well-formedness is fast-xml-parser's XMLValidator's call; wpml-xml.ts builds the tree.
 * What the platform's Route cannot hold is reported as a warning, not refused.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { Action, HeightMode, Route, RouteIssue, Waypoint } from './route';
import {
  EXIT_ON_RC_LOST,
  FINISH_ACTIONS,
  FLY_TO_WAYLINE_MODES,
  HEIGHT_MODES,
  LIMITS,
  RC_LOST_ACTIONS,
  validateRoute,
} from './route';
import { decodeAction } from './wpml-actions';
import { readXml } from './wpml-xml';
import { describeModel } from '../dji/models';

export type ImportFailureCode =
  | 'not_zip'
  | 'too_big'
  | 'missing_waylines'
  | 'bad_xml'
  | 'not_wpml'
  | 'no_waypoints'
  | 'multiple_waylines'
  | 'index_not_contiguous'
  | 'bad_coordinates'
  | 'unsupported_height_mode'
  | 'missing_drone_info'
  | 'missing_height'
  /** plus the codes of validateRoute's errors (too_few_waypoints, lat_out_of_range, height_out_of_range, …) */
  | (string & {});

export type ImportResult =
  | { ok: true; route: Route; warnings: RouteIssue[] }
  | { ok: false; code: ImportFailureCode; message: string; waypoint?: number };

type Node = Record<string, unknown>;

const ARRAYS: ReadonlySet<string> = new Set(['Folder', 'Placemark', 'actionGroup', 'action']);

const fail = (code: ImportFailureCode, message: string, waypoint?: number): ImportResult =>
  waypoint === undefined ? { ok: false, code, message } : { ok: false, code, message, waypoint };

/** The document's `kml > Document`, or a failure. */
export function parseDocument(text: string, file: string): { doc: Node } | { failure: ImportResult } {
  // WPML has no DTD; refusing one rules out entity-expansion tricks before the parser sees them
  if (text.includes('<!DOCTYPE')) return { failure: fail('bad_xml', `${file}: a DOCTYPE is not allowed in WPML`) };
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { failure: fail('bad_xml', `${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`) };
  let root: Node;
  try {
    root = readXml(text, ARRAYS);
  } catch (e) {
    return { failure: fail('bad_xml', `${file} cannot be read: ${(e as Error).message}`) };
  }
  const doc = (root.kml as Node | undefined)?.Document;
  if (!doc || typeof doc !== 'object')
    return { failure: fail('not_wpml', `${file} has no kml > Document: it is not a WPML file`) };
  return { doc: doc as Node };
}

const text = (n: unknown): string | undefined => (typeof n === 'string' ? n.trim() : undefined);
const number = (n: unknown): number | undefined => {
  const t = text(n);
  if (t === undefined || t === '') return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
};
const obj = (n: unknown): Node => (n && typeof n === 'object' && !Array.isArray(n) ? (n as Node) : {});
const list = (n: unknown): Node[] => (Array.isArray(n) ? n.map(obj) : []);
function oneOf<T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(v as T) ? (v as T) : undefined;
}

interface Model {
  droneEnum?: number;
  droneSubEnum?: number;
  payloadEnum?: number;
}

/** What the importer takes from template.kml. */
export interface TemplateInfo {
  type?: string;
  model: Model;
}

export function templateInfo(doc: Node): TemplateInfo {
  return { type: text(obj(list(doc.Folder)[0]).templateType), model: modelOf(obj(doc.missionConfig)) };
}

/** The template type read straight from the text (the template is parsed only when its drone is needed). */
export function sniffTemplateType(xml: string): string | undefined {
  return /<(?:\w+:)?templateType>\s*([\w-]+)\s*</.exec(xml)?.[1];
}

/** Whether waylines.wpml names its drone and payload itself (then template.kml need not be parsed). */
export function namesItsModel(waylines: Node): boolean {
  const m = modelOf(obj(waylines.missionConfig));
  return m.droneEnum !== undefined && m.payloadEnum !== undefined;
}

function modelOf(config: Node): Model {
  const drone = obj(config.droneInfo);
  const payload = obj(config.payloadInfo);
  return {
    droneEnum: number(drone.droneEnumValue),
    droneSubEnum: number(drone.droneSubEnumValue),
    payloadEnum: number(payload.payloadEnumValue),
  };
}

export function routeFromWpml(
  waylines: Node,
  template: TemplateInfo | null,
  name: string,
  opts: { forDock?: boolean } = {},
): ImportResult {
  const warnings: RouteIssue[] = [];
  const warn = (code: string, message: string, waypoint?: number) =>
    warnings.push(waypoint === undefined ? { code, message } : { code, message, waypoint });

  const folders = list(waylines.Folder);
  if (folders.length === 0) return fail('no_waypoints', 'waylines.wpml has no wayline (Folder)');
  if (folders.length > 1)
    return fail(
      'multiple_waylines',
      `waylines.wpml holds ${folders.length} waylines (e.g. an oblique-photography template); the platform flies one wayline per route`,
    );
  const folder = folders[0];
  const templateType = template?.type;
  if (templateType && templateType !== 'waypoint')
    warn('template_flattened', `a ${templateType} template was imported as its generated waypoints`);

  const config = obj(waylines.missionConfig);
  const model = resolveModel(modelOf(config), template?.model ?? {}, warn);
  if (typeof model === 'string') return fail('missing_drone_info', model);

  // never guessed: relative heights read as ellipsoid heights (or the reverse) put the aircraft tens of metres off
  const mode = text(folder.executeHeightMode) ?? '';
  const heightMode = oneOf(mode, HEIGHT_MODES);
  if (!heightMode)
    return fail(
      'unsupported_height_mode',
      `executeHeightMode "${mode}" is not supported (WGS84 or relativeToStartPoint)`,
    );

  const marks = list(folder.Placemark);
  if (marks.length === 0) return fail('no_waypoints', 'the wayline has no waypoints (Placemark)');
  if (marks.length > LIMITS.maxWaypoints)
    return fail(
      'too_many_waypoints',
      `the wayline has ${marks.length} waypoints; the platform takes at most ${LIMITS.maxWaypoints}`,
    );

  const globalSpeed = number(folder.autoFlightSpeed) ?? number(config.globalTransitionalSpeed);
  const transitional = number(config.globalTransitionalSpeed);
  if (globalSpeed !== undefined && transitional !== undefined && transitional !== globalSpeed)
    warn(
      'transitional_speed_dropped',
      `the transitional speed ${transitional} m/s was replaced by the wayline speed ${globalSpeed} m/s`,
    );

  const points = readWaypoints(marks, globalSpeed, warn);
  if ('failure' in points) return points.failure;

  const rth = number(config.globalRTHHeight);
  if (rth === undefined) warn('rth_height_defaulted', 'the file gives no globalRTHHeight: 100 m was assumed');
  const setting = <T extends string>(key: string, allowed: readonly T[], dflt: T, quiet = false): T => {
    const v = text(config[key]);
    const ok = oneOf(v, allowed);
    if (!ok && !(quiet && v === undefined))
      warn('setting_defaulted', `${key} ${v === undefined ? 'is missing' : `"${v}" is unknown`}: ${dflt} was assumed`);
    return ok ?? dflt;
  };
  const exitOnRcLost = setting('exitOnRCLost', EXIT_ON_RC_LOST, 'executeLostAction');
  const route: Route = {
    name,
    droneEnum: model.droneEnum,
    droneSubEnum: model.droneSubEnum,
    payloadEnum: model.payloadEnum,
    takeOffSecurityHeight: number(config.takeOffSecurityHeight) ?? NaN,
    globalSpeed: globalSpeed ?? NaN,
    globalRthHeight: rth ?? 100,
    heightMode: heightMode as HeightMode,
    finishAction: setting('finishAction', FINISH_ACTIONS, 'goHome'),
    exitOnRcLost,
    // required only when the aircraft leaves the wayline on signal loss
    rcLostAction: setting('executeRCLostAction', RC_LOST_ACTIONS, 'goBack', exitOnRcLost === 'goContinue'),
    flyToWaylineMode: setting('flyToWaylineMode', FLY_TO_WAYLINE_MODES, 'safely'),
    waypoints: points.waypoints,
  };
  const check = validateRoute(route, opts);
  if (check.errors.length > 0) {
    const first = check.errors[0];
    const more = check.errors.length > 1 ? ` (and ${check.errors.length - 1} more problems)` : '';
    return fail(first.code, first.message + more, first.waypoint);
  }
  return { ok: true, route, warnings: [...check.warnings, ...warnings] };
}

type Warn = (code: string, message: string, waypoint?: number) => void;

/** waylines.wpml's droneInfo/payloadInfo first, template.kml's where it is silent. */
function resolveModel(
  own: Model,
  fromTemplate: Model,
  warn: Warn,
): { droneEnum: number; droneSubEnum: number; payloadEnum: number } | string {
  const droneEnum = own.droneEnum ?? fromTemplate.droneEnum;
  if (droneEnum === undefined) return 'neither waylines.wpml nor template.kml names the drone (droneInfo)';
  const droneSubEnum = own.droneSubEnum ?? fromTemplate.droneSubEnum ?? 0;
  let payloadEnum = own.payloadEnum ?? fromTemplate.payloadEnum;
  if (
    own.droneEnum !== undefined &&
    fromTemplate.droneEnum !== undefined &&
    (own.droneEnum !== fromTemplate.droneEnum || (own.droneSubEnum ?? 0) !== (fromTemplate.droneSubEnum ?? 0))
  )
    warn('drone_info_differs', 'template.kml names another drone than waylines.wpml; waylines.wpml was used');
  if (payloadEnum === undefined) {
    const known = describeModel(`0-${droneEnum}-${droneSubEnum}`).payloadEnum;
    if (known === null) return `the file names no payload (payloadInfo) for drone ${droneEnum}/${droneSubEnum}`;
    warn('payload_defaulted', `the file names no payload: the drone's own camera (${known}) was assumed`);
    payloadEnum = known;
  }
  return { droneEnum, droneSubEnum, payloadEnum };
}

function readWaypoints(
  marks: Node[],
  globalSpeed: number | undefined,
  warn: Warn,
): { waypoints: Waypoint[] } | { failure: ImportResult } {
  const byIndex = new Map<number, Waypoint>();
  let otherHeading = false;
  for (const [pos, m] of marks.entries()) {
    const index = number(m.index);
    if (index === undefined || !Number.isInteger(index) || index < 0)
      return { failure: fail('index_not_contiguous', `Placemark ${pos} has no valid wpml:index`) };
    if (byIndex.has(index))
      return { failure: fail('index_not_contiguous', `waypoint index ${index} appears twice`, index) };
    const coords = (text(obj(m.Point).coordinates) ?? '').split(',').map((s) => s.trim());
    const [lng, lat] = coords.map(Number);
    if (
      coords.length < 2 ||
      coords.length > 3 ||
      coords.some((c) => c === '') ||
      !Number.isFinite(lng) ||
      !Number.isFinite(lat)
    )
      return {
        failure: fail('bad_coordinates', `waypoint ${index}: coordinates must read "longitude,latitude"`, index),
      };
    const height = number(m.executeHeight);
    if (height === undefined)
      return { failure: fail('missing_height', `waypoint ${index} has no executeHeight`, index) };
    const wp: Waypoint = { lng, lat, height, actions: readActions(m, index, warn) };
    const speed = number(m.waypointSpeed);
    if (speed !== undefined && speed !== globalSpeed) wp.speed = speed;
    const heading = text(obj(m.waypointHeadingParam).waypointHeadingMode);
    const turn = text(obj(m.waypointTurnParam).waypointTurnMode);
    if ((heading && heading !== 'followWayline') || (turn && turn !== 'toPointAndStopWithDiscontinuityCurvature'))
      otherHeading = true;
    byIndex.set(index, wp);
  }
  const waypoints: Waypoint[] = [];
  for (let i = 0; i < byIndex.size; i++) {
    const wp = byIndex.get(i);
    if (!wp) {
      const present = [...byIndex.keys()].sort((a, b) => a - b);
      return {
        failure: fail(
          'index_not_contiguous',
          `waypoint indexes must run 0…${byIndex.size - 1}: ${i} is missing (highest ${present.at(-1)})`,
          i,
        ),
      };
    }
    waypoints.push(wp);
  }
  if (otherHeading)
    warn(
      'heading_turn_reset',
      'heading and turn modes were not kept: the platform flies along the wayline and stops at each waypoint',
    );
  return { waypoints };
}

/** The waypoint's reachPoint action groups, in file order; other triggers are warned about and left out. */
function readActions(m: Node, index: number, warn: Warn): Action[] {
  const actions: Action[] = [];
  for (const g of list(m.actionGroup)) {
    const trigger = text(obj(g.actionTrigger).actionTriggerType) ?? 'reachPoint';
    const start = number(g.actionGroupStartIndex) ?? index;
    const end = number(g.actionGroupEndIndex) ?? start;
    if (trigger !== 'reachPoint' || start !== index || end !== index) {
      warn(
        'action_group_dropped',
        `waypoint ${index}: an action group triggered by ${trigger} over waypoints ${start}–${end} was left out`,
        index,
      );
      continue;
    }
    const sorted = list(g.action)
      .map((a, pos) => ({ a, id: number(a.actionId) ?? pos }))
      .sort((x, y) => x.id - y.id);
    for (const { a } of sorted) {
      const func = text(a.actionActuatorFunc) ?? '';
      const decoded = decodeAction(func, obj(a.actionActuatorFuncParam));
      if ('skipped' in decoded) {
        warn('action_dropped', `waypoint ${index}: ${decoded.skipped}; it was left out`, index);
        continue;
      }
      for (const note of decoded.notes) warn('action_changed', `waypoint ${index}: ${note}`, index);
      actions.push(decoded.action);
    }
  }
  return actions;
}

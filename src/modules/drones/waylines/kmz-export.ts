/**
 * Route → DJI WPML KMZ: `wpmz/template.kml` (the editable template), `wpmz/waylines.wpml` (what the
 * aircraft executes) and an empty `wpmz/res/`, namespace wpmz/1.0.2 over KML 2.2. The bytes depend on
 * the route only (fixed zip dates, fixed element order, no creation times), so the MD5 the dock checks
 * (`flighttask_prepare` file.fingerprint) is stable for the same route.
 */
import { createHash } from 'node:crypto';
import { type Route, validateRoute, type Waypoint } from './route';
import { defaultLenses, encodeAction, num, type Params } from './wpml-actions';
import { writeZip } from './zip-write';

export const WPML_NAMESPACE = 'http://www.dji.com/wpmz/1.0.2';
export const KML_NAMESPACE = 'http://www.opengis.net/kml/2.2';
export const TEMPLATE_PATH = 'wpmz/template.kml';
export const WAYLINES_PATH = 'wpmz/waylines.wpml';
/** Every zip entry carries this date, so the archive (and its MD5) is the same on every run. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export class RouteInvalidError extends Error {
  constructor(readonly issues: { code: string; message: string; waypoint?: number }[]) {
    super(`route is not valid: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'RouteInvalidError';
  }
}

/** A small XML writer: elements in the order written, two-space indentation, text escaped. */
class Xml {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private pad = '';

  open(tag: string, attrs = ''): this {
    this.parts.push(this.pad, '<', tag, attrs, '>\n');
    this.pad += '  ';
    return this;
  }
  close(tag: string): this {
    this.pad = this.pad.slice(2);
    this.parts.push(this.pad, '</', tag, '>\n');
    return this;
  }
  leaf(tag: string, text: string): this {
    this.parts.push(this.pad, '<', tag, '>', escapeXml(text), '</', tag, '>\n');
    return this;
  }
  /** `[['index','0'], …]` → `<wpml:index>0</wpml:index>…` */
  wpml(params: Params): this {
    for (const [k, v] of params) this.leaf(`wpml:${k}`, v);
    return this;
  }
  group(tag: string, params: Params): this {
    return this.open(tag).wpml(params).close(tag);
  }
  toString(): string {
    return this.parts.join('');
  }
}

const XML_SPECIAL = /[&<>"']/;
function escapeXml(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function missionConfig(x: Xml, route: Route): void {
  x.open('wpml:missionConfig')
    .wpml([
      ['flyToWaylineMode', route.flyToWaylineMode ?? 'safely'],
      ['finishAction', route.finishAction],
      ['exitOnRCLost', route.exitOnRcLost],
      ['executeRCLostAction', route.rcLostAction ?? 'goBack'],
      ['takeOffSecurityHeight', num(route.takeOffSecurityHeight)],
      ['globalTransitionalSpeed', num(route.globalSpeed)],
      ['globalRTHHeight', num(route.globalRthHeight)],
    ])
    .group('wpml:droneInfo', [
      ['droneEnumValue', String(route.droneEnum)],
      ['droneSubEnumValue', String(route.droneSubEnum)],
    ])
    .group('wpml:payloadInfo', [
      ['payloadEnumValue', String(route.payloadEnum)],
      ['payloadSubEnumValue', '0'],
      ['payloadPositionIndex', '0'],
    ])
    .close('wpml:missionConfig');
}

/** The waypoint's actions as one reachPoint action group. */
function actionGroup(x: Xml, route: Route, wp: Waypoint, index: number, groupId: number): void {
  x.open('wpml:actionGroup')
    .wpml([
      ['actionGroupId', String(groupId)],
      ['actionGroupStartIndex', String(index)],
      ['actionGroupEndIndex', String(index)],
      ['actionGroupMode', 'sequence'],
    ])
    .group('wpml:actionTrigger', [['actionTriggerType', 'reachPoint']]);
  wp.actions.forEach((a, j) => {
    const { func, params } = encodeAction(a, route.payloadEnum);
    x.open('wpml:action')
      .wpml([
        ['actionId', String(j)],
        ['actionActuatorFunc', func],
      ])
      .group('wpml:actionActuatorFuncParam', params)
      .close('wpml:action');
  });
  x.close('wpml:actionGroup');
}

/** The Placemarks of either file; `extra` writes that file's own per-waypoint elements after `index`. */
function placemarks(x: Xml, route: Route, extra: (wp: Waypoint, speed: number) => void): void {
  let groupId = 0; // action group ids are unique within the file
  route.waypoints.forEach((wp, i) => {
    x.open('Placemark')
      .open('Point')
      .leaf('coordinates', `${num(wp.lng)},${num(wp.lat)}`)
      .close('Point')
      .leaf('wpml:index', String(i));
    extra(wp, wp.speed ?? route.globalSpeed);
    if (wp.actions.length > 0) actionGroup(x, route, wp, i, groupId++);
    x.close('Placemark');
  });
}

function document(route: Route, folder: (x: Xml) => void): string {
  const x = new Xml().open('kml', ` xmlns="${KML_NAMESPACE}" xmlns:wpml="${WPML_NAMESPACE}"`).open('Document');
  missionConfig(x, route);
  x.open('Folder');
  folder(x);
  return x.close('Folder').close('Document').close('kml').toString();
}

export function waylinesXml(route: Route): string {
  return document(route, (x) => {
    x.wpml([
      ['templateId', '0'],
      ['executeHeightMode', route.heightMode],
      ['waylineId', '0'],
      ['autoFlightSpeed', num(route.globalSpeed)],
    ]);
    placemarks(x, route, (wp, speed) => {
      x.wpml([
        ['executeHeight', num(wp.height)],
        ['waypointSpeed', num(speed)],
      ])
        .group('wpml:waypointHeadingParam', [
          ['waypointHeadingMode', 'followWayline'],
          ['waypointHeadingPathMode', 'followBadArc'],
        ])
        // stop at every waypoint: the actions run there, and the path stays the drawn polyline
        .group('wpml:waypointTurnParam', [
          ['waypointTurnMode', 'toPointAndStopWithDiscontinuityCurvature'],
          ['waypointTurnDampingDist', '0'],
        ]);
    });
  });
}

export function templateXml(route: Route): string {
  // template.kml has no WGS84 height mode: EGM96 is its absolute mode, and wpml:ellipsoidHeight carries
  // the exact ellipsoid height (waylines.wpml, the executed file, says WGS84 itself)
  const heightMode = route.heightMode === 'WGS84' ? 'EGM96' : 'relativeToStartPoint';
  return document(route, (x) => {
    x.wpml([
      ['templateType', 'waypoint'],
      ['templateId', '0'],
    ])
      .group('wpml:waylineCoordinateSysParam', [
        ['coordinateMode', 'WGS84'],
        ['heightMode', heightMode],
        ['positioningType', 'GPS'],
      ])
      .wpml([
        ['autoFlightSpeed', num(route.globalSpeed)],
        ['globalHeight', num(route.waypoints[0].height)],
        ['gimbalPitchMode', 'manual'],
      ])
      .group('wpml:globalWaypointHeadingParam', [
        ['waypointHeadingMode', 'followWayline'],
        ['waypointHeadingPathMode', 'followBadArc'],
      ])
      .wpml([
        ['globalWaypointTurnMode', 'toPointAndStopWithDiscontinuityCurvature'],
        ['globalUseStraightLine', '0'],
      ]);
    placemarks(x, route, (wp, speed) => {
      x.wpml([
        ['ellipsoidHeight', num(wp.height)],
        ['height', num(wp.height)],
        ['useGlobalHeight', '0'],
        ['useGlobalSpeed', wp.speed === undefined ? '1' : '0'],
        ['waypointSpeed', num(speed)],
        ['useGlobalHeadingParam', '1'],
        ['useGlobalTurnParam', '1'],
      ]);
    });
    x.group('wpml:payloadParam', [
      ['payloadPositionIndex', '0'],
      ['imageFormat', defaultLenses(route.payloadEnum).join(',')],
    ]);
  });
}

/**
 * The route as a KMZ and its MD5 (hex). Throws RouteInvalidError when validateRoute finds errors: a
 * file a dock would refuse is never written.
 */
export function exportKmz(route: Route, opts: { forDock?: boolean } = {}): { kmz: Buffer; md5: string } {
  const { errors } = validateRoute(route, opts);
  if (errors.length > 0) throw new RouteInvalidError(errors);
  const kmz = writeZip(
    [
      { name: 'wpmz/' },
      { name: TEMPLATE_PATH, data: templateXml(route) },
      { name: WAYLINES_PATH, data: waylinesXml(route) },
      { name: 'wpmz/res/' },
    ],
    ZIP_DATE,
  );
  return { kmz, md5: createHash('md5').update(kmz).digest('hex') };
}

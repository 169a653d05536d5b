import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportKmz, RouteInvalidError, waylinesXml } from './kmz-export';
import { importKmz } from './kmz-import';
import { type Action, heightWarnings, validateRoute } from './route';
import { expectSameRoute, kmzOf, refused, route } from './waylines.fixtures';
import { writeZip } from './zip-write';

describe('validateRoute', () => {
  it('accepts a good route and reports errors with their waypoint index', () => {
    expect(validateRoute(route())).toEqual({ errors: [], warnings: [] });
    const r = route(5);
    r.waypoints[3].lat = 91;
    r.waypoints[1].speed = 16;
    r.waypoints[2].height = 1;
    r.waypoints[4].actions = [{ kind: 'takePhoto' }, { kind: 'hover', seconds: 0 }];
    const { errors } = validateRoute(r);
    expect(errors.map((e) => [e.code, e.waypoint, e.action])).toEqual([
      ['speed_out_of_range', 1, undefined],
      ['height_out_of_range', 2, undefined],
      ['lat_out_of_range', 3, undefined],
      ['invalid_action', 4, 1],
    ]);
  });
  it('needs 2 to 1000 waypoints', () => {
    expect(validateRoute(route(1)).errors.map((e) => e.code)).toEqual(['too_few_waypoints']);
    expect(validateRoute(route(1001)).errors.map((e) => e.code)).toEqual(['too_many_waypoints']);
    expect(validateRoute(route(1000)).errors).toEqual([]);
  });
  it('holds a dock to 8 m take-off height, and checks speeds and RTH height', () => {
    expect(validateRoute(route(2, { takeOffSecurityHeight: 5 })).errors.map((e) => e.code)).toEqual([
      'takeoff_height_out_of_range',
    ]);
    expect(validateRoute(route(2, { takeOffSecurityHeight: 5 }), { forDock: false }).errors).toEqual([]);
    const bad = route(2, { globalSpeed: 0.5, globalRthHeight: 10, heightMode: 'EGM96' as never });
    expect(validateRoute(bad).errors.map((e) => e.code)).toEqual([
      'invalid_setting',
      'speed_out_of_range',
      'rth_height_out_of_range',
    ]);
  });
  it('accepts unknown drones with a warning and refuses a known drone with another payload', () => {
    const unknown = validateRoute(route(2, { droneEnum: 100, droneSubEnum: 0, payloadEnum: 99 }));
    expect(unknown.errors).toEqual([]);
    expect(unknown.warnings.map((w) => w.code)).toEqual(['unknown_drone']);
    for (const [d, s, p] of [
      [91, 0, 80],
      [91, 1, 81],
      [67, 0, 52],
      [67, 1, 53],
    ])
      expect(validateRoute(route(2, { droneEnum: d, droneSubEnum: s, payloadEnum: p }))).toEqual({
        errors: [],
        warnings: [],
      });
    expect(validateRoute(route(2, { payloadEnum: 80 })).errors.map((e) => e.code)).toEqual(['payload_mismatch']);
  });
  it('checks action parameters', () => {
    const bad: Action[] = [
      { kind: 'gimbalRotate' },
      { kind: 'gimbalRotate', pitch: -130 },
      { kind: 'takePhoto', lenses: [] },
      { kind: 'takePhoto', fileSuffix: 'a/b' },
      { kind: 'zoom', focalLength: 0 },
      { kind: 'rotateYaw', heading: 200, direction: 'clockwise' },
      { kind: 'teleport' } as never,
    ];
    const r = route(2);
    r.waypoints[0].actions = bad;
    expect(validateRoute(r).errors.map((e) => e.action)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('heightWarnings', () => {
  it('flags heights above 120 m for the pre-flight check', () => {
    const r = route(3, { globalRthHeight: 150 });
    r.waypoints[2].height = 130;
    expect(heightWarnings(r).map((w) => [w.code, w.waypoint])).toEqual([
      ['height_above_limit', undefined],
      ['height_above_limit', 2],
    ]);
    expect(validateRoute(r).errors).toEqual([]); // legal to plan, flagged to fly
  });
  it('compares WGS84 heights with the take-off point, or says it could not', () => {
    const r = route(2, { heightMode: 'WGS84' });
    r.waypoints[1].height = 150;
    expect(heightWarnings(r).map((w) => w.code)).toEqual(['height_unchecked']);
    expect(heightWarnings(r, { takeOffEllipsoidHeight: 40 })).toEqual([]);
    expect(heightWarnings(r, { takeOffEllipsoidHeight: 20 }).map((w) => w.waypoint)).toEqual([1]);
  });
});

describe('exportKmz / importKmz', () => {
  it('round-trips waypoints and actions', async () => {
    for (const heightMode of ['relativeToStartPoint', 'WGS84'] as const) {
      const r = route(6, { heightMode, finishAction: 'autoLand', exitOnRcLost: 'goContinue', rcLostAction: 'hover' });
      const { kmz } = exportKmz(r);
      const back = await importKmz(kmz, { name: r.name });
      if (!back.ok) throw new Error(back.message);
      expect(back.warnings).toEqual([]);
      expectSameRoute(back.route, r);
    }
  });
  it('writes the DJI layout and the same bytes for the same route', async () => {
    const a = exportKmz(route());
    const b = exportKmz(structuredClone(route()));
    expect(a.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(b.md5).toBe(a.md5);
    expect(Buffer.compare(a.kmz, b.kmz)).toBe(0);
    const other = route();
    other.waypoints[0].height += 0.1;
    expect(exportKmz(other).md5).not.toBe(a.md5);
    const zip = await JSZip.loadAsync(a.kmz);
    expect(Object.keys(zip.files).sort()).toEqual(['wpmz/', 'wpmz/res/', 'wpmz/template.kml', 'wpmz/waylines.wpml']);
    const template = await zip.file('wpmz/template.kml')!.async('string');
    expect(template).toContain('xmlns:wpml="http://www.dji.com/wpmz/1.0.2"');
    expect(template).toContain('<wpml:templateType>waypoint</wpml:templateType>');
    expect(template).toContain('<wpml:coordinateMode>WGS84</wpml:coordinateMode>');
    const waylines = await zip.file('wpmz/waylines.wpml')!.async('string');
    for (const tag of [
      'executeHeightMode>relativeToStartPoint',
      'takeOffSecurityHeight>25',
      'globalRTHHeight>100',
      'droneEnumValue>91',
      'payloadEnumValue>81',
      'actionTriggerType>reachPoint',
      'gimbalHeadingYawBase>north',
      'useGlobalPayloadLensIndex>1',
      'payloadLensIndex>visable,ir',
    ])
      expect(waylines).toContain(`<wpml:${tag}<`);
  });
  it('refuses to write an invalid route', () => {
    expect(() => exportKmz(route(1))).toThrow(RouteInvalidError);
  });
  it('exports and imports a 500-waypoint route', async () => {
    const r = route(500);
    const { kmz } = exportKmz(r);
    const back = await importKmz(kmz, { name: r.name });
    if (!back.ok) throw new Error(back.message);
    expectSameRoute(back.route, r);
  });
});

describe('importKmz refuses malformed files with their reason', () => {
  const xml = waylinesXml(route(3));
  it('not a zip', async () => {
    expect(refused(await importKmz(Buffer.from('hello, this is not a zip'))).code).toBe('not_zip');
    expect(refused(await importKmz(Buffer.from('PK\x03\x04 but broken afterwards'))).code).toBe('not_zip');
  });
  it('missing waylines.wpml', async () => {
    const r = refused(await importKmz(await kmzOf({ 'wpmz/template.kml': xml })));
    expect(r.code).toBe('missing_waylines');
    expect(r.message).toContain('wpmz/template.kml');
  });
  it('bad XML', async () => {
    const r = refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': xml.replace('</Folder>', '') })));
    expect(r.code).toBe('bad_xml');
    const dtd = '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml><Document/></kml>';
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': dtd }))).code).toBe('bad_xml');
  });
  it('one waypoint', async () => {
    const one = waylinesXml(route(2)).replace(
      /<Placemark>(?:(?!<Placemark>)[\s\S])*?<wpml:index>1<\/wpml:index>[\s\S]*?<\/Placemark>/,
      '',
    );
    expect(one.match(/<Placemark>/g)).toHaveLength(1);
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': one }))).code).toBe('too_few_waypoints');
    const none = xml.replace(/<Placemark>[\s\S]*<\/Placemark>/, '');
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': none }))).code).toBe('no_waypoints');
  });
  it('out-of-range latitude', async () => {
    const bad = xml.replace(
      '<coordinates>113.1234567,23.0345678</coordinates>',
      '<coordinates>113.1234567,95.5</coordinates>',
    );
    const r = refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': bad })));
    expect([r.code, r.waypoint]).toEqual(['lat_out_of_range', 0]);
    const high = xml.replace(
      '<wpml:executeHeight>62.5</wpml:executeHeight>',
      '<wpml:executeHeight>1600</wpml:executeHeight>',
    );
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': high }))).code).toBe('height_out_of_range');
  });
  it('a gap or a repeat in the index', async () => {
    const gap = xml.replace('<wpml:index>1</wpml:index>', '<wpml:index>7</wpml:index>');
    const r = refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': gap })));
    expect([r.code, r.waypoint]).toEqual(['index_not_contiguous', 1]);
    const twice = xml.replace('<wpml:index>1</wpml:index>', '<wpml:index>0</wpml:index>');
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': twice }))).code).toBe('index_not_contiguous');
  });
  it('files too big, or unpacking to too much (also behind a lying size header)', async () => {
    expect(refused(await importKmz(Buffer.alloc(11 * 1024 * 1024))).code).toBe('too_big');
    const bomb = writeZip([{ name: 'wpmz/waylines.wpml', data: Buffer.alloc(51 * 1024 * 1024, 0x20) }], new Date(0));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refused(await importKmz(bomb)).code).toBe('too_big');
    // the central directory claims 1000 bytes: the inflated bytes are counted all the same
    const lying = Buffer.from(bomb);
    const cd = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(1000, cd + 24);
    const r = refused(await importKmz(lying));
    expect([r.code, r.message]).toEqual(['too_big', 'the archive unpacks to more than 50 MB']);
  });
});

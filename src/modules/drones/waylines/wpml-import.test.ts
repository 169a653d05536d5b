import { describe, expect, it } from 'vitest';
import { waylinesXml } from './kmz-export';
import { importKmz } from './kmz-import';
import type { Route } from './route';
import { expectSameRoute, kmzOf, refused, route } from './waylines.fixtures';
import { readXml, XmlShapeError } from './wpml-xml';

// waylines.wpml as DJI's WPML page documents it (M30, WGS84 heights), without a template.kml
const DJI_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:wpml="http://www.dji.com/wpmz/1.0.2">
  <Document>
    <wpml:missionConfig>
      <wpml:flyToWaylineMode>safely</wpml:flyToWaylineMode>
      <wpml:finishAction>goHome</wpml:finishAction>
      <wpml:exitOnRCLost>goContinue</wpml:exitOnRCLost>
      <wpml:executeRCLostAction>hover</wpml:executeRCLostAction>
      <wpml:takeOffSecurityHeight>20</wpml:takeOffSecurityHeight>
      <wpml:globalTransitionalSpeed>10</wpml:globalTransitionalSpeed>
      <wpml:droneInfo>
        <wpml:droneEnumValue>67</wpml:droneEnumValue>
        <wpml:droneSubEnumValue>0</wpml:droneSubEnumValue>
      </wpml:droneInfo>
      <wpml:payloadInfo>
        <wpml:payloadEnumValue>52</wpml:payloadEnumValue>
        <wpml:payloadSubEnumValue>0</wpml:payloadSubEnumValue>
        <wpml:payloadPositionIndex>0</wpml:payloadPositionIndex>
      </wpml:payloadInfo>
    </wpml:missionConfig>
    <Folder>
      <wpml:templateId>0</wpml:templateId>
      <wpml:executeHeightMode>WGS84</wpml:executeHeightMode>
      <wpml:waylineId>0</wpml:waylineId>
      <wpml:autoFlightSpeed>10</wpml:autoFlightSpeed>
      <Placemark>
        <Point>
          <coordinates>
            113.1523,23.0412
          </coordinates>
        </Point>
        <wpml:index>0</wpml:index>
        <wpml:executeHeight>116.57</wpml:executeHeight>
        <wpml:waypointSpeed>10</wpml:waypointSpeed>
        <wpml:waypointHeadingParam>
          <wpml:waypointHeadingMode>followWayline</wpml:waypointHeadingMode>
        </wpml:waypointHeadingParam>
        <wpml:waypointTurnParam>
          <wpml:waypointTurnMode>toPointAndStopWithDiscontinuityCurvature</wpml:waypointTurnMode>
          <wpml:waypointTurnDampingDist>0</wpml:waypointTurnDampingDist>
        </wpml:waypointTurnParam>
      </Placemark>
      <Placemark>
        <Point>
          <coordinates>
            113.1531,23.0418
          </coordinates>
        </Point>
        <wpml:index>1</wpml:index>
        <wpml:executeHeight>116.57</wpml:executeHeight>
        <wpml:waypointSpeed>7</wpml:waypointSpeed>
        <wpml:waypointHeadingParam>
          <wpml:waypointHeadingMode>followWayline</wpml:waypointHeadingMode>
        </wpml:waypointHeadingParam>
        <wpml:waypointTurnParam>
          <wpml:waypointTurnMode>toPointAndStopWithDiscontinuityCurvature</wpml:waypointTurnMode>
          <wpml:waypointTurnDampingDist>0</wpml:waypointTurnDampingDist>
        </wpml:waypointTurnParam>
        <wpml:actionGroup>
          <wpml:actionGroupId>0</wpml:actionGroupId>
          <wpml:actionGroupStartIndex>1</wpml:actionGroupStartIndex>
          <wpml:actionGroupEndIndex>1</wpml:actionGroupEndIndex>
          <wpml:actionGroupMode>sequence</wpml:actionGroupMode>
          <wpml:actionTrigger>
            <wpml:actionTriggerType>reachPoint</wpml:actionTriggerType>
          </wpml:actionTrigger>
          <wpml:action>
            <wpml:actionId>0</wpml:actionId>
            <wpml:actionActuatorFunc>gimbalRotate</wpml:actionActuatorFunc>
            <wpml:actionActuatorFuncParam>
              <wpml:gimbalRotateMode>absoluteAngle</wpml:gimbalRotateMode>
              <wpml:gimbalPitchRotateEnable>0</wpml:gimbalPitchRotateEnable>
              <wpml:gimbalPitchRotateAngle>0</wpml:gimbalPitchRotateAngle>
              <wpml:gimbalRollRotateEnable>0</wpml:gimbalRollRotateEnable>
              <wpml:gimbalRollRotateAngle>0</wpml:gimbalRollRotateAngle>
              <wpml:gimbalYawRotateEnable>1</wpml:gimbalYawRotateEnable>
              <wpml:gimbalYawRotateAngle>30</wpml:gimbalYawRotateAngle>
              <wpml:gimbalRotateTimeEnable>0</wpml:gimbalRotateTimeEnable>
              <wpml:gimbalRotateTime>0</wpml:gimbalRotateTime>
              <wpml:payloadPositionIndex>0</wpml:payloadPositionIndex>
            </wpml:actionActuatorFuncParam>
          </wpml:action>
          <wpml:action>
            <wpml:actionId>1</wpml:actionId>
            <wpml:actionActuatorFunc>takePhoto</wpml:actionActuatorFunc>
            <wpml:actionActuatorFuncParam>
              <wpml:fileSuffix>point1</wpml:fileSuffix>
              <wpml:payloadPositionIndex>0</wpml:payloadPositionIndex>
            </wpml:actionActuatorFuncParam>
          </wpml:action>
        </wpml:actionGroup>
      </Placemark>
    </Folder>
  </Document>
</kml>`;

describe('importKmz reads files made elsewhere', () => {
  it("imports DJI's documented waylines.wpml", async () => {
    const r = await importKmz(await kmzOf({ 'wpmz/waylines.wpml': DJI_SAMPLE }), { name: 'new_waypoints' });
    if (!r.ok) throw new Error(r.message);
    expect(r.route).toEqual({
      name: 'new_waypoints',
      droneEnum: 67,
      droneSubEnum: 0,
      payloadEnum: 52,
      takeOffSecurityHeight: 20,
      globalSpeed: 10,
      globalRthHeight: 100,
      heightMode: 'WGS84',
      finishAction: 'goHome',
      exitOnRcLost: 'goContinue',
      rcLostAction: 'hover',
      flyToWaylineMode: 'safely',
      waypoints: [
        { lng: 113.1523, lat: 23.0412, height: 116.57, actions: [] },
        {
          lng: 113.1531,
          lat: 23.0418,
          height: 116.57,
          speed: 7,
          actions: [
            { kind: 'gimbalRotate', yaw: 30 },
            { kind: 'takePhoto', fileSuffix: 'point1' },
          ],
        },
      ],
    } satisfies Route);
    // the sample gives no globalRTHHeight: assumed, and said so
    expect(r.warnings.map((w) => w.code)).toEqual(['rth_height_defaulted']);
  });
  it('reads the drone from template.kml when waylines.wpml has none, and keeps unknown actions as warnings', async () => {
    const noDrone = DJI_SAMPLE.replace(/<wpml:droneInfo>[\s\S]*?<\/wpml:payloadInfo>/, '')
      .replace('http://www.dji.com/wpmz/1.0.2', 'http://www.dji.com/wpmz/1.0.6')
      .replace(
        '<wpml:actionActuatorFunc>takePhoto</wpml:actionActuatorFunc>',
        '<wpml:actionActuatorFunc>panoShot</wpml:actionActuatorFunc>',
      )
      .replace(
        '</Placemark>\n    </Folder>',
        `<wpml:actionGroup><wpml:actionGroupId>1</wpml:actionGroupId><wpml:actionGroupStartIndex>0</wpml:actionGroupStartIndex>
        <wpml:actionGroupEndIndex>1</wpml:actionGroupEndIndex><wpml:actionGroupMode>sequence</wpml:actionGroupMode>
        <wpml:actionTrigger><wpml:actionTriggerType>multipleDistance</wpml:actionTriggerType><wpml:actionTriggerParam>10</wpml:actionTriggerParam></wpml:actionTrigger>
        <wpml:action><wpml:actionId>0</wpml:actionId><wpml:actionActuatorFunc>takePhoto</wpml:actionActuatorFunc></wpml:action></wpml:actionGroup>
      </Placemark>\n    </Folder>`,
      );
    const template = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:wpml="http://www.dji.com/wpmz/1.0.6"><Document>
  <wpml:missionConfig>
    <wpml:droneInfo><wpml:droneEnumValue>91</wpml:droneEnumValue><wpml:droneSubEnumValue>0</wpml:droneSubEnumValue></wpml:droneInfo>
    <wpml:payloadInfo><wpml:payloadEnumValue>80</wpml:payloadEnumValue></wpml:payloadInfo>
  </wpml:missionConfig>
  <Folder><wpml:templateType>waypoint</wpml:templateType></Folder>
</Document></kml>`;
    const r = await importKmz(await kmzOf({ 'wpmz/template.kml': template, 'wpmz/waylines.wpml': noDrone }));
    if (!r.ok) throw new Error(r.message);
    expect([r.route.droneEnum, r.route.droneSubEnum, r.route.payloadEnum]).toEqual([91, 0, 80]);
    expect(r.route.name).toBe('Imported wayline');
    expect(r.route.waypoints[1].actions).toEqual([{ kind: 'gimbalRotate', yaw: 30 }]);
    expect(r.warnings.map((w) => [w.code, w.waypoint])).toEqual([
      ['action_dropped', 1],
      ['action_group_dropped', 1],
      ['rth_height_defaulted', undefined],
    ]);
    expect(r.warnings[0].message).toContain('panoShot');
    // without either file naming the drone, the import is refused
    const bare = await importKmz(await kmzOf({ 'wpmz/waylines.wpml': noDrone }));
    expect(refused(bare).code).toBe('missing_drone_info');
  });
});

describe('readXml', () => {
  const arrays = new Set(['item']);
  it('reads elements by local name, with text, CDATA, entities and comments', () => {
    const xml = `<?xml version="1.0"?><!-- a comment --><r xmlns:w="x"><w:a attr="1>2"> A &amp; &lt;b&gt; &#x4e2d;&#25991; </w:a>
      <item>1</item><item><w:b><![CDATA[<raw>]]></w:b></item><e/><w:a>second</w:a></r>`;
    expect(readXml(xml, arrays)).toEqual({
      r: { a: 'A & <b> 中文', item: ['1', { b: '<raw>' }], e: '' },
    });
  });
  it('refuses markup that does not nest', () => {
    expect(() => readXml('<a><b></a></b>', arrays)).toThrow(XmlShapeError);
    expect(() => readXml('<a><b></b>', arrays)).toThrow('never closed');
    expect(() => readXml('<a></a><a></a>', arrays)).toThrow('more than one root');
    expect(() => readXml('<a>< b</a>', arrays)).toThrow('unreadable');
  });
});

describe('importKmz, more', () => {
  it('sorts waypoints by index and warns about a flattened mapping template', async () => {
    const r0 = route(3);
    const xml = waylinesXml(r0);
    const marks = xml.match(/ {6}<Placemark>[\s\S]*?<\/Placemark>\n/g)!;
    const shuffled = xml.replace(marks.join(''), [marks[2], marks[0], marks[1]].join(''));
    const template =
      '<kml><Document><Folder><wpml:templateType>mapping2d</wpml:templateType></Folder></Document></kml>';
    const r = await importKmz(await kmzOf({ 'wpmz/waylines.wpml': shuffled, 'wpmz/template.kml': template }), {
      name: r0.name,
    });
    if (!r.ok) throw new Error(r.message);
    expectSameRoute(r.route, r0);
    expect(r.warnings.map((w) => w.code)).toEqual(['template_flattened']);
  });
  it('refuses several waylines and unsupported height modes', async () => {
    const xml = waylinesXml(route(2));
    const folder = xml.slice(xml.indexOf('    <Folder>'), xml.indexOf('</Folder>') + 10);
    const two = xml.replace(folder, folder + folder);
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': two }))).code).toBe('multiple_waylines');
    const surface = xml.replace('>relativeToStartPoint<', '>realTimeFollowSurface<');
    expect(refused(await importKmz(await kmzOf({ 'wpmz/waylines.wpml': surface }))).code).toBe(
      'unsupported_height_mode',
    );
  });
});

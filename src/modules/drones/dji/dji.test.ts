import { describe, expect, it } from 'vitest';
import { dockErrorBilingual, dockErrorText } from './codes';
import { envelope, parseEnvelope } from './envelope';
import { diffHms, hmsTextKey, parseHms } from './hms';
import { parseFileUpload, parseTime } from './media';
import { describeModel } from './models';
import { aircraftSnapshot, dockSnapshot, EMPTY_TELEMETRY, isAirborne, mergeTelemetry } from './osd';
import { isValidFlightId, nextFlightStatus, parseProgress } from './progress';
import {
  bindStatusReply,
  configReply,
  flightAreasReply,
  offlineMapReply,
  parseBindStatusRequest,
  parseOrganizationBind,
} from './requests';
import { prepareData, replyResult } from './services';
import { INBOUND_FILTERS, outboundTopic, parseInboundTopic, sharedFilter } from './topics';
import { parseTopology } from './topology';

const DOCK = '4TADKAQ000002J';
const AIRCRAFT = '1581F5BKD225D00BP891';

describe('topics', () => {
  it('names what an inbound topic is about', () => {
    expect(parseInboundTopic(`sys/product/${DOCK}/status`)).toEqual({ kind: 'status', sn: DOCK });
    expect(parseInboundTopic(`thing/product/${AIRCRAFT}/osd`)).toEqual({ kind: 'osd', sn: AIRCRAFT });
    expect(parseInboundTopic(`thing/product/${DOCK}/property/set_reply`)).toEqual({
      kind: 'property_set_reply',
      sn: DOCK,
    });
    for (const t of [
      `thing/product/${DOCK}/services`, // our own outbound
      `thing/product/../osd`,
      `thing/product/${DOCK}`,
      `sys/product/${DOCK}/osd`,
      'yiwang/devices/x/telemetry',
      `thing/product/${'A'.repeat(65)}/osd`,
    ])
      expect(parseInboundTopic(t)).toBeNull();
  });
  it('formats outbound topics and refuses a bad serial', () => {
    expect(outboundTopic('services', DOCK)).toBe(`thing/product/${DOCK}/services`);
    expect(outboundTopic('status_reply', DOCK)).toBe(`sys/product/${DOCK}/status_reply`);
    expect(() => outboundTopic('services', 'a/b')).toThrow();
  });
  it('spreads the inbound filters over a shared group', () => {
    expect(sharedFilter('yiwang', INBOUND_FILTERS[0])).toBe('$share/yiwang/sys/product/+/status');
    expect(sharedFilter(null, INBOUND_FILTERS[0])).toBe('sys/product/+/status');
  });
});

describe('envelope', () => {
  it('reads a message and writes one', () => {
    const raw = envelope('update_topo', { result: 0 }, { tid: 't1', bid: 'b1', timestamp: 5 });
    const p = parseEnvelope(raw);
    expect(p).toEqual({
      ok: true,
      value: {
        tid: 't1',
        bid: 'b1',
        timestamp: 5,
        gateway: null,
        method: 'update_topo',
        needReply: false,
        data: { result: 0 },
      },
    });
  });
  it('says why a payload is refused, never throws', () => {
    const reasons = [
      '{',
      '[]',
      '"x"',
      '{"bid":"b"}',
      '{"tid":"t","data":[1]}',
      '{"tid":"t","method":5}',
      '{"tid":"t","timestamp":-1}',
    ].map((s) => {
      const r = parseEnvelope(s);
      return r.ok ? 'ok' : r.reason;
    });
    expect(reasons).toEqual([
      'not_json',
      'not_an_object',
      'not_an_object',
      'missing_tid',
      'bad_data',
      'bad_method',
      'bad_timestamp',
    ]);
    expect(parseEnvelope(Buffer.alloc(300 * 1024, 32))).toEqual({ ok: false, reason: 'too_large' });
  });
  it('takes DJI hms example with its misspelt timestamp key', () => {
    const r = parseEnvelope('{"bid":"b","tid":"t","timestamp:":1654070968655,"data":{"list":[]}}');
    expect(r.ok && r.value.timestamp).toBe(null);
  });
});

describe('topology and models', () => {
  it('reads update_topo with and without the domain field', () => {
    const t = parseTopology({
      domain: '3',
      type: 2,
      sub_type: 0,
      device_secret: 's',
      nonce: 'n',
      version: 1,
      sub_devices: [{ sn: AIRCRAFT, domain: '0', type: 91, sub_type: 0, index: 'A' }],
    });
    expect(t).toEqual({
      ok: true,
      value: {
        gatewayModelKey: '3-2-0',
        subDevices: [{ sn: AIRCRAFT, modelKey: '0-91-0', index: 'A' }],
        firmware: '1',
      },
    });
    const docs = parseTopology({ type: 98, sub_type: 0, sub_devices: [] });
    expect(docs.ok && docs.value).toEqual({ gatewayModelKey: null, subDevices: [], firmware: null });
    expect(parseTopology({ sub_devices: [{ sn: 'x/y' }] }).ok).toBe(false);
  });
  it('accepts an unknown model (Dock 3 and later) by its domain', () => {
    expect(describeModel('3-3-0')).toMatchObject({ domain: 'dock', name: 'DJI Dock 3' });
    expect(describeModel('3-9-1')).toMatchObject({ domain: 'dock', name: null });
    expect(describeModel('0-91-1')).toMatchObject({
      domain: 'aircraft',
      droneEnum: 91,
      droneSubEnum: 1,
      payloadEnum: 81,
    });
    expect(describeModel('junk').domain).toBe('unknown');
  });
});

describe('telemetry merge', () => {
  // three partial OSD messages, as DJI's topic page shows a dock sending them
  const parts = [
    { job_number: 492, acc_time: 1859010 },
    { flighttask_step_code: 255, media_file_detail: { remain_upload: 0 } },
    {
      network_state: { type: 2, quality: 0, rate: 5.1 },
      drone_charge_state: { state: 0, capacity_percent: 100 },
      drone_in_dock: 1,
      rainfall: 0,
      wind_speed: 0,
      environment_temperature: 24,
      humidity: 62,
      latitude: 22.907809968,
      longitude: 113.703482143,
      storage: { total: 82045336, used: 51772 },
      mode_code: 1,
      cover_state: 0,
      emergency_stop_state: 0,
      sub_device: { device_sn: AIRCRAFT, device_model_key: '0-67-0', device_online_status: 0, device_paired: 1 },
    },
  ];
  it('merges split OSD into one state', () => {
    let t = EMPTY_TELEMETRY;
    parts.forEach((p, i) => {
      t = mergeTelemetry(t, p, 1000 + i).telemetry;
    });
    const d = dockSnapshot(t);
    expect(d).toMatchObject({
      modeCode: 1,
      taskStep: 255,
      droneInDock: true,
      droneBattery: 100,
      subDeviceSn: AIRCRAFT,
      subDevicePaired: true,
      remainUpload: 0,
      storageFreeMb: Math.round((82045336 - 51772) / 1024),
      point: { lng: 113.703482143, lat: 22.907809968 },
    });
    expect(t.values.job_number).toBe(492);
  });
  it('never rolls a value back on a late message, drops mistyped fields only', () => {
    let t = mergeTelemetry(EMPTY_TELEMETRY, { mode_code: 4, wind_speed: 3 }, 2000).telemetry;
    const late = mergeTelemetry(t, { mode_code: 0, humidity: 50 }, 1500);
    expect(late.telemetry.values.mode_code).toBe(4);
    expect(late.changed).toEqual(['humidity']);
    const bad = mergeTelemetry(late.telemetry, { wind_speed: 'gale', cover_state: 1, ['__proto__']: 1 }, 2500);
    expect(bad.rejected.sort()).toEqual(['__proto__', 'wind_speed']);
    t = bad.telemetry;
    expect(t.values.wind_speed).toBe(3);
    expect(t.values.cover_state).toBe(1);
    expect(Object.getPrototypeOf(t.values)).toBe(Object.prototype);
  });
  it('reads the aircraft, with no point from a 0,0 fix', () => {
    const t = mergeTelemetry(
      EMPTY_TELEMETRY,
      { mode_code: 5, latitude: 0, longitude: 0, battery: { capacity_percent: 80 }, total_flight_time: 3600 },
      1,
    ).telemetry;
    expect(aircraftSnapshot(t)).toMatchObject({ modeCode: 5, point: null, battery: 80, totalFlightTimeS: 3600 });
    expect(isAirborne(5)).toBe(true);
    expect(isAirborne(0)).toBe(false);
    expect(isAirborne(14)).toBe(false);
  });
});

describe('hms', () => {
  it('treats each report as the complete active set', () => {
    const first = parseHms({
      list: [
        {
          code: '0x16100083',
          device_type: '0-67-0',
          in_the_sky: 0,
          level: 2,
          module: 3,
          imminent: 1,
          args: { component_index: 0 },
        },
      ],
    });
    expect(first).toHaveLength(1);
    const second = parseHms({
      list: [{ code: '0x1B010001', device_type: '3-1-0', in_the_sky: 0, level: 1, module: 3 }],
    });
    const d = diffHms(
      first!.map((a) => a.key),
      second!,
    );
    expect(d.raised.map((a) => a.code)).toEqual(['0x1B010001']);
    expect(d.resolved).toEqual([first![0].key]);
    expect(hmsTextKey(first![0])).toBe('fpv_tip_16100083');
    expect(hmsTextKey(second![0])).toBe('dock_tip_1b010001');
    expect(hmsTextKey({ ...first![0], inTheSky: true })).toBe('fpv_tip_16100083_in_the_sky');
    expect(parseHms({ list: 'x' })).toBeNull();
  });
});

describe('flight progress', () => {
  it('reads flighttask_progress and keeps terminal statuses', () => {
    const p = parseProgress(
      {
        result: 0,
        output: {
          status: 'in_progress',
          progress: { current_step: 19, percent: 40 },
          ext: { current_waypoint_index: 3, wayline_mission_state: 5, media_count: 2, track_id: 'tr', flight_id: 'f1' },
        },
      },
      'f1',
    );
    expect(p).toMatchObject({ flightId: 'f1', status: 'in_progress', percent: 40, waypointIndex: 3, mediaCount: 2 });
    expect(parseProgress({ result: 316009, output: { status: 'failed' } }, 'f2')).toMatchObject({
      flightId: 'f2',
      status: 'failed',
      resultCode: 316009,
    });
    expect(parseProgress({ output: { status: 'flying' } }, 'f')).toBeNull();
    expect(nextFlightStatus('ok', 'in_progress')).toBe('ok');
    expect(nextFlightStatus('in_progress', 'timeout')).toBe('timeout');
  });
  it('words dock errors in both languages', () => {
    expect(dockErrorText(316009, 'zh-CN')).toContain('30%');
    expect(dockErrorText(999999, 'en')).toBe('dock error 999999');
    expect(dockErrorBilingual(514134)).toMatch(/降雨.* \/ heavy rain/);
  });
});

describe('requests and replies', () => {
  it('puts the config fields directly in data', () => {
    expect(configReply({ appId: '1', appKey: 'k', appLicense: 'l', ntpHost: '10.0.0.1', ntpPort: 123 })).toEqual({
      app_id: '1',
      app_key: 'k',
      app_license: 'l',
      ntp_server_host: '10.0.0.1',
      ntp_server_port: 123,
    });
  });
  it('answers binding, flight areas and offline maps', () => {
    expect(parseBindStatusRequest({ devices: [{ sn: DOCK }, { sn: AIRCRAFT }] })).toEqual([DOCK, AIRCRAFT]);
    expect(parseBindStatusRequest({ devices: [{ sn: 1 }] })).toBeNull();
    expect(
      bindStatusReply([{ sn: DOCK, bound: false, organizationId: 'o', organizationName: 'n', callsign: 'c' }]),
    ).toEqual({
      result: 0,
      output: {
        bind_status: [
          {
            sn: DOCK,
            is_device_bind_organization: false,
            organization_id: '',
            organization_name: '',
            device_callsign: 'c',
          },
        ],
      },
    });
    expect(
      parseOrganizationBind({
        bind_devices: [
          {
            device_binding_code: 'code',
            organization_id: 'org',
            device_callsign: '1号机场',
            sn: DOCK,
            device_model_key: '3-2-0',
          },
        ],
      }),
    ).toEqual([{ sn: DOCK, bindingCode: 'code', organizationId: 'org', callsign: '1号机场', modelKey: '3-2-0' }]);
    expect(flightAreasReply([])).toEqual({ result: 0, output: { files: [] } });
    expect(offlineMapReply([])).toEqual({ result: 0, output: { offline_map_enable: false, files: [] } });
  });
  it('builds flighttask_prepare within DJI limits', () => {
    const task = {
      flightId: 'f-1',
      executeTime: 1,
      taskType: 0,
      fileUrl: 'http://x/w.kmz',
      fingerprint: 'abc',
      waylineType: 0,
      rthAltitude: 100,
      exitWaylineWhenRcLost: 0,
    } as const;
    const d = prepareData(task);
    expect(d).toMatchObject({ flight_id: 'f-1', rth_mode: 1, file: { url: 'http://x/w.kmz', fingerprint: 'abc' } });
    expect(() => prepareData({ ...task, flightId: 'a.b' })).toThrow();
    expect(() => prepareData({ ...task, rthAltitude: 10 })).toThrow();
    expect(isValidFlightId('8a6c-11')).toBe(true);
    expect(isValidFlightId('a_b')).toBe(false);
    expect(replyResult({ result: 0 })).toBe(0);
    expect(replyResult({ result: '0' })).toBeNull();
  });
});

describe('media callback', () => {
  it('parses DJI example leniently', () => {
    const m = parseFileUpload({
      file: {
        object_key: 'wayline/f1/DJI_0001.jpeg',
        path: 'f1',
        name: 'DJI_0001.jpeg',
        ext: { flight_id: 'f1', drone_model_key: '0-67-0', payload_model_key: '1-53-0', is_original: true },
        metadata: {
          absolute_altitude: 56.6,
          relative_altitude: 41.2,
          gimbal_yaw_degree: '-91.4',
          shoot_position: { lat: 23.03, lng: 113.15 },
          create_time: '2021-05-10 16:04:20',
        },
      },
      flight_task: { uploaded_file_count: 1, expected_file_count: 5, flight_type: 0 },
    });
    expect(m).toMatchObject({
      objectKey: 'wayline/f1/DJI_0001.jpeg',
      flightId: 'f1',
      gimbalYaw: -91.4,
      point: { lng: 113.15, lat: 23.03 },
      createdAt: Date.UTC(2021, 4, 10, 8, 4, 20),
      uploadedCount: 1,
      expectedCount: 5,
    });
    expect(parseFileUpload({ file: { object_key: '../etc/passwd' } })).toBeNull();
    expect(parseTime(1620633860)).toBe(1620633860000);
  });
});

import type { Static } from '@sinclair/typebox';
import type { Device, HmsAlert, MessageFault } from '../contract';
import { hmsTextKey } from '../dji/hms';
import { describeModel } from '../dji/models';
import { aircraftSnapshot, dockSnapshot, type Telemetry } from '../dji/osd';
import type { AlertRow, DeviceRow, FaultRow } from './devices.repo';

/** A registry row and its latest telemetry → the contract's Device. */
export function deviceView(d: DeviceRow, t: Telemetry, openAlerts: number): Static<typeof Device> {
  const hasTelemetry = Object.keys(t.at).length > 0;
  const at = hasTelemetry ? Math.max(...Object.values(t.at)) : null;
  return {
    sn: d.sn,
    domain: d.domain as Static<typeof Device>['domain'],
    modelKey: d.model_key,
    modelName: d.model_key ? describeModel(d.model_key).name : null,
    name: d.name,
    callsign: d.callsign,
    gatewaySn: d.gateway_sn,
    orgId: d.org_id,
    bound: d.bound === 1,
    registeredBy: d.registered_by,
    online: d.online === 1,
    lastSeenAt: d.last_seen_at,
    onlineChangedAt: d.online_changed_at,
    firmware: d.firmware,
    home: d.home_lng !== null && d.home_lat !== null ? { lng: d.home_lng, lat: d.home_lat } : null,
    hasCredentials: !!d.mqtt_password_hash,
    dock: hasTelemetry && d.domain === 'dock' ? dockSnapshot(t) : null,
    aircraft: hasTelemetry && d.domain === 'aircraft' ? aircraftSnapshot(t) : null,
    telemetryAt: at,
    openAlerts,
  };
}

export function alertView(a: AlertRow): Static<typeof HmsAlert> {
  const inTheSky = a.in_the_sky === 1;
  return {
    id: a.id,
    sn: a.sn,
    code: a.code,
    textKey: hmsTextKey({ code: a.code, deviceType: a.device_type, inTheSky }),
    level: a.level,
    inTheSky,
    deviceType: a.device_type,
    imminent: a.imminent === 1,
    raisedAt: a.raised_at,
    resolvedAt: a.resolved_at,
  };
}

export function faultView(f: FaultRow): Static<typeof MessageFault> {
  return {
    sn: f.sn,
    topicKind: f.topic_kind,
    reason: f.reason,
    count: Number(f.count),
    firstAt: f.first_at,
    lastAt: f.last_at,
    sample: f.sample,
  };
}

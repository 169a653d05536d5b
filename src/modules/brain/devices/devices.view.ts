/** Device rows ⇄ contract shapes. */
import type { Static } from '@sinclair/typebox';
import type { Device, Reading, RejectCount } from './devices.contract';
import type { DeviceRow } from './devices.repo';
import { type DeviceStatus, isOnline } from './model/presence';
import { DEVICE_TYPE_SPECS, type DeviceType, type ReadingValues, type RejectReason } from './model/reading-types';

const values = (json: string | null): ReadingValues | null =>
  json === null ? null : (JSON.parse(json) as ReadingValues);

export function deviceView(r: DeviceRow, now: number): Static<typeof Device> {
  const type = r.type as DeviceType;
  const status = r.status as DeviceStatus;
  return {
    id: r.id,
    type,
    typeName: DEVICE_TYPE_SPECS[type]?.zh ?? r.type,
    model: r.model,
    name: r.name,
    address: r.address,
    lng: r.lng,
    lat: r.lat,
    communityCode: r.community_code,
    orgId: r.org_id,
    installedOn: r.installed_on,
    status,
    online: isOnline({ type, status, lastSeen: r.last_seen }, now),
    lastReading: values(r.last_reading),
    lastReadingAt: r.last_reading_at,
    lastSeen: r.last_seen,
    demo: r.demo === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const readingView = (r: { at: number; data: string; received_at: number }): Static<typeof Reading> => ({
  at: r.at,
  values: values(r.data)!,
  receivedAt: r.received_at,
});

export const rejectView = (r: {
  reason: string;
  rejected: number;
  last_at: number;
  last_message: string;
}): Static<typeof RejectCount> => ({
  reason: r.reason as RejectReason,
  count: Number(r.rejected),
  lastAt: r.last_at,
  lastMessage: r.last_message,
});

/** What the audit row keeps of a device. */
export const deviceSummary = (
  r: Pick<DeviceRow, 'type' | 'name' | 'lng' | 'lat' | 'community_code' | 'org_id' | 'status' | 'model'>,
) => ({
  type: r.type,
  name: r.name,
  model: r.model,
  lng: r.lng,
  lat: r.lat,
  communityCode: r.community_code,
  orgId: r.org_id,
  status: r.status,
});

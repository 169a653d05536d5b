/**
 * Online / offline of an IoT device from when it was last heard and its type's cadence: a device
 * is online while it has missed fewer than MISSED_REPORTS reports in a row. Pure.
 */
import { DEVICE_TYPE_SPECS, DEVICE_TYPES, type DeviceType } from './reading-types';

/** Reports a device may miss before it counts as offline (one lost packet is not an outage). */
export const MISSED_REPORTS = 3;

export const DEVICE_STATUSES = ['active', 'maintenance', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** How long after its last report a device of this type goes offline. */
export const offlineAfterMs = (type: DeviceType): number => DEVICE_TYPE_SPECS[type].cadenceS * 1000 * MISSED_REPORTS;

/** A retired device is never online; one never heard is offline. */
export function isOnline(d: { type: DeviceType; status: DeviceStatus; lastSeen: number | null }, now: number): boolean {
  if (d.status === 'retired' || d.lastSeen === null) return false;
  return now - d.lastSeen <= offlineAfterMs(d.type);
}

/** The earliest instant each type's device must have been seen at to be online now (the SQL filter). */
export function onlineSince(now: number): Record<DeviceType, number> {
  const out = {} as Record<DeviceType, number>;
  for (const t of DEVICE_TYPES) out[t] = now - offlineAfterMs(t);
  return out;
}

export interface TypeRate {
  type: DeviceType;
  /** devices in service (retired ones do not count) */
  total: number;
  online: number;
  /** online / total, 0 when there is none */
  rate: number;
}

/** Online rate per type over the devices in service, every type listed (those with none at 0). */
export function onlineRates(
  devices: ReadonlyArray<{ type: DeviceType; status: DeviceStatus; lastSeen: number | null }>,
  now: number,
): { items: TypeRate[]; total: number; online: number; rate: number } {
  const by = new Map<DeviceType, TypeRate>(DEVICE_TYPES.map((t) => [t, { type: t, total: 0, online: 0, rate: 0 }]));
  for (const d of devices) {
    if (d.status === 'retired') continue;
    const r = by.get(d.type)!;
    r.total++;
    if (isOnline(d, now)) r.online++;
  }
  const items = [...by.values()].map((r) => ({ ...r, rate: r.total ? r.online / r.total : 0 }));
  const total = items.reduce((s, r) => s + r.total, 0);
  const online = items.reduce((s, r) => s + r.online, 0);
  return { items, total, online, rate: total ? online / total : 0 };
}

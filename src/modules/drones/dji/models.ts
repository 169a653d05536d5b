/**
 * Device model keys `domain-type-subtype` (domain 0 aircraft, 1 payload, 2 remote controller, 3 dock).
 * Unknown keys are accepted (Dock 3, M4D and later models arrive before any table lists them): the
 * device is shown with its key, and what the platform needs (dock or aircraft) comes from the domain.
 */
export type DeviceDomain = 'aircraft' | 'payload' | 'rc' | 'dock' | 'unknown';

export interface DeviceModel {
  key: string;
  domain: DeviceDomain;
  /** null for a key no table here knows. */
  name: string | null;
  /** WPML droneInfo / payloadInfo enums for aircraft (null where not known). */
  droneEnum: number | null;
  droneSubEnum: number | null;
  payloadEnum: number | null;
}

const KNOWN: Record<string, { name: string; payloadEnum?: number }> = {
  '3-1-0': { name: 'DJI Dock' },
  '3-2-0': { name: 'DJI Dock 2' },
  '3-3-0': { name: 'DJI Dock 3' },
  '0-67-0': { name: 'Matrice 30', payloadEnum: 52 },
  '0-67-1': { name: 'Matrice 30T', payloadEnum: 53 },
  '0-91-0': { name: 'Mavic 3D', payloadEnum: 80 },
  '0-91-1': { name: 'Mavic 3TD', payloadEnum: 81 },
};

const MODEL_KEY = /^(\d{1,3})-(\d{1,4})-(\d{1,4})$/;

export function isModelKey(s: unknown): s is string {
  return typeof s === 'string' && MODEL_KEY.test(s);
}

export function modelKey(domain: unknown, type: unknown, subType: unknown): string | null {
  const k = `${domain}-${type}-${subType}`;
  return isModelKey(k) ? k : null;
}

export function describeModel(key: string): DeviceModel {
  const m = MODEL_KEY.exec(key);
  if (!m) return { key, domain: 'unknown', name: null, droneEnum: null, droneSubEnum: null, payloadEnum: null };
  const [d, t, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const domain: DeviceDomain =
    d === 0 ? 'aircraft' : d === 1 ? 'payload' : d === 2 ? 'rc' : d === 3 ? 'dock' : 'unknown';
  const known = KNOWN[key];
  return {
    key,
    domain,
    name: known?.name ?? null,
    droneEnum: domain === 'aircraft' ? t : null,
    droneSubEnum: domain === 'aircraft' ? s : null,
    payloadEnum: known?.payloadEnum ?? null,
  };
}

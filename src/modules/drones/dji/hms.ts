import { isObject, num } from './envelope';

/**
 * Health reports (`hms` event). Each report is the complete set of active alerts: an alert absent
 * from the next report is resolved. An alert is identified by its code, the device type it is
 * about and whether it was raised in the air (the same code has a different text then).
 */
export interface HmsAlert {
  key: string;
  code: string;
  level: number;
  module: number | null;
  inTheSky: boolean;
  deviceType: string | null;
  imminent: boolean;
  args: Record<string, unknown>;
}

export function parseHms(data: Record<string, unknown>): HmsAlert[] | null {
  if (!Array.isArray(data.list) || data.list.length > 500) return null;
  const out = new Map<string, HmsAlert>();
  for (const item of data.list) {
    if (!isObject(item)) return null;
    const code = typeof item.code === 'string' ? item.code : num(item.code)?.toString(16);
    if (!code || code.length > 32) return null;
    const inTheSky = item.in_the_sky === 1;
    const deviceType = typeof item.device_type === 'string' ? item.device_type.slice(0, 16) : null;
    const key = `${code}|${deviceType ?? ''}|${inTheSky ? 1 : 0}`;
    out.set(key, {
      key,
      code,
      level: num(item.level) ?? 0,
      module: num(item.module),
      inTheSky,
      deviceType,
      imminent: item.imminent === 1,
      args: isObject(item.args) ? item.args : {},
    });
  }
  return [...out.values()];
}

/** What a new complete report changes in the active set. */
export function diffHms(
  active: readonly string[],
  report: readonly HmsAlert[],
): { raised: HmsAlert[]; resolved: string[] } {
  const was = new Set(active);
  const now = new Set(report.map((a) => a.key));
  return {
    raised: report.filter((a) => !was.has(a.key)),
    resolved: active.filter((k) => !now.has(k)),
  };
}

/**
 * The key of the alert's text in DJI's hms.json: `dock_tip_<code>` for a dock's own alerts,
 * `fpv_tip_<code>` (+ `_in_the_sky`) for the aircraft's.
 */
export function hmsTextKey(a: Pick<HmsAlert, 'code' | 'deviceType' | 'inTheSky'>): string {
  const code = a.code.toLowerCase().replace(/^0x/, '');
  const isDock = a.deviceType?.startsWith('3-') ?? false;
  return isDock ? `dock_tip_${code}` : `fpv_tip_${code}${a.inTheSky ? '_in_the_sky' : ''}`;
}

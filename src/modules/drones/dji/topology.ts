import { isObject, type Parsed } from './envelope';
import { modelKey } from './models';
import { isSerialNumber } from './topics';

/**
 * `update_topo` on `sys/product/{gateway}/status`: the gateway (dock) and what hangs under it.
 * Only the serials and model keys are required; every other field is optional (firmware differs).
 * An empty `sub_devices` means the aircraft dropped off the dock's link.
 */
export interface Topology {
  /** null when the message does not say (DJI's own example sends type and sub_type without domain) */
  gatewayModelKey: string | null;
  subDevices: { sn: string; modelKey: string | null; index: string | null }[];
  firmware: string | null;
}

export function parseTopology(data: Record<string, unknown>): Parsed<Topology> {
  const key = modelKey(data.domain, data.type, data.sub_type);
  const subs = data.sub_devices === undefined ? [] : data.sub_devices;
  if (!Array.isArray(subs) || subs.length > 16) return { ok: false, reason: 'bad_sub_devices' };
  const subDevices: Topology['subDevices'] = [];
  for (const s of subs) {
    if (!isObject(s) || !isSerialNumber(s.sn)) return { ok: false, reason: 'bad_sub_device' };
    subDevices.push({
      sn: s.sn,
      modelKey: modelKey(s.domain, s.type, s.sub_type),
      index: typeof s.index === 'string' ? s.index : null,
    });
  }
  return {
    ok: true,
    value: {
      gatewayModelKey: key,
      subDevices,
      firmware:
        typeof data.version === 'string' || typeof data.version === 'number' ? String(data.version).slice(0, 64) : null,
    },
  };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { DeviceRegistry } from '../devices/registry.service';

/**
 * The demo fleet: Guicheng's eight docks (phase two covers the whole street) at the places its
 * patrols watch — 佛山水道, 三洲水闸排污口, 千灯湖, 冠顺气站, 二洲河堤 … Points are approximate
 * (WGS-84). The demo's simulated docks need the plaintext MQTT passwords the registry only keeps
 * as hashes, so the demo writes them to DATA_DIR/demo-docks.json (demo installs only).
 */
export const DEMO_DOCKS = [
  { sn: '7CTDM1A00100GC', name: '千灯湖公园机场', lng: 113.1482, lat: 23.0365 },
  { sn: '7CTDM1A00200GC', name: '佛山水道机场', lng: 113.1245, lat: 23.0452 },
  { sn: '7CTDM1A00300GC', name: '三洲水闸机场', lng: 113.1902, lat: 22.9958 },
  { sn: '7CTDM1A00400GC', name: '冠顺气站机场', lng: 113.1703, lat: 23.0106 },
  { sn: '7CTDM1A00500GC', name: '二洲河堤机场', lng: 113.2011, lat: 23.0052 },
  { sn: '7CTDM1A00600GC', name: '桂城街道办机场', lng: 113.1571, lat: 23.0283 },
  { sn: '7CTDM1A00700GC', name: '映月湖机场', lng: 113.1632, lat: 23.0201 },
  { sn: '7CTDM1A00800GC', name: '平洲玉器街机场', lng: 113.1786, lat: 22.9958 },
] as const;

export interface DemoDockCredential {
  sn: string;
  aircraftSn: string;
  name: string;
  password: string;
  lng: number;
  lat: number;
}

const FILE = 'demo-docks.json';

export async function seedDemoDocks(registry: DeviceRegistry, dataDir: string): Promise<string> {
  const out: DemoDockCredential[] = [];
  for (const d of DEMO_DOCKS) {
    const { mqttPassword } = await registry.register(SYSTEM_CONTEXT, {
      sn: d.sn,
      name: d.name,
      modelKey: '3-2-0',
      homeLng: d.lng,
      homeLat: d.lat,
    });
    out.push({
      sn: d.sn,
      aircraftSn: d.sn.replace('7CTDM1A', '1581F6Q'),
      name: d.name,
      password: mqttPassword,
      lng: d.lng,
      lat: d.lat,
    });
  }
  writeFileSync(join(dataDir, FILE), JSON.stringify(out, null, 2), { mode: 0o600 });
  return `${out.length} docks (simulated; logins in ${FILE})`;
}

export function readDemoDocks(dataDir: string): DemoDockCredential[] | null {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as DemoDockCredential[];
}

/**
 * Our records as NGSI-LD entities, with Smart Data Models types and attribute names where they fit:
 * air quality stations → AirQualityObserved, noise meters → NoiseLevelObserved, outfall monitors →
 * WaterQualityObserved, street lights → Streetlight, the other sensors → Device; cameras → Camera.
 * Entity ids are `urn:ngsi-ld:<Type>:<our id>`. Also the two output forms (normalized, keyValues)
 * and `attrs` projection. Pure.
 */
import type { DeviceType } from '../devices/model/reading-types';
import { DEVICE_TYPE_SPECS, isDeviceType } from '../devices/model/reading-types';
import type { NormalizedEntity } from './q';

export const NGSI_TYPES = [
  'AirQualityObserved',
  'NoiseLevelObserved',
  'WaterQualityObserved',
  'Streetlight',
  'Device',
  'Camera',
] as const;
export type NgsiType = (typeof NGSI_TYPES)[number];

/** Which Smart Data Model a device type is published as. */
export const SDM_TYPE_OF: Record<DeviceType, NgsiType> = {
  air_quality: 'AirQualityObserved',
  noise: 'NoiseLevelObserved',
  outfall_quality: 'WaterQualityObserved',
  street_light: 'Streetlight',
  water_level: 'Device',
  rain_gauge: 'Device',
  manhole_cover: 'Device',
  smoke_detector: 'Device',
  hydrant_pressure: 'Device',
  gas_leak: 'Device',
};

export const deviceTypesOf = (t: NgsiType): DeviceType[] =>
  (Object.keys(SDM_TYPE_OF) as DeviceType[]).filter((d) => SDM_TYPE_OF[d] === t);

/** The Smart Data Models' full type URIs (what our @context expands the short names to). */
export const TYPE_URIS: Record<NgsiType, string> = {
  AirQualityObserved: 'https://smartdatamodels.org/dataModel.Environment/AirQualityObserved',
  NoiseLevelObserved: 'https://smartdatamodels.org/dataModel.Environment/NoiseLevelObserved',
  WaterQualityObserved: 'https://smartdatamodels.org/dataModel.Environment/WaterQualityObserved',
  Streetlight: 'https://smartdatamodels.org/dataModel.Streetlighting/Streetlight',
  Device: 'https://smartdatamodels.org/dataModel.Device/Device',
  Camera: 'https://smartdatamodels.org/dataModel.Device/Camera',
};

/** A type as a client names it (short name or full URI) → ours; null when we publish no such type. */
export function typeNamed(text: string): NgsiType | null {
  if ((NGSI_TYPES as readonly string[]).includes(text)) return text as NgsiType;
  return (Object.entries(TYPE_URIS).find(([, uri]) => uri === text)?.[0] as NgsiType | undefined) ?? null;
}

/** Readings' keys → Smart Data Models attribute names (the rest keep our key). */
const SDM_ATTR: Record<string, string> = {
  aqi: 'airQualityIndex',
  laeq: 'LAeq',
  cod: 'COD',
  ammonia: 'NH4',
  ph: 'pH',
  power: 'powerConsumption',
  battery: 'batteryLevel',
};

/** UN/CEFACT common codes (NGSI-LD unitCode) of our units. */
const UNIT_CODES: Record<string, string> = {
  'µg/m³': 'GQ',
  m: 'MTR',
  mm: 'MMT',
  'mm/h': 'H67',
  'dB(A)': '2N',
  '°': 'DD',
  W: 'WTT',
  MPa: 'MPA',
  'mg/L': 'M1',
  '%': 'P1',
};

export const attrNameOf = (key: string) => SDM_ATTR[key] ?? key;

export const entityId = (type: NgsiType, local: string) => `urn:ngsi-ld:${type}:${local}`;

/** `urn:ngsi-ld:<Type>:<local>` → its parts; null for anything else. */
export function parseEntityId(id: string): { type: NgsiType; local: string } | null {
  const m = /^urn:ngsi-ld:([A-Za-z]+):(.+)$/.exec(id);
  const type = m ? typeNamed(m[1]!) : null;
  return type ? { type, local: m![2]! } : null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const prop = (value: unknown, extra: Record<string, unknown> = {}) => ({ type: 'Property', value, ...extra });
const point = (lng: number, lat: number) => ({
  type: 'GeoProperty',
  value: { type: 'Point', coordinates: [lng, lat] },
});

export interface DeviceRecord {
  id: string;
  type: string;
  model: string | null;
  name: string;
  address: string | null;
  lng: number;
  lat: number;
  community_code: string | null;
  status: string;
  last_reading: string | null;
  last_reading_at: number | null;
  last_seen: number | null;
  updated_at: number;
}

export interface CameraRecord {
  id: string;
  name: string;
  lng: number;
  lat: number;
  ptz: number;
  direction: number | null;
  online: number;
  address: string | null;
  community_code: string | null;
  updated_at: number;
}

/** The latest reading's values (a stored reading is always an object of checked values). */
export function readingOf(d: Pick<DeviceRecord, 'last_reading'>): Record<string, unknown> | null {
  if (!d.last_reading) return null;
  const v = JSON.parse(d.last_reading) as unknown;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** A device with its latest reading as a normalized entity. */
export function deviceEntity(d: DeviceRecord, online: boolean): NormalizedEntity | null {
  if (!isDeviceType(d.type)) return null;
  const spec = DEVICE_TYPE_SPECS[d.type];
  const type = SDM_TYPE_OF[d.type];
  const e: NormalizedEntity = {
    id: entityId(type, d.id),
    type,
    name: prop(d.name),
    location: point(d.lng, d.lat),
    category: prop([d.type]),
    deviceState: prop(d.status === 'active' ? (online ? 'online' : 'offline') : d.status),
  };
  if (d.model) e.refDeviceModel = prop(d.model);
  if (d.address) e.address = prop({ streetAddress: d.address, addressLocality: d.community_code ?? undefined });
  if (d.last_seen !== null) e.dateLastValueReported = prop({ '@type': 'DateTime', '@value': iso(d.last_seen) });
  const reading = readingOf(d);
  if (reading && d.last_reading_at !== null) {
    const observedAt = iso(d.last_reading_at);
    if (type !== 'Device') e.dateObserved = prop({ '@type': 'DateTime', '@value': observedAt });
    for (const m of spec.metrics) {
      const v = reading[m.key];
      if (v === undefined) continue;
      const unitCode = UNIT_CODES[m.unit];
      // a street light's state in the model's own words
      if (type === 'Streetlight' && m.key === 'on') e.powerState = prop(v ? 'on' : 'off', { observedAt });
      else if (type === 'Streetlight' && m.key === 'fault') e.status = prop(v ? 'defectiveLamp' : 'ok', { observedAt });
      else e[attrNameOf(m.key)] = prop(v, { observedAt, ...(unitCode ? { unitCode } : {}) });
    }
  }
  return e;
}

export function cameraEntity(c: CameraRecord): NormalizedEntity {
  const e: NormalizedEntity = {
    id: entityId('Camera', c.id),
    type: 'Camera',
    name: prop(c.name),
    location: point(c.lng, c.lat),
    cameraType: prop(c.ptz ? 'PTZ' : 'fixed'),
    status: prop(c.online ? 'on' : 'off'),
    cameraUsage: prop('surveillance'),
  };
  if (c.direction !== null) e.cameraOrientation = prop(c.direction, { unitCode: 'DD' });
  if (c.address) e.address = prop({ streetAddress: c.address, addressLocality: c.community_code ?? undefined });
  return e;
}

/** The names a device type publishes (for GET /types and a subscription's watched attributes). */
export function attributeNamesOf(type: NgsiType): string[] {
  if (type === 'Camera')
    return ['name', 'location', 'cameraType', 'status', 'cameraUsage', 'cameraOrientation', 'address'];
  const names = new Set([
    'name',
    'location',
    'category',
    'deviceState',
    'refDeviceModel',
    'address',
    'dateLastValueReported',
  ]);
  if (type !== 'Device') names.add('dateObserved');
  for (const t of deviceTypesOf(type))
    for (const m of DEVICE_TYPE_SPECS[t].metrics) {
      if (type === 'Streetlight' && m.key === 'on') names.add('powerState');
      else if (type === 'Streetlight' && m.key === 'fault') names.add('status');
      else names.add(attrNameOf(m.key));
    }
  return [...names];
}

/** Keeps id, type and the named attributes (`attrs`); all when `attrs` is null. */
export function project(e: NormalizedEntity, attrs: readonly string[] | null): NormalizedEntity {
  if (!attrs) return e;
  const out: NormalizedEntity = { id: e.id, type: e.type };
  for (const a of attrs) if (a in e && a !== 'id' && a !== 'type') out[a] = e[a];
  return out;
}

/** The simplified (keyValues) form: each attribute by its value alone. */
export function keyValues(e: NormalizedEntity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (k === 'id' || k === 'type' || k === '@context') out[k] = v;
    else {
      const a = v as { value?: unknown; object?: unknown };
      out[k] = a.value ?? a.object;
    }
  }
  return out;
}

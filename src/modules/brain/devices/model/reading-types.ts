/**
 * 物联感知 device types and the readings each reports: the metrics with their units and plausible
 * ranges (a value outside them is a broken sensor or a forged message, not a measurement), and
 * the cadence the device is expected to report at. Pure; imported by the contract and the web.
 */

export const DEVICE_TYPES = [
  'water_level',
  'rain_gauge',
  'air_quality',
  'noise',
  'manhole_cover',
  'street_light',
  'smoke_detector',
  'hydrant_pressure',
  'gas_leak',
  'outfall_quality',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export interface MetricSpec {
  key: string;
  zh: string;
  en: string;
  /** '' for booleans and dimensionless numbers */
  unit: string;
  kind: 'number' | 'integer' | 'boolean';
  /** inclusive bounds of a number */
  min?: number;
  max?: number;
  required: boolean;
}

export interface DeviceTypeSpec {
  type: DeviceType;
  zh: string;
  en: string;
  /** seconds between two reports (heartbeats for event-type sensors) */
  cadenceS: number;
  metrics: readonly MetricSpec[];
}

const num = (key: string, zh: string, en: string, unit: string, min: number, max: number, required = true) =>
  ({ key, zh, en, unit, kind: 'number', min, max, required }) as const satisfies MetricSpec;
const int = (key: string, zh: string, en: string, unit: string, min: number, max: number, required = true) =>
  ({ key, zh, en, unit, kind: 'integer', min, max, required }) as const satisfies MetricSpec;
const bool = (key: string, zh: string, en: string, required = true) =>
  ({ key, zh, en, unit: '', kind: 'boolean', required }) as const satisfies MetricSpec;
/** Battery-powered sensors may add their charge to any report. */
const battery = num('battery', '电量', 'battery', '%', 0, 100, false);

export const DEVICE_TYPE_SPECS: Record<DeviceType, DeviceTypeSpec> = {
  water_level: {
    type: 'water_level',
    zh: '水位计',
    en: 'Water level gauge',
    cadenceS: 300,
    metrics: [num('level', '水位', 'water level', 'm', -10, 50), battery],
  },
  rain_gauge: {
    type: 'rain_gauge',
    zh: '雨量计',
    en: 'Rain gauge',
    cadenceS: 300,
    metrics: [
      num('rainfall', '时段雨量', 'rainfall in the interval', 'mm', 0, 300),
      num('intensity', '雨强', 'rain intensity', 'mm/h', 0, 500, false),
      battery,
    ],
  },
  air_quality: {
    type: 'air_quality',
    zh: '空气质量监测站',
    en: 'Air quality station',
    cadenceS: 3600,
    metrics: [
      num('pm25', 'PM2.5', 'PM2.5', 'µg/m³', 0, 1000),
      num('pm10', 'PM10', 'PM10', 'µg/m³', 0, 2000),
      int('aqi', '空气质量指数', 'AQI', '', 0, 500),
    ],
  },
  noise: {
    type: 'noise',
    zh: '噪声监测仪',
    en: 'Noise meter',
    cadenceS: 300,
    metrics: [num('laeq', '等效声级', 'equivalent sound level LAeq', 'dB(A)', 20, 140)],
  },
  manhole_cover: {
    type: 'manhole_cover',
    zh: '智能井盖',
    en: 'Manhole cover',
    cadenceS: 3600,
    metrics: [num('tilt', '倾角', 'tilt', '°', 0, 90), bool('open', '开启', 'open'), battery],
  },
  street_light: {
    type: 'street_light',
    zh: '智慧路灯',
    en: 'Smart street light',
    cadenceS: 900,
    metrics: [
      bool('on', '亮灯', 'lit'),
      num('power', '功率', 'power', 'W', 0, 1000),
      bool('fault', '故障', 'fault', false),
    ],
  },
  smoke_detector: {
    type: 'smoke_detector',
    zh: '烟感',
    en: 'Smoke detector',
    cadenceS: 3600,
    metrics: [bool('smoke', '烟雾报警', 'smoke'), battery],
  },
  hydrant_pressure: {
    type: 'hydrant_pressure',
    zh: '消火栓水压',
    en: 'Fire hydrant pressure',
    cadenceS: 900,
    metrics: [num('pressure', '水压', 'pressure', 'MPa', 0, 2.5), battery],
  },
  gas_leak: {
    type: 'gas_leak',
    zh: '燃气泄漏',
    en: 'Gas leak detector',
    cadenceS: 300,
    metrics: [num('lel', '可燃气体浓度', 'combustible gas', '%LEL', 0, 100), battery],
  },
  outfall_quality: {
    type: 'outfall_quality',
    zh: '排口水质',
    en: 'River outfall water quality',
    cadenceS: 3600,
    metrics: [
      num('cod', '化学需氧量', 'COD', 'mg/L', 0, 2000),
      num('ammonia', '氨氮', 'ammonia nitrogen', 'mg/L', 0, 200),
      num('ph', 'pH', 'pH', '', 0, 14, false),
    ],
  },
};

export function isDeviceType(x: unknown): x is DeviceType {
  return typeof x === 'string' && (DEVICE_TYPES as readonly string[]).includes(x);
}

/** Why a reading was refused; each is counted per device. */
export const REJECT_REASONS = [
  /** not JSON, not an object, no `values`, a bad `at` */
  'malformed',
  /** a field the type does not report */
  'unknown_field',
  'missing_field',
  'wrong_type',
  'out_of_range',
  /** stamped more than the allowed skew in the future */
  'future_time',
  /** the device is retired: its readings are not taken */
  'retired',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type ReadingValues = Record<string, number | boolean>;

export type ReadingCheck =
  | { ok: true; values: ReadingValues }
  | { ok: false; reason: RejectReason; field?: string; message: string };

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks a reading's values against its type: every field known, required ones there, types and ranges right. */
export function checkValues(type: DeviceType, values: unknown): ReadingCheck {
  const spec = DEVICE_TYPE_SPECS[type];
  if (!isPlainObject(values)) return { ok: false, reason: 'malformed', message: 'values must be an object' };
  const byKey = new Map(spec.metrics.map((m) => [m.key, m]));
  for (const k of Object.keys(values))
    if (!byKey.has(k)) return { ok: false, reason: 'unknown_field', field: k, message: `${type} reports no ${k}` };
  const out: ReadingValues = {};
  for (const m of spec.metrics) {
    const v = values[m.key];
    if (v === undefined || v === null) {
      if (m.required) return { ok: false, reason: 'missing_field', field: m.key, message: `${m.key} is required` };
      continue;
    }
    if (m.kind === 'boolean') {
      if (typeof v !== 'boolean')
        return { ok: false, reason: 'wrong_type', field: m.key, message: `${m.key} must be true or false` };
      out[m.key] = v;
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || (m.kind === 'integer' && !Number.isInteger(v)))
      return {
        ok: false,
        reason: 'wrong_type',
        field: m.key,
        message: `${m.key} must be ${m.kind === 'integer' ? 'an integer' : 'a number'}`,
      };
    if ((m.min !== undefined && v < m.min) || (m.max !== undefined && v > m.max))
      return {
        ok: false,
        reason: 'out_of_range',
        field: m.key,
        message: `${m.key} ${v} outside ${m.min}…${m.max}${m.unit ? ` ${m.unit}` : ''}`,
      };
    out[m.key] = v;
  }
  return { ok: true, values: out };
}

/** A reading may be stamped at most this far ahead of the receiver's clock (device clocks drift). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export type ParsedMessage =
  | { ok: true; at: number | null; values: unknown }
  | { ok: false; reason: 'malformed'; message: string };

/**
 * A telemetry message as devices send it: `{"at": <epoch ms>, "values": {…}}` (`at` optional: the
 * time it arrives). Never throws.
 */
export function parseMessage(payload: Buffer | string): ParsedMessage {
  let body: unknown;
  try {
    body = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed', message: 'not JSON' };
  }
  return parseEnvelope(body);
}

export function parseEnvelope(body: unknown): ParsedMessage {
  if (!isPlainObject(body)) return { ok: false, reason: 'malformed', message: 'not a JSON object' };
  for (const k of Object.keys(body))
    if (k !== 'at' && k !== 'values') return { ok: false, reason: 'malformed', message: `unknown member ${k}` };
  const at = body.at;
  if (at !== undefined && at !== null && !(typeof at === 'number' && Number.isInteger(at) && at > 0))
    return { ok: false, reason: 'malformed', message: 'at must be epoch milliseconds' };
  if (!isPlainObject(body.values)) return { ok: false, reason: 'malformed', message: 'values must be an object' };
  return { ok: true, at: typeof at === 'number' ? at : null, values: body.values };
}

/** Parses and checks one reading received at `now`: the values to store and their instant, or why not. */
export function checkReading(
  type: DeviceType,
  body: { at: number | null; values: unknown },
  now: number,
):
  | { ok: true; at: number; values: ReadingValues }
  | { ok: false; reason: RejectReason; field?: string; message: string } {
  const at = body.at ?? now;
  if (at > now + MAX_FUTURE_SKEW_MS)
    return { ok: false, reason: 'future_time', message: `at ${at} is ahead of the clock by more than 5 min` };
  const v = checkValues(type, body.values);
  return v.ok ? { ok: true, at, values: v.values } : v;
}

/** The drones' enumerations (DJI mode codes, cover, rain, refusal reasons …) in words of the page's language. */
import { hasKey, type TFunction } from '../../../i18n';

/** `prefix.value` from the dictionary, or "unknown (value)" for a code no table lists yet. */
function lookup(t: TFunction, prefix: string, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return t('drones.none');
  const key = `${prefix}.${value}`;
  return hasKey(key) ? t(key) : t('drones.unknown', { code: String(value) });
}

export const dockModeText = (t: TFunction, v: number | null | undefined) => lookup(t, 'drones.dockMode', v);
export const aircraftModeText = (t: TFunction, v: number | null | undefined) => lookup(t, 'drones.aircraftMode', v);
export const coverText = (t: TFunction, v: number | null | undefined) => lookup(t, 'drones.cover', v);
export const rainText = (t: TFunction, v: number | null | undefined) => lookup(t, 'drones.rain', v);
export const hmsLevelText = (t: TFunction, v: number) => lookup(t, 'drones.hmsLevel', v);
export const reasonText = (t: TFunction, v: string) => lookup(t, 'drones.reason', v);
export const topicText = (t: TFunction, v: string) => lookup(t, 'drones.topic', v);
export const domainText = (t: TFunction, v: string) => lookup(t, 'drones.domain', v);

/** HMS level → tag colour: notice blue, caution orange, warning red. */
export function hmsLevelColor(level: number): string {
  return level >= 2 ? 'red' : level === 1 ? 'orange' : 'blue';
}

/** A number with its unit, or "—". */
export function withUnit(
  t: TFunction,
  key:
    | 'drones.state.windValue'
    | 'drones.state.temperatureValue'
    | 'drones.state.heightValue'
    | 'drones.state.headingValue'
    | 'drones.state.storageValue',
  v: number | null | undefined,
  digits = 1,
): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return t('drones.none');
  return t(key, { v: Number(v.toFixed(digits)) });
}

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v)}%`;
}

export function coords(p: { lng: number; lat: number } | null | undefined): string {
  return p ? `${p.lng.toFixed(6)}, ${p.lat.toFixed(6)}` : '—';
}

export const ONLINE_COLOR = '#52c41a';
export const OFFLINE_COLOR = '#8c8c8c';
export const AIRCRAFT_COLOR = '#1677ff';

/** Flights and schedules in words of the page's language: states, scenarios, kinds, repeats, server reasons. */
import { hasKey, type Lang, type TFunction } from '../../../../i18n';
import { inLanguage } from '../../../../serverText';
import { repeatOf } from '../../../../../modules/drones/schedules/repeat.contract';
import type { FlightState } from './flightsApi';

const word = (t: TFunction, key: string, fallback: string) => (hasKey(key) ? t(key) : fallback);

export const flightStateText = (t: TFunction, s: string) => word(t, `flights.state.${s}`, s);
export const scenarioText = (t: TFunction, s: string) => word(t, `flights.scenario.${s}`, s);
export const kindText = (t: TFunction, k: string) => word(t, `flights.kind.${k}`, k);

/** Tag colours: waiting blue, flying green-blue, done green, failed red, dropped grey. */
export const STATE_COLORS: Record<FlightState, string> = {
  planned: 'blue',
  preparing: 'geekblue',
  prepared: 'geekblue',
  executing: 'cyan',
  in_progress: 'cyan',
  paused: 'gold',
  ok: 'green',
  partially_done: 'orange',
  failed: 'red',
  rejected: 'red',
  canceled: 'default',
  timeout: 'volcano',
};

export const FINISHED: ReadonlySet<string> = new Set([
  'ok',
  'partially_done',
  'failed',
  'rejected',
  'canceled',
  'timeout',
]);
/** In the air: cancel is a return home (the server sends return_home). */
export const AIRBORNE: ReadonlySet<string> = new Set(['executing', 'in_progress', 'paused']);

/** A server text "中文 / English" on the page's side. */
export const reasonIn = (lang: Lang, text: string | null | undefined) => (text ? inLanguage(text, lang) : '');

/** 每天 09:00 · 每周一、三、五 14:30 · 08:00–18:00 每 2 小时 · cron: … */
export function repeatText(t: TFunction, cron: string): string {
  const r = repeatOf(cron);
  if (r.kind === 'daily') return t('schedules.repeat.daily', { time: r.time });
  if (r.kind === 'weekly')
    return t('schedules.repeat.weekly', {
      days: r.days.map((d) => t(`schedules.day.${d}` as 'schedules.day.0')).join(t('schedules.daySep')),
      time: r.time,
    });
  if (r.kind === 'hourly') return t('schedules.repeat.hourly', { every: r.every, from: r.from, to: r.to });
  return t('schedules.repeat.cron', { cron: r.cron });
}

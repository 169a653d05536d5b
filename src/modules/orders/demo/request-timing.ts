/**
 * When and through which channel the demo requests arrive: a channel mix like published figures
 * (hotline ~60%, grid inspectors ~32%, WeChat ~5%), more on weekdays than weekends, more in summer
 * and in the rainy season, per-category seasons, and each channel's hours of the day.
 */
import { weighted, type Rand } from './demo-random';
import type { DemoChannel } from './request-kinds';
import type { Season } from './demo-text-set';

/** Channel shares by where a problem is seen (categories with patrol templates are street problems). */
export const CHANNEL_MIX = {
  /** Problems inspectors can see on patrol: they find most of them. */
  street: { hotline: 0.25, grid: 0.7, wechat: 0.03, web: 0.015, open311: 0.005 },
  /** Everything else comes from people; inspectors pass on a few from door-to-door visits. */
  people: { hotline: 0.875, grid: 0.03, wechat: 0.065, web: 0.024, open311: 0.006 },
} as const;
/** Shares of the categories a drone or a camera recogniser can see that come from them. */
export const DRONE_SHARE = 0.03;
export const CAMERA_SHARE = 0.025;

/** Month (0–11) volume: the Spring Festival dip in Feb, a summer peak, Golden Week in Oct. */
export const MONTH_WEIGHT = [0.95, 0.72, 1.0, 1.0, 1.05, 1.12, 1.2, 1.2, 1.05, 0.9, 1.0, 0.96];
/** Day-of-week (0 = Sunday) volume. */
const DOW_WEIGHT = [0.62, 1.15, 1.1, 1.05, 1.05, 1.0, 0.7];
/** Hour-of-day weights (Asia/Shanghai) per channel family. */
const HOURS_HOTLINE = [
  0.2, 0.1, 0.08, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.2, 2.3, 2.0, 1.2, 1.1, 1.8, 2.0, 1.9, 1.6, 1.1, 1.2, 1.3, 1.1, 0.8,
  0.4,
];
const HOURS_WORK = [0, 0, 0, 0, 0, 0, 0, 0.2, 1.5, 2.2, 2.2, 1.6, 0.3, 0.4, 1.6, 2.1, 2.0, 1.5, 0.3, 0, 0, 0, 0, 0];
const HOURS_ONLINE = [
  0.5, 0.3, 0.15, 0.1, 0.1, 0.1, 0.3, 0.7, 1.0, 1.2, 1.2, 1.2, 1.3, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.3, 1.6, 1.8, 1.6,
  1.0,
];
const HOURS_CAMERA = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.2, 1.3, 1.2, 1.2, 1.3, 1.3, 1.1, 1.0, 1.0, 1.2, 1.4, 1.6, 1.7, 1.5, 1.1, 0.7,
  0.4,
];
const HOURS: Record<DemoChannel, number[]> = {
  hotline: HOURS_HOTLINE,
  grid: HOURS_WORK,
  drone: HOURS_WORK,
  camera: HOURS_CAMERA,
  web: HOURS_ONLINE,
  wechat: HOURS_ONLINE,
  open311: HOURS_ONLINE,
};

/** Per-month volume factors of a category's season (demo-text-set.ts `season`). */
export const SEASON_BOOST: Record<Season, number[]> = {
  summer: [0.6, 0.6, 0.8, 1.0, 1.3, 1.7, 1.9, 1.9, 1.5, 1.0, 0.8, 0.6],
  rainy: [0.3, 0.4, 0.7, 1.4, 2.0, 2.4, 2.2, 2.2, 1.6, 0.8, 0.4, 0.3],
  winter: [1.6, 1.6, 1.2, 0.9, 0.7, 0.6, 0.6, 0.6, 0.7, 0.9, 1.2, 1.5],
  school: [0.6, 0.6, 1.8, 2.2, 2.0, 2.0, 1.8, 1.6, 0.9, 0.4, 0.4, 0.4],
  newyear: [3.0, 2.2, 0.8, 0.7, 0.7, 0.8, 0.7, 0.7, 0.8, 0.8, 1.2, 2.0],
};

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** The Shanghai month (0–11), weekday (0 = Sunday) and year of an instant. */
export function localParts(ms: number) {
  const d = new Date(ms + SHANGHAI);
  return { month: d.getUTCMonth(), dow: d.getUTCDay(), year: d.getUTCFullYear() };
}

/** A day start (Shanghai midnight, as epoch ms) drawn by month and weekday volume. */
export function drawDay(r: Rand, startMs: number, endMs: number): number {
  const first = Math.floor((startMs + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const days = Math.max(1, Math.ceil((endMs - first) / DAY));
  const maxW = Math.max(...MONTH_WEIGHT) * Math.max(...DOW_WEIGHT);
  for (let attempt = 0; attempt < 64; attempt++) {
    const day = first + Math.floor(r() * days) * DAY;
    const { month, dow } = localParts(day);
    if (r() * maxW < MONTH_WEIGHT[month] * DOW_WEIGHT[dow]) return day;
  }
  return first + Math.floor(r() * days) * DAY;
}

/** An instant on `day` within the range, by the channel's hours. */
export function drawInstant(r: Rand, day: number, channel: DemoChannel, startMs: number, endMs: number): number {
  for (let attempt = 0; attempt < 16; attempt++) {
    const hour = weighted(r, HOURS[channel]);
    const t = day + hour * 3_600_000 + Math.floor(r() * 3_600_000);
    if (t >= startMs && t <= endMs) return t;
  }
  return Math.min(endMs, Math.max(startMs, day + Math.floor(r() * DAY)));
}

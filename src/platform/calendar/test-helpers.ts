/** Test helpers: Shanghai wall-clock strings ⇄ epoch ms. */
import { localMs } from './local-time';

/** `at('2025-01-27 09:30')` → epoch ms of that Shanghai wall-clock time. */
export const at = (s: string): number => localMs(s.slice(0, 10), s.length > 10 ? s.slice(11) : '00:00');

/** Epoch ms → 'YYYY-MM-DD HH:MM' Shanghai, for readable assertions. */
export const fmt = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export const HOUR = 3_600_000;

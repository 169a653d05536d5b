/** Colours and texts for case states and clocks, shared by the list and the detail. */
import type { CasesKey, CasesT } from './i18n';

export const STATE_COLOURS: Record<string, string> = {
  draft: 'default',
  expired: 'default',
  pre_review: 'processing',
  submitted: 'processing',
  awaiting_correction: 'warning',
  accepted: 'blue',
  decided: 'success',
  delivered: 'success',
  rated: 'success',
  rejected: 'error',
  returned: 'error',
  withdrawn: 'default',
};

export const CLOCK_COLOURS: Record<string, string> = {
  running: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  paused: 'default',
  done_on_time: 'green',
  done_late: 'volcano',
};

/** The page's own label for a code, or the server's (Chinese) label when the page has none. */
export function labelOf(t: CasesT, prefix: string, code: string, fallback?: string): string {
  const key = `${prefix}.${code}` as CasesKey;
  const text = t(key);
  return text === key ? (fallback ?? code) : text;
}

/** States a case is still running its promised clock in. */
export const CLOCK_STATES = new Set(['submitted', 'accepted', 'awaiting_correction']);

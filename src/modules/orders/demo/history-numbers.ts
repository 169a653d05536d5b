/**
 * Business numbers of the demo history (工单号 `GC<yyyymmdd><5-digit sequence>`): the per-day
 * counts to reserve (history-generator.ts `reserveNumbers` adds them to `order_numbers`) and
 * the numbers handed out from each day's first reserved one, in time order.
 */
import { localDateKey } from '../../../platform/calendar';

/** The local (Asia/Shanghai) day of an instant as 'yyyymmdd'. */
export const dayKey = (ms: number) => localDateKey(ms).replace(/-/g, '');

/** Orders per local day, to reserve their numbers before building. */
export function dayCounts(instants: Iterable<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of instants) {
    const day = dayKey(t);
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

/** Hands out each day's numbers from `firstNumber(day)` (1 on an empty database). */
export class DayNumbers {
  private next = new Map<string, number>();

  constructor(private firstNumber: (day: string) => number) {}

  /** The number of the next order created at `ms`. */
  take(ms: number): string {
    const day = dayKey(ms);
    const seq = this.next.get(day) ?? this.firstNumber(day);
    this.next.set(day, seq + 1);
    return `GC${day}${String(seq).padStart(5, '0')}`;
  }
}

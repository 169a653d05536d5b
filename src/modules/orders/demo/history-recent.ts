/**
 * The demo history's memory of what came before: the recent orders of each category (a new
 * one may be a 重复件 of an order still open, and is merged into it) and a pool of people who
 * call again and again.
 */
import { OPEN_STATES, type OrderState } from '../model';
import type { OrderRow } from '../row';
import { pick, type Rand } from './demo-random';
import { mobile } from './history-phrases';

const WEEK = 7 * 86_400_000;

/** An order as a later duplicate sees it: where and what it was, and its states over time. */
export interface Recent {
  id: string;
  createdAt: number;
  base: Pick<OrderRow, 'title' | 'description' | 'address' | 'lng' | 'lat' | 'community_code' | 'grid_code'>;
  times: number[];
  states: OrderState[];
  final: OrderState;
}

export class RecentOrders {
  private recent = new Map<string, Recent[]>();
  private frequentCallers: string[];

  /** Draws the pool of frequent callers from `r`. */
  constructor(r: Rand) {
    this.frequentCallers = Array.from({ length: 1500 }, () => mobile(r));
  }

  /** A caller's phone: one call in eight is from someone who calls often. */
  callerPhone(r: Rand): string {
    return r() < 0.12 ? pick(r, this.frequentCallers) : mobile(r);
  }

  /** An open main order of the same category from the past week (重复件 are merged into it). */
  findMain(category: string, t: number): Recent | undefined {
    const list = this.recent.get(category);
    if (!list) return undefined;
    while (list.length && list[0].createdAt < t - WEEK) list.shift();
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.final === 'merged' || m.final === 'cancelled') continue;
      if (OPEN_STATES.includes(stateAt(m, t))) return m;
    }
    return undefined;
  }

  /** Keeps a built order (not a merged duplicate) for the duplicates after it. */
  remember(row: OrderRow, times: number[], states: OrderState[]): void {
    if (row.main_order_id || !row.category_code) return;
    const list = this.recent.get(row.category_code) ?? [];
    list.push({
      id: row.id,
      createdAt: Number(row.created_at),
      final: row.state as OrderState,
      times,
      states,
      base: {
        title: row.title,
        description: row.description,
        address: row.address,
        lng: row.lng,
        lat: row.lat,
        community_code: row.community_code,
        grid_code: row.grid_code,
      },
    });
    if (list.length > 400) list.shift();
    this.recent.set(row.category_code, list);
  }
}

/** The order's state at `t`. */
export function stateAt(m: Recent, t: number): OrderState {
  let s: OrderState = 'pending_dispatch';
  for (let i = 0; i < m.times.length && m.times[i] <= t; i++) s = m.states[i];
  return s;
}

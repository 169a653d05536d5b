/**
 * The unit to dispatch an order to by its routing suggestion: the route recorded at intake (the
 * `order.created` step), unless that unit has since given the order back or had it taken away
 * (退单 approved, 收回, 改派 away) — it is not offered the order again. The detail page's dialog
 * applies the same rule to the same steps.
 */
import type { Queryable } from '../../../platform/db/connect';
import type { OrderView } from '../contract';
import { suggestionEvents } from './suggested-unit.repo';

export interface SuggestionEvent {
  type: string;
  /** The step's data as stored (JSON text) or already parsed. */
  data: unknown;
}

export function suggestedUnit(events: readonly SuggestionEvent[]): string | null {
  let suggested: string | null = null;
  const handedBack = new Set<string>();
  for (const e of events) {
    const d = parse(e.data);
    if (e.type === 'order.created') {
      const route = d.route as { unitId?: unknown } | null | undefined;
      suggested = route && typeof route.unitId === 'string' ? route.unitId : null;
    } else if ((e.type === 'order.return_approved' || e.type === 'order.recalled') && typeof d.unitId === 'string') {
      handedBack.add(d.unitId);
    } else if (e.type === 'order.redispatched' && typeof d.fromUnitId === 'string') {
      handedBack.add(d.fromUnitId);
    }
  }
  return suggested && !handedBack.has(suggested) ? suggested : null;
}

function parse(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    try {
      const v = JSON.parse(data) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** List rows with `suggestedUnitId`/`Name` filled for the orders waiting for 分拨 (one query per page). */
export async function withSuggestedUnits(
  db: Queryable,
  unitName: (id: string | null) => string | null,
  views: OrderView[],
): Promise<OrderView[]> {
  const waiting = views.filter((v) => v.state === 'pending_dispatch').map((v) => v.id);
  if (!waiting.length) return views;
  const byOrder = new Map<string, SuggestionEvent[]>();
  for (const e of await suggestionEvents(db, waiting)) {
    const list = byOrder.get(e.order_id) ?? [];
    list.push(e);
    byOrder.set(e.order_id, list);
  }
  return views.map((v) => {
    if (v.state !== 'pending_dispatch') return v;
    const unitId = suggestedUnit(byOrder.get(v.id) ?? []);
    return { ...v, suggestedUnitId: unitId, suggestedUnitName: unitName(unitId) };
  });
}

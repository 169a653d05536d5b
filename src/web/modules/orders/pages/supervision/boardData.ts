/** Loading and grouping the orders of the supervision board (pure helpers + one loader). */
import { api } from '../../../../api';
import { type OrderPage, type OrderView } from '../../../../../modules/orders/contract';

export interface BoardData {
  orders: OrderView[];
  /** Some list reached the page limit: the board shows the first ones only. */
  truncated: boolean;
}

const LIMIT = 500;

/** Overdue, due-soon and supervised open orders, merged (an order may be in several lists). */
export async function loadBoard(signal: AbortSignal): Promise<BoardData> {
  const get = (q: Record<string, string | number | boolean>) =>
    api.get<OrderPage>('/api/orders', { open: true, limit: LIMIT, sort: 'deadline', ...q }, { signal });
  const lists = await Promise.all([get({ sla: 'overdue' }), get({ sla: 'due_soon' }), get({ supervised: true })]);
  const byId = new Map<string, OrderView>();
  for (const l of lists) for (const o of l.items) byId.set(o.id, o);
  return { orders: [...byId.values()], truncated: lists.some((l) => l.next !== null) };
}

export type BoardFilter = 'all' | 'overdue' | 'due_soon' | 'supervised';

export function matches(o: OrderView, f: BoardFilter): boolean {
  if (f === 'overdue') return o.slaStatus === 'overdue';
  if (f === 'due_soon') return o.slaStatus === 'due_soon';
  if (f === 'supervised') return o.supervisionLevel > 0;
  return true;
}

export function matchesText(o: OrderView, q: string): boolean {
  if (!q) return true;
  const s = q.trim().toLowerCase();
  return [o.number, o.title, o.address ?? '', o.categoryPath ?? ''].some((x) => x.toLowerCase().includes(s));
}

export interface UnitGroup {
  key: string;
  unitId: string | null;
  unitName: string | null;
  orders: OrderView[];
  overdue: number;
  dueSoon: number;
  supervised: number;
  maxLevel: number;
}

/** One group per unit, the most overdue first; inside, the most urgent deadline first. */
export function groupByUnit(orders: OrderView[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const o of orders) {
    const key = o.unitId ?? '-';
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        unitId: o.unitId,
        unitName: o.unitName,
        orders: [],
        overdue: 0,
        dueSoon: 0,
        supervised: 0,
        maxLevel: 0,
      };
      groups.set(key, g);
    }
    g.orders.push(o);
    if (o.slaStatus === 'overdue') g.overdue++;
    if (o.slaStatus === 'due_soon') g.dueSoon++;
    if (o.supervisionLevel > 0) g.supervised++;
    g.maxLevel = Math.max(g.maxLevel, o.supervisionLevel);
  }
  for (const g of groups.values()) g.orders.sort(byUrgency);
  return [...groups.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.dueSoon - a.dueSoon ||
      b.orders.length - a.orders.length ||
      (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh-CN'),
  );
}

const SLA_RANK = { overdue: 0, due_soon: 1, normal: 2 } as const;

export function byUrgency(a: OrderView, b: OrderView): number {
  return (
    SLA_RANK[a.slaStatus] - SLA_RANK[b.slaStatus] ||
    b.supervisionLevel - a.supervisionLevel ||
    (a.clock?.remainingMs ?? Infinity) - (b.clock?.remainingMs ?? Infinity) ||
    a.createdAt - b.createdAt
  );
}

/** What the demo history is built from (the map, the units, the rules, the calendar), and the rows it gives. */
import type { Areal } from '../../../platform/geo';
import type { DeadlineCalculator, PauseSpan } from '../model';
import type { RoutingRule } from '../routing/routing';
import type { UnitInfo } from '../deps';
import type { CategoryRow } from '../categories/categories';
import type { OrderRow } from '../row';
import type { EventRow } from './history-plan';

export interface HistoryArea {
  code: string;
  name: string;
  orgId: string | null;
  /** A grid's community. */
  parent?: string | null;
  geometry: Areal;
}

/** A demo user the history names in its timeline (null id when the database has no such user). */
export interface HistoryUser {
  id: string | null;
  name: string;
}

export interface HistoryInputs {
  now: number;
  seed: number;
  calc: DeadlineCalculator;
  /** Working ms between two instants, less paused spans (the calendar's own). */
  workingMsBetween(from: number, to: number, pauses: readonly PauseSpan[]): number;
  category(code: string | null): CategoryRow | undefined;
  units: readonly UnitInfo[];
  rules: readonly RoutingRule[];
  communities: readonly HistoryArea[];
  grids: readonly HistoryArea[];
  users: {
    dispatcher: HistoryUser;
    leader: HistoryUser;
    handler: HistoryUser & { unitCode: string };
    citizen: HistoryUser & { phone: string };
  };
}

export interface HistoryChunk {
  orders: OrderRow[];
  events: EventRow[];
}

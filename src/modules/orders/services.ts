/**
 * The orders module's services as its parts receive them (routes, SLA clocks, notifications, demo
 * data). A separate file from index.ts, which mounts those parts: with the interface there, every
 * part imported the file that imports it (an import cycle through the whole module).
 */
import type { Principal } from '../../platform/auth/principal';
import type { CategoryCache } from './categories/categories';
import type { ClassificationService } from './intake/classification';
import type { OrderHook, OrdersDeps, UnitDirectory } from './deps';
import type { OrderActions } from './actions/actions.service';
import type { OrderIntake } from './intake/intake.service';
import type { OrderQueries } from './queries/queries.service';
import type { findDuplicates } from './intake/duplicates';
import type { OrderLookups } from './queries/order.view';
import type { OrderMetrics } from './metrics/service';

export interface OrdersServices {
  deps: OrdersDeps;
  intake: OrderIntake;
  actions: OrderActions;
  queries: OrderQueries;
  categories: CategoryCache;
  classifier: ClassificationService;
  units: UnitDirectory;
  lookups: OrderLookups;
  /** 工单考核: figures, ranking, trend, monthly report (metrics/). */
  metrics: OrderMetrics;
  addHook(hook: OrderHook): void;
  reloadRules(): void;
  duplicatesOf(principal: Principal, id: string): ReturnType<typeof findDuplicates>;
}

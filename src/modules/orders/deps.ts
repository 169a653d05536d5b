import type { PlatformContext } from '../../platform/context';
import type { Principal } from '../../platform/auth/principal';
import type { Work } from '../../platform/transact';
import type { GeographyService } from '../geography';
import type { Directory } from '../identity/directory';
import type { CategoryCache } from './categories/categories';
import type { ClassificationService } from './intake/classification';
import type { DeadlineCalculator, OrderEvent } from './model';
import type { OrderRow } from './row';
import type { RoutingRule, UnitCandidate } from './routing/routing';

/** A step that happened to an order, for the hooks that react inside the same transaction. */
export interface OrderChange {
  before: OrderRow | null;
  after: OrderRow;
  event: OrderEvent;
  actor: Principal | null;
}

/**
 * Reactions to an order change that must commit with it: SLA jobs, notifications, merged
 * duplicates following their main order. Registered by the module's parts at mount.
 */
export type OrderHook = (w: Work, change: OrderChange) => Promise<void>;

export interface UnitInfo extends UnitCandidate {
  name: string;
  path: string;
}

/** Organisations seen by the orders module (units that hold orders), cached and refreshed on change. */
export class UnitDirectory {
  private byId = new Map<string, UnitInfo>();

  constructor(private directory: Directory) {}

  async load(): Promise<void> {
    const orgs = await this.directory.orgs();
    this.byId = new Map(orgs.map((o) => [o.id, o]));
  }

  get(id: string | null | undefined): UnitInfo | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  name(id: string | null | undefined): string | null {
    return this.get(id)?.name ?? null;
  }

  all(): UnitInfo[] {
    return [...this.byId.values()];
  }

  /** Ids of the organisations at or below `path` (a data scope). */
  idsUnder(path: string): string[] {
    return this.all()
      .filter((u) => u.path.startsWith(path))
      .map((u) => u.id);
  }
}

export interface OrdersDeps {
  p: PlatformContext;
  /** identity's organisations and users. */
  directory: Directory;
  geo: GeographyService;
  categories: CategoryCache;
  classifier: ClassificationService;
  deadlines: DeadlineCalculator;
  units: UnitDirectory;
  hooks: OrderHook[];
  rules(): Promise<RoutingRule[]>;
}

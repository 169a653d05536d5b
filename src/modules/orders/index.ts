/** orders (一网统管): citizen requests as work orders — intake, routing, lifecycle, clocks, timeline. */
import type { PlatformContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { MountedModule } from '../../platform/module';
import type { GeographyService } from '../geography';
import type { Directory } from '../identity/directory';
import { CategoryCache, ensureCategories } from './categories/categories';
import { ClassificationService } from './intake/classification';
import { deadlineCalculator } from './actions/deadlines';
import { UnitDirectory, type OrderHook, type OrdersDeps } from './deps';
import { OrderActions } from './actions/actions.service';
import { OrderIntake } from './intake/intake.service';
import { OrderQueries } from './queries/queries.service';
import { assertCanSee } from './actions/actor';
import { findDuplicates } from './intake/duplicates';
import type { RoutingRule } from './routing/routing';
import type { OrderLookups } from './queries/order.view';
import { orderRoutes } from './routes';
import { phraseRoutes } from './phrases/phrases.routes';
import { batchActionRoutes } from './actions/batch.routes';
import { categoryRoutes } from './categories/categories.routes';
import { routingRoutes } from './routing/routing.routes';
import { classifierRoutes } from './classifier/classifier.routes';
import { mountOrderMetrics } from './metrics/service';
import { orderMetricsRoutes } from './metrics/routes';
import { wechatRoutes } from './wechat/wechat.routes';
import { installSla } from './sla';
import { installNotifications } from './notifications';
import { findOrder } from './orders.repo';
import { listRules } from './routing/routing.repo';
import { incomingCallRoutes, incomingCallVisible } from './hotline/incoming-call';
import { INCOMING_CALL_ENTITY } from './hotline/hotline.contract';
import { ordersAuditSubjects } from './audit-subjects';

export { CHANNELS, type NewOrderInput } from './intake/intake.service';
export type { OrderHook, OrderChange } from './deps';
export type { OrdersServices } from './services';
import type { OrdersServices } from './services';

export async function mountOrders(
  p: PlatformContext,
  geo: GeographyService,
  directory: Directory,
): Promise<MountedModule<OrdersServices>> {
  await ensureCategories(p.db);
  const categories = new CategoryCache();
  await categories.load(p.db);
  const classifier = new ClassificationService(p);
  await classifier.load();
  const units = new UnitDirectory(directory);
  await units.load();
  let rulesCache: RoutingRule[] | null = null;
  const hooks: OrderHook[] = [];
  const deps: OrdersDeps = {
    p,
    geo,
    directory,
    categories,
    classifier,
    units,
    hooks,
    deadlines: deadlineCalculator(p.calendar, categories),
    rules: async () => {
      rulesCache ??= (await listRules(p.db)).map((r) => ({
        id: r.id,
        categoryPrefix: r.category_prefix,
        communityCode: r.community_code,
        unitId: r.unit_id,
        autoDispatch: !!r.auto_dispatch,
        minConfidence: Number(r.min_confidence),
        priority: Number(r.priority),
      }));
      return rulesCache;
    },
  };
  // other nodes (and this one) refresh their caches when the configuration changes
  p.events.subscribe((e) => {
    if (e.type.startsWith('org.') || e.type === 'identity.changed') void units.load();
    if (e.type === 'orders.rules_changed') rulesCache = null;
    if (e.type === 'orders.categories_changed') void categories.load(p.db);
    if (e.type === 'orders.classifier_retrained')
      void classifier.load(typeof e.data.modelId === 'string' ? e.data.modelId : undefined);
  });
  const metrics = mountOrderMetrics(deps);
  const lookups: OrderLookups = {
    unitName: (id) => units.name(id),
    categoryPath: (code) => categories.pathName(code),
    workingMsBetween: (a, b, pauses) => (b <= a ? 0 : p.calendar.workingMsBetween(a, b, pauses)),
  };
  const actions = new OrderActions(deps);
  const intake = new OrderIntake(deps, actions, lookups);
  const queries = new OrderQueries(deps, actions, lookups);
  const mod: OrdersServices = {
    deps,
    intake,
    actions,
    queries,
    categories,
    classifier,
    units,
    lookups,
    metrics,
    addHook: (h) => hooks.push(h),
    reloadRules: () => {
      rulesCache = null;
    },
    async duplicatesOf(principal, id) {
      const row = await findOrder(p.db, id);
      if (!row) throw notFound('order');
      assertCanSee(principal, row, units);
      const point =
        row.lng === null || row.lat === null ? null : ([Number(row.lng), Number(row.lat)] as [number, number]);
      return findDuplicates(p.db, {
        point,
        communityCode: row.community_code,
        text: `${row.title} ${row.description}`,
        now: Number(row.created_at) + 1,
        excludeId: row.id,
        address: row.address,
        categoryCode: row.category_code,
      });
    },
  };
  // SLA clocks (jobs planned by a hook) and the notifications outbox (a hook and a delivery job)
  const sla = installSla(mod);
  const notifications = installNotifications(mod);
  return {
    name: 'orders',
    api: mod,
    /** Events about orders reach only those whose data scope holds the order's unit. */
    liveFilter: {
      entityTypes: ['order', INCOMING_CALL_ENTITY],
      visible: (event, principal) => {
        // 来电弹屏: a ringing call is the one agent's it rings for
        if (event.entityType === INCOMING_CALL_ENTITY) return incomingCallVisible(event, principal);
        if (principal.allScope) return true;
        const unit = units.get(event.data.unitId as string | undefined);
        return !!unit && !!principal.orgPath && unit.path.startsWith(principal.orgPath);
      },
    },
    /** The audit log shows and finds orders by 工单号. */
    auditSubjects: ordersAuditSubjects(p),
    /** Attachments belong to orders: who uploads them (whoever may register one), who sees them all (readers). */
    files: { upload: 'orders.create', readAll: 'orders.read' },
    routes(app) {
      orderRoutes(app, mod);
      phraseRoutes(app, mod);
      batchActionRoutes(app, mod);
      categoryRoutes(app, mod);
      routingRoutes(app, mod);
      classifierRoutes(app, mod);
      orderMetricsRoutes(app, metrics);
      wechatRoutes(app, mod);
      incomingCallRoutes(app, mod);
      sla.routes(app);
      notifications.routes(app);
    },
  };
}

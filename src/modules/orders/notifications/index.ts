/** Notifications to citizens and units: outbox hook, delivery job, list API. */
import type { Http } from '../../../platform/http';
import type { OrdersServices } from '../services';
import { adaptersFromConfig, type DeliveryAdapter } from './adapters';
import { DELIVER_JOB, deliveryHandler, notificationHook } from './outbox';
import { mergedFollowMainHook } from './merged';
import { notificationRoutes } from './routes';
import { unitNoticeRoutes } from './unit-notices';

export { DELIVER_JOB, DELIVERY_ATTEMPTS } from './outbox';

/** Registers the hook and the delivery job; returns the routes to mount. */
export function installNotifications(mod: OrdersServices, adapterFor?: (channel: string) => DeliveryAdapter) {
  const p = mod.deps.p;
  mod.addHook(notificationHook(mod.deps));
  mod.addHook(mergedFollowMainHook());
  p.jobs.register(DELIVER_JOB, deliveryHandler(mod.deps, adapterFor ?? adaptersFromConfig(p.config)));
  return {
    routes: (app: Http) => {
      notificationRoutes(app, mod);
      unitNoticeRoutes(app, mod);
    },
  };
}

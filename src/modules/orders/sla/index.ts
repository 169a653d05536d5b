/** SLA clocks of work orders: 临期/超期 raised by jobs, automatic 催办/督办, the rules' admin API. */
import type { Http } from '../../../platform/http';
import type { OrdersServices } from '../services';
import { registerSlaJobs } from './sla-jobs';
import { slaRoutes } from './routes';

export { DEFAULT_SLA_RULES, SLA_JOB, type SlaRules, type EscalationStep } from './sla-rules';

/** Registers the hook and the job handlers; returns the routes to mount. */
export function installSla(mod: OrdersServices) {
  registerSlaJobs(mod);
  return { routes: (app: Http) => slaRoutes(app, mod) };
}

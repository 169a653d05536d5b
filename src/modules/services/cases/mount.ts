/** The cases part of the services module: its service, queries, routes and jobs. */
import type { PlatformContext } from '../../../platform/context';
import type { Http } from '../../../platform/http';
import type { OrgLookup } from '../org-check';
import { CaseQueries } from './cases.queries';
import { caseRoutes } from './cases.routes';
import { CasesService } from './cases.service';
import { registerCaseJobs } from './clocks';
import { queueRoutes } from './queues.routes';
import { CaseQueues } from './queues.service';

export interface CasesPart {
  cases: CasesService;
  queries: CaseQueries;
  routes(app: Http): void;
}

export function mountCases(p: PlatformContext, orgs: OrgLookup): CasesPart {
  const cases = new CasesService(p, orgs);
  const queries = new CaseQueries(p, orgs);
  registerCaseJobs(p);
  const queues = new CaseQueues(p, orgs);
  return {
    cases,
    queries,
    routes: (app) => {
      queueRoutes(app, queues); // static paths (queues/…, lookup) before the :id ones
      caseRoutes(app, cases, queries, p.config.publicTrackLimit);
    },
  };
}

/** The window's and the department's queues, and the ID-number lookup of earlier cases (audited). */
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { auditContext } from '../../../platform/request-context';
import { PERM_ACCEPT, PERM_READ, PERM_REVIEW } from './actor';
import { DepartmentQueueQuery, LookupBody, LookupResult, QueueList, WindowQueueQuery } from './queues.contract';
import { CaseNoQuery } from './cases.contract';
import type { CaseQueues } from './queues.service';

const tags = ['services'];

export function queueRoutes(app: Http, q: CaseQueues) {
  app.get(
    '/api/services/cases/queues/window',
    {
      config: { permission: PERM_ACCEPT },
      schema: {
        tags,
        summary: '窗口队列：预审、待受理、待补正、待送达 / a window’s queues',
        querystring: WindowQueueQuery,
        response: { 200: QueueList },
      },
    },
    async (req) => q.window(requirePrincipal(req), req.query),
  );

  app.get(
    '/api/services/cases/queues/department',
    {
      config: { permission: PERM_REVIEW },
      schema: {
        tags,
        summary: '部门审查队列（含时限：已用、剩余、即将超期、已超期）/ a department’s queue with clocks',
        querystring: DepartmentQueueQuery,
        response: { 200: QueueList },
      },
    },
    async (req) => q.department(requirePrincipal(req), req.query),
  );

  app.post(
    '/api/services/cases/lookup',
    {
      // the ID number goes in the body (not the URL, which access logs keep); every lookup is audited
      config: { permission: PERM_READ },
      schema: {
        tags,
        summary: '按身份证号查询申请人以往办件（脱敏，留痕）/ an applicant’s earlier cases by ID number (audited)',
        querystring: CaseNoQuery,
        body: LookupBody,
        response: { 200: LookupResult },
      },
    },
    async (req) => q.lookup(requirePrincipal(req), auditContext(req), req.body.idNo),
  );
}

/**
 * 来电弹屏: the phone system tells us a call rings on an extension; the agent logged in with that
 * extension gets a live event (their hotline page offers 接听登记 with the number filled in).
 * The event goes through the outbox like every other, so it reaches the agent on any node.
 */
import type { AuditContext } from '../../../platform/audit';
import { badRequest } from '../../../platform/errors';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import type { LiveFilter } from '../../../platform/live';
import { maskPhone } from '../../identity/pii';
import { isValidPhone, normalisePhone } from '../lists.contract';
import type { OrdersServices } from '../services';
import {
  INCOMING_CALL_ENTITY,
  INCOMING_CALL_EVENT,
  IncomingCallBody,
  IncomingCallResult,
  type IncomingCallEventData,
} from './hotline.contract';

export async function announceIncomingCall(
  m: OrdersServices,
  ctx: AuditContext,
  input: IncomingCallBody,
): Promise<IncomingCallResult> {
  if (!isValidPhone(input.number))
    throw badRequest(
      'invalid_phone',
      `主叫号码“${input.number}”无效 / the calling number "${input.number}" is not a phone number`,
      { field: 'number' },
    );
  const number = normalisePhone(input.number);
  const agent = await m.deps.directory.userByExtension(input.extension);
  if (!agent) return { delivered: false, number };
  const data: IncomingCallEventData = { number, extension: input.extension };
  await m.deps.p.transact(ctx, async (w) => {
    w.audit({
      action: 'hotline.incoming_call',
      entityType: 'user',
      entityId: agent.id,
      after: { number: maskPhone(number), extension: input.extension },
    });
    w.emit({ type: INCOMING_CALL_EVENT, entityType: INCOMING_CALL_ENTITY, entityId: agent.id, data: { ...data } });
  });
  return { delivered: true, number };
}

/** A call is shown to the one user it rings for, nobody else (not even street-wide roles). */
export const incomingCallVisible: LiveFilter['visible'] = (event, principal) =>
  principal.kind === 'user' && event.entityId === principal.id;

export function incomingCallRoutes(app: Http, m: OrdersServices) {
  app.post(
    '/api/hotline/incoming-call',
    {
      config: { permission: 'hotline.callerid' },
      schema: {
        tags: ['orders'],
        summary:
          '来电弹屏（电话系统调用，API 密钥）/ caller-ID hook: show a ringing call to the agent on that extension',
        body: IncomingCallBody,
        response: { 200: IncomingCallResult },
      },
    },
    async (req) => announceIncomingCall(m, auditContext(req), req.body),
  );
}

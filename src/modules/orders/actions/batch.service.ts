/**
 * 批量操作: several orders' actions, each through OrderActions.perform — its own transaction, with
 * its own permission and scope checks, timeline, audit row and event — so one refused order leaves
 * the others done. The outcome of each item is reported in the order sent.
 */
import type { Principal } from '../../../platform/auth/principal';
import type { AuditContext } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import type { OrdersServices } from '../services';
import type { OrderAction } from '../model';
import type { OrderState } from '../lists.contract';
import { findOrder } from '../orders.repo';
import { canSee } from './actor';
import type { ActionExtras } from './actions.service';
import type { BatchActionResult, BatchItemResult } from './batch.contract';

/** One checked item: the order, the state machine's action, and the extras perform takes. */
export interface BatchStep {
  id: string;
  action: OrderAction;
  extras: ActionExtras;
}

export async function performBatch(
  m: OrdersServices,
  principal: Principal,
  ctx: AuditContext,
  steps: readonly BatchStep[],
): Promise<BatchActionResult> {
  const items: BatchItemResult[] = [];
  // one after another: each commit is short, and a later item sees what an earlier one changed
  for (const step of steps) {
    try {
      const after = await m.actions.perform(principal, ctx, step.id, step.action, step.extras);
      items.push({ id: step.id, ok: true, orderNo: after.number, state: after.state as OrderState });
    } catch (e) {
      items.push({ id: step.id, ok: false, ...(await visibleOrder(m, principal, step.id)), error: errorOf(m, e) });
    }
  }
  const succeeded = items.filter((r) => r.ok).length;
  return { items, succeeded, failed: items.length - succeeded };
}

/** The refused order's number and state as it stands — only when it exists and the caller may see it. */
async function visibleOrder(m: OrdersServices, principal: Principal, id: string) {
  const row = await findOrder(m.deps.p.db, id);
  if (!row || !canSee(principal, row, m.units)) return {};
  return { orderNo: row.number, state: row.state as OrderState };
}

function errorOf(m: OrdersServices, e: unknown): { code: string; message: string } {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  // a fault of ours, not the caller's: logged, and reported for this item only (the others stand)
  m.deps.p.logger.error({ err: e }, 'batch action item failed');
  return { code: 'internal_error', message: '处理该工单时出错，请重试 / this order could not be processed; retry' };
}

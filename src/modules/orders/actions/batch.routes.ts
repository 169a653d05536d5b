/** POST /api/orders/actions/batch: per-order actions in one request (批量签收、审核、催办、分拨). */
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { auditContext } from '../../../platform/request-context';
import { AppError, badRequest } from '../../../platform/errors';
import type { OrdersServices } from '../services';
import { toAction } from '../routes';
import { BATCH_MAX_ITEMS, BatchActionBody, BatchActionResult, type BatchActionItem } from './batch.contract';
import { performBatch, type BatchStep } from './batch.service';

/**
 * The whole body is checked first — each order at most once, each item's action complete — so a
 * malformed request is a 400 and changes nothing; then every item runs, refused ones reported.
 */
export function stepsOf(items: readonly BatchActionItem[]): BatchStep[] {
  const seen = new Set<string>();
  return items.map(({ id, ...body }, i) => {
    if (seen.has(id)) throw badRequest('duplicate_order', `items[${i}]: order ${id} is listed twice`, { index: i });
    seen.add(id);
    try {
      return { id, action: toAction(body), extras: { note: body.note, categoryCode: body.categoryCode } };
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.status, e.code, `items[${i}]: ${e.message}`, { index: i });
      throw e;
    }
  });
}

export function batchActionRoutes(app: Http, m: OrdersServices) {
  app.post(
    '/api/orders/actions/batch',
    {
      // as the per-order route: each item's action checks its own permission and data scope
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: `批量操作（每单一项，逐单执行，最多 ${BATCH_MAX_ITEMS} 单）/ per-order actions in one request; per-item results`,
        body: BatchActionBody,
        response: { 200: BatchActionResult },
      },
    },
    async (req) => {
      const steps = stepsOf(req.body.items);
      return performBatch(m, requirePrincipal(req), auditContext(req), steps);
    },
  );
}

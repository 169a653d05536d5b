/**
 * POST /api/orders/actions/batch: several orders' actions in one request, each order its own item
 * (its own unit when dispatching), each performed in its own transaction. Imports only contracts.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { OneOf } from '../../../platform/contract';
import { ORDER_STATES } from '../lists.contract';
import { ActionBody } from '../requests.contract';

/** The most items one batch takes (a workbench page holds up to 500 rows: the web sends them in chunks). */
export const BATCH_MAX_ITEMS = 200;

/** One order's action: its id and the fields of POST /api/orders/:id/actions. */
export const BatchActionItem = T.Object(
  { id: T.String({ minLength: 1, maxLength: 64 }), ...ActionBody.properties },
  { additionalProperties: false },
);
export type BatchActionItem = Static<typeof BatchActionItem>;

export const BatchActionBody = T.Object(
  {
    items: T.Array(BatchActionItem, {
      minItems: 1,
      maxItems: BATCH_MAX_ITEMS,
      description: `1–${BATCH_MAX_ITEMS} items, each order at most once`,
    }),
  },
  { additionalProperties: false },
);
export type BatchActionBody = Static<typeof BatchActionBody>;

/** The outcome of one item, in the order sent: the order's number and state after it, or why it was refused. */
export const BatchItemResult = T.Object({
  id: T.String(),
  ok: T.Boolean(),
  /** 工单号 (on a refusal too, when the order exists and is in the caller's scope). */
  orderNo: T.Optional(T.String()),
  state: T.Optional(OneOf(ORDER_STATES)),
  error: T.Optional(T.Object({ code: T.String(), message: T.String() })),
});
export type BatchItemResult = Static<typeof BatchItemResult>;

/** 200 even when some items were refused; a malformed body is a 400 and nothing is done. */
export const BatchActionResult = T.Object({
  items: T.Array(BatchItemResult),
  succeeded: T.Number(),
  failed: T.Number(),
});
export type BatchActionResult = Static<typeof BatchActionResult>;

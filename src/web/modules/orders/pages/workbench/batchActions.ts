/**
 * The batch actions of the workbenches: which action each sends, which selected orders it applies
 * to (and why the others are skipped), and what each order's item carries. The server decides in
 * the end (each item is the per-order action, its refusal reported); this only says beforehand.
 */
import type { MessageKey } from '../../../../i18n';
import {
  BATCH_MAX_ITEMS,
  UNIT_STATES,
  type ActionType,
  type BatchActionItem,
  type OrderState,
  type OrderView,
} from '../../../../../modules/orders/contract';

export type BatchKind = 'dispatch' | 'dispatch-suggested' | 'sign' | 'approve-reply' | 'urge';

/** What the dialog collects before it runs. */
export interface BatchValues {
  unitId?: string;
  note?: string;
}

export interface BatchActionDef {
  kind: BatchKind;
  type: ActionType;
  /** The button above the table: `{n}` = selected orders it applies to. */
  buttonKey: MessageKey;
  /** The orders' states it applies in. */
  states: readonly OrderState[];
  /** Beyond the state: why an order is skipped, or null. */
  skip?: (o: OrderView) => MessageKey | null;
  /** The dialog asks for one unit for all (分拨) / a note it cannot run without (催办). */
  needsUnit?: boolean;
  needsNote?: boolean;
  item: (o: OrderView, v: BatchValues) => BatchActionItem;
}

const note = (v: BatchValues) => v.note?.trim() || undefined;

export const BATCH_ACTIONS: Record<BatchKind, BatchActionDef> = {
  dispatch: {
    kind: 'dispatch',
    type: 'dispatch',
    buttonKey: 'orders.batch.button.dispatch',
    states: ['pending_dispatch'],
    needsUnit: true,
    item: (o, v) => ({ id: o.id, type: 'dispatch', unitId: v.unitId, note: note(v) }),
  },
  'dispatch-suggested': {
    kind: 'dispatch-suggested',
    type: 'dispatch',
    buttonKey: 'orders.batch.button.dispatch-suggested',
    states: ['pending_dispatch'],
    skip: (o) => (o.suggestedUnitId ? null : 'orders.batch.skip.noSuggestion'),
    item: (o, v) => ({ id: o.id, type: 'dispatch', unitId: o.suggestedUnitId ?? undefined, note: note(v) }),
  },
  sign: {
    kind: 'sign',
    type: 'sign',
    buttonKey: 'orders.batch.button.sign',
    states: ['pending_sign'],
    skip: (o) =>
      o.suspended ? 'orders.batch.skip.suspended' : o.returnRequest ? 'orders.batch.skip.returnPending' : null,
    item: (o, v) => ({ id: o.id, type: 'sign', note: note(v) }),
  },
  'approve-reply': {
    kind: 'approve-reply',
    type: 'approve_reply',
    buttonKey: 'orders.batch.button.approve-reply',
    states: ['pending_review'],
    item: (o, v) => ({ id: o.id, type: 'approve_reply', note: note(v) }),
  },
  urge: {
    kind: 'urge',
    type: 'urge',
    buttonKey: 'orders.batch.button.urge',
    states: UNIT_STATES,
    needsNote: true,
    item: (o, v) => ({ id: o.id, type: 'urge', note: note(v) }),
  },
};

/** Why the action skips this order (its state first), or null when it applies. */
export function skipReason(def: BatchActionDef, o: OrderView): MessageKey | null {
  if (!def.states.includes(o.state)) return 'orders.batch.skip.state';
  return def.skip?.(o) ?? null;
}

export const appliesTo = (def: BatchActionDef, o: OrderView) => skipReason(def, o) === null;

/** Items in requests of at most BATCH_MAX_ITEMS each. */
export function chunks<T>(items: readonly T[], size = BATCH_MAX_ITEMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

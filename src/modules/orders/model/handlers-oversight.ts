/** 催办、督办、合并、撤销、归档: the centre's oversight and endings. */
import { notSuspended, refuse, requireText } from './guards';
import { describeState, isOrderState } from './states';
import { type SupervisionLevel } from './types';
import { type Handlers, ok, first, optionalText } from './transition-context';

export const oversightHandlers: Handlers<'urge' | 'supervise' | 'merge' | 'cancel' | 'archive'> = {
  urge(c, a) {
    const o = c.order;
    return ok(
      c,
      { urgeCount: o.urgeCount + 1, lastUrgedAt: c.now },
      { unitId: o.unitId, note: optionalText(a.note), urgeCount: o.urgeCount + 1 },
    );
  },

  supervise(c, a) {
    const o = c.order;
    const bad = first(
      o.supervisionLevel >= 3
        ? refuse('supervision_max', '督办已是最高级别 / supervision is already at the highest level (3)')
        : null,
      requireText(a.note, 'note'),
    );
    if (bad) return bad;
    const level = (o.supervisionLevel + 1) as SupervisionLevel;
    return ok(c, { supervisionLevel: level }, { unitId: o.unitId, level, note: a.note });
  },

  merge(c, a) {
    const o = c.order;
    const bad = first(notSuspended(o, c.type), requireText(a.mainOrderId, 'mainOrderId'));
    if (bad) return bad;
    if (a.mainOrderState === undefined || a.mainOrderState === null)
      return refuse('missing_field', '缺少主单状态 / mainOrderState is required');
    if (!isOrderState(a.mainOrderState))
      return refuse('invalid_input', `未知的主单状态 / unknown mainOrderState ${JSON.stringify(a.mainOrderState)}`);
    if (a.mainOrderId === o.id)
      return refuse('merge_into_self', '不能合并到自身 / an order cannot be merged into itself');
    if (a.mainOrderState === 'merged' || a.mainOrderState === 'cancelled') {
      return refuse(
        'invalid_main_order',
        `主单为${describeState(a.mainOrderState)}，不能作为主单 / cannot merge into an order that is ${a.mainOrderState}`,
      );
    }
    return ok(
      c,
      {
        state: 'merged',
        mergedInto: a.mainOrderId,
        clockStoppedAt: c.now,
        returnRequest: null,
        extensionRequest: null,
      },
      { mainOrderId: a.mainOrderId, unitId: o.unitId },
    );
  },

  cancel(c, a) {
    const bad = first(notSuspended(c.order, c.type), requireText(a.reason, 'reason'));
    if (bad) return bad;
    return ok(
      c,
      { state: 'cancelled', cancelledAt: c.now, clockStoppedAt: c.now, returnRequest: null, extensionRequest: null },
      { reason: a.reason, byCitizen: !c.actor.roles.includes('dispatcher') },
    );
  },

  archive(c) {
    return ok(c, { state: 'archived', archivedAt: c.now });
  },
};

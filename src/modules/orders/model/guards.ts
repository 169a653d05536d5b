/** Refusals and the checks every action goes through: role → data scope → state. */
import { ACTION_RULES, type ActionType } from './actions';
import { describeState, type OrderState } from './states';
import type { Actor, OrderSnapshot, Role } from './types';

export const REFUSAL_STATUS = {
  role_not_allowed: 403,
  out_of_scope: 403,
  invalid_state: 409,
  suspended: 409,
  already_suspended: 409,
  not_suspended: 409,
  return_pending: 409,
  no_return_request: 409,
  bounce_limit_reached: 409,
  extension_pending: 409,
  no_extension_request: 409,
  deadline_passed: 409,
  no_deadline: 409,
  supervision_max: 409,
  invalid_main_order: 409,
  missing_field: 400,
  invalid_input: 400,
  merge_into_self: 400,
  same_unit: 400,
} as const satisfies Record<string, 400 | 403 | 409>;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

export interface Refusal {
  ok: false;
  status: 403 | 409 | 400;
  code: RefusalCode;
  reason: string;
}

export function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, status: REFUSAL_STATUS[code], code, reason };
}

const actionName = (type: ActionType) => `「${ACTION_RULES[type].label.zh}」(${type})`;

/** Roles whose reach is limited to some orders; every other role may act on any order. */
const SCOPE_CHECKS: Partial<Record<Role, (order: OrderSnapshot, actor: Actor) => boolean>> = {
  handler: (order, actor) => order.unitId !== null && (actor.orgIds ?? []).includes(order.unitId),
  citizen: (order, actor) => order.reporterId !== null && order.reporterId === actor.userId,
};

/**
 * Role, then data scope, then state — in that order, so a caller outside the order's scope
 * learns nothing about its state. Returns null when the action may proceed to its own checks.
 */
export function checkAccess(order: OrderSnapshot, type: ActionType, actor: Actor): Refusal | null {
  const rule = ACTION_RULES[type];
  const permitted = rule.roles.filter((r) => actor.roles.includes(r));
  if (permitted.length === 0) {
    return refuse(
      'role_not_allowed',
      `角色无权${actionName(type)} / role may not ${type} (needs ${rule.roles.join(' or ')})`,
    );
  }
  const inScope = permitted.filter((r) => SCOPE_CHECKS[r]?.(order, actor) ?? true);
  if (inScope.length === 0) {
    return refuse('out_of_scope', `工单不在您的数据范围内 / order ${order.id} is outside your data scope`);
  }
  const states = new Set<OrderState>(inScope.flatMap((r) => rule.statesByRole?.[r] ?? rule.states));
  if (!states.has(order.state)) {
    return refuse(
      'invalid_state',
      `工单当前为${describeState(order.state)}，不能${actionName(type)} / cannot ${type} an order in state ${order.state}`,
    );
  }
  return null;
}

export function notSuspended(order: OrderSnapshot, type: ActionType): Refusal | null {
  return order.suspended
    ? refuse('suspended', `工单已挂起，请先恢复再${actionName(type)} / order is suspended; resume it before ${type}`)
    : null;
}

export function noReturnPending(order: OrderSnapshot, type: ActionType): Refusal | null {
  return order.returnRequest
    ? refuse(
        'return_pending',
        `退单申请待中心审核，暂不能${actionName(type)} / a return request awaits the centre; cannot ${type}`,
      )
    : null;
}

/** 400 unless `value` is a non-blank string. */
export function requireText(value: unknown, field: string): Refusal | null {
  return typeof value === 'string' && value.trim() !== ''
    ? null
    : refuse('missing_field', `缺少必填项 ${field} / ${field} is required`);
}

export const isInstant = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** 延期 moves a deadline at most this far past the current one: anything later is a typo. */
export const MAX_EXTENSION_MS = 366 * 86_400_000;

/**
 * A new 办结时限 given as an instant (asked for or granted): an integer instant later than the
 * current deadline and than now, and at most MAX_EXTENSION_MS past the current deadline.
 */
export function checkNewDeadline(value: unknown, current: number | null, now: number, what: string): Refusal | null {
  const floor = Math.max(current ?? now, now);
  if (!isInstant(value) || !Number.isSafeInteger(value) || value <= floor) {
    return refuse(
      'invalid_input',
      `${what}须晚于当前办结时限和当前时间 / newDeadline must be later than the current deadline and now`,
    );
  }
  if (value > floor + MAX_EXTENSION_MS) {
    return refuse(
      'invalid_input',
      `${what}最多比当前办结时限晚一年 / newDeadline may be at most a year after the current deadline`,
    );
  }
  return null;
}

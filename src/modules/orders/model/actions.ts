/** What can be done to a work order, who may do it and in which states. */
import type { OrderState } from './states';
import type { OrderSnapshot, Role, VisitResult } from './types';

export type OrderAction =
  | { type: 'dispatch'; unitId: string }
  | { type: 'direct_reply'; reply: string }
  | { type: 'sign' }
  | { type: 'request_return'; reason: string }
  | { type: 'approve_return'; note?: string }
  | { type: 'reject_return'; reason: string }
  /** 改派: the centre moves the order from the unit holding it to another one. */
  | { type: 'redispatch'; unitId: string; reason: string }
  /** 收回: the centre takes the order back from the unit, to dispatch it again. */
  | { type: 'recall'; reason: string }
  /** Exactly one of newDeadline / addWorkingDays (counted from the current deadline). */
  | { type: 'request_extension'; reason: string; newDeadline?: number; addWorkingDays?: number }
  /** newDeadline overrides what was asked (e.g. the centre grants less). */
  | { type: 'approve_extension'; newDeadline?: number; note?: string }
  | { type: 'reject_extension'; reason: string }
  | { type: 'suspend'; reason: string }
  | { type: 'resume'; note?: string }
  | { type: 'urge'; note?: string }
  | { type: 'supervise'; note: string }
  | { type: 'contact'; method?: string; note?: string }
  | { type: 'submit_reply'; reply: string }
  | { type: 'approve_reply'; note?: string }
  | { type: 'reject_reply'; reason: string }
  | { type: 'visit'; result: VisitResult; note?: string }
  | { type: 'archive' }
  /** mainOrderState: the main order's current state, looked up by the caller. */
  | { type: 'merge'; mainOrderId: string; mainOrderState: OrderState }
  | { type: 'cancel'; reason: string };

export type ActionType = OrderAction['type'];
export type ActionOf<T extends ActionType> = Extract<OrderAction, { type: T }>;

export interface ActionRule {
  label: { zh: string; en: string };
  /** Roles that may take the action at all. */
  roles: readonly Role[];
  /** States in which it may be taken... */
  states: readonly OrderState[];
  /** ...unless narrowed for one role (a citizen may cancel only before dispatch). */
  statesByRole?: Partial<Record<Role, readonly OrderState[]>>;
  /** Domain event type emitted on success. */
  event: string;
}

const UNIT: readonly OrderState[] = ['pending_sign', 'handling'];
const OPEN: readonly OrderState[] = ['pending_dispatch', 'pending_sign', 'handling', 'pending_review', 'pending_visit'];
const CENTRE: readonly Role[] = ['dispatcher'];
const OVERSIGHT: readonly Role[] = ['dispatcher', 'leader', 'system'];

/**
 * The one table of who-may-what. `admin` holds no work-order action on purpose (系统管理员 manages
 * the system, not the cases); give an admin the dispatcher role too if one person does both.
 */
export const ACTION_RULES: { readonly [K in ActionType]: ActionRule } = {
  dispatch: {
    label: { zh: '分拨', en: 'dispatch' },
    roles: ['dispatcher', 'system'],
    states: ['pending_dispatch'],
    event: 'order.dispatched',
  },
  direct_reply: {
    label: { zh: '直接答复', en: 'direct reply' },
    roles: CENTRE,
    states: ['pending_dispatch'],
    event: 'order.direct_replied',
  },
  sign: { label: { zh: '签收', en: 'sign for' }, roles: ['handler'], states: ['pending_sign'], event: 'order.signed' },
  request_return: {
    label: { zh: '退单申请', en: 'request return' },
    roles: ['handler'],
    states: UNIT,
    event: 'order.return_requested',
  },
  approve_return: {
    label: { zh: '同意退单', en: 'approve return' },
    roles: CENTRE,
    states: UNIT,
    event: 'order.return_approved',
  },
  reject_return: {
    label: { zh: '驳回退单', en: 'reject return' },
    roles: CENTRE,
    states: UNIT,
    event: 'order.return_rejected',
  },
  redispatch: {
    label: { zh: '改派', en: 're-dispatch' },
    roles: CENTRE,
    states: UNIT,
    event: 'order.redispatched',
  },
  recall: { label: { zh: '收回', en: 'recall' }, roles: CENTRE, states: UNIT, event: 'order.recalled' },
  request_extension: {
    label: { zh: '延期申请', en: 'request extension' },
    roles: ['handler'],
    states: UNIT,
    event: 'order.extension_requested',
  },
  approve_extension: {
    label: { zh: '同意延期', en: 'approve extension' },
    roles: ['dispatcher', 'leader'],
    states: UNIT,
    event: 'order.extension_approved',
  },
  reject_extension: {
    label: { zh: '驳回延期', en: 'reject extension' },
    roles: ['dispatcher', 'leader'],
    states: UNIT,
    event: 'order.extension_rejected',
  },
  suspend: { label: { zh: '挂起', en: 'suspend' }, roles: CENTRE, states: UNIT, event: 'order.suspended' },
  resume: { label: { zh: '恢复', en: 'resume' }, roles: CENTRE, states: UNIT, event: 'order.resumed' },
  urge: { label: { zh: '催办', en: 'urge' }, roles: OVERSIGHT, states: UNIT, event: 'order.urged' },
  supervise: { label: { zh: '督办', en: 'supervise' }, roles: OVERSIGHT, states: UNIT, event: 'order.supervised' },
  contact: {
    label: { zh: '联系市民', en: 'contact citizen' },
    roles: ['handler'],
    states: ['handling'],
    event: 'order.contacted',
  },
  submit_reply: {
    label: { zh: '提交办结', en: 'submit reply' },
    roles: ['handler'],
    states: ['handling'],
    event: 'order.reply_submitted',
  },
  approve_reply: {
    label: { zh: '审核通过', en: 'approve reply' },
    roles: CENTRE,
    states: ['pending_review'],
    event: 'order.reply_approved',
  },
  reject_reply: {
    label: { zh: '退回重办', en: 'send back' },
    roles: CENTRE,
    states: ['pending_review'],
    event: 'order.reply_rejected',
  },
  visit: {
    label: { zh: '回访', en: 'return visit' },
    roles: CENTRE,
    states: ['pending_visit'],
    event: 'order.visited',
  },
  archive: {
    label: { zh: '归档', en: 'archive' },
    roles: ['dispatcher', 'system'],
    states: ['closed'],
    event: 'order.archived',
  },
  merge: { label: { zh: '合并', en: 'merge' }, roles: CENTRE, states: OPEN, event: 'order.merged' },
  cancel: {
    label: { zh: '撤销', en: 'cancel' },
    roles: ['dispatcher', 'citizen'],
    // The centre may cancel until the unit has replied; the reporting citizen only before dispatch.
    states: ['pending_dispatch', 'pending_sign', 'handling'],
    statesByRole: { citizen: ['pending_dispatch'] },
    event: 'order.cancelled',
  },
};

/** All actions, in the order the UI shows their buttons. */
export const ACTION_TYPES = Object.keys(ACTION_RULES) as ActionType[];

export function isActionType(x: unknown): x is ActionType {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ACTION_RULES, x);
}

/**
 * The smallest input that passes validation for `type` on `order`; availableActions tries these,
 * so a button is shown exactly when some valid input would be accepted.
 */
export function minimalAction(type: ActionType, order: OrderSnapshot): OrderAction {
  const text = '-';
  switch (type) {
    case 'dispatch':
      return { type, unitId: order.unitId ?? text };
    case 'direct_reply':
    case 'submit_reply':
      return { type, reply: text };
    case 'redispatch':
      return { type, unitId: `${order.unitId ?? text}~other`, reason: text };
    case 'recall':
    case 'request_return':
    case 'reject_return':
    case 'reject_extension':
    case 'suspend':
    case 'reject_reply':
    case 'cancel':
      return { type, reason: text };
    case 'request_extension':
      return { type, reason: text, addWorkingDays: 1 };
    case 'supervise':
      return { type, note: text };
    case 'visit':
      return { type, result: 'satisfied' };
    case 'merge':
      return { type, mainOrderId: `${order.id}~main`, mainOrderState: 'handling' };
    case 'sign':
    case 'approve_return':
    case 'approve_extension':
    case 'resume':
    case 'urge':
    case 'contact':
    case 'approve_reply':
    case 'archive':
      return { type };
  }
}

/**
 * Work-order states and timeline steps in Open311's words. Pure; documented in docs/open311.md.
 *
 * GeoReport v2 knows two statuses: `closed` = 已办结 (closed), 归档 (archived), 已撤销
 * (cancelled), 已合并 (merged into a main order); every other state is `open` (a request
 * waiting for its return visit, 待回访, is still open: the centre may yet send it back).
 */

export type Open311Status = 'open' | 'closed';

export const CLOSED_STATES = ['closed', 'archived', 'cancelled', 'merged'] as const;
export const OPEN_STATES = ['pending_dispatch', 'pending_sign', 'handling', 'pending_review', 'pending_visit'] as const;

export function open311Status(state: string): Open311Status {
  return (CLOSED_STATES as readonly string[]).includes(state) ? 'closed' : 'open';
}

/** The order states an Open311 `status` filter selects. */
export function statesOf(statuses: readonly Open311Status[]): string[] {
  return statuses.flatMap((s) => (s === 'closed' ? [...CLOSED_STATES] : [...OPEN_STATES]));
}

/** mySociety's extended statuses (FixMyStreet reads these from GET servicerequestupdates). */
export type UpdateStatus =
  | 'open'
  | 'closed'
  | 'fixed'
  | 'in_progress'
  | 'action_scheduled'
  | 'investigating'
  | 'duplicate'
  | 'not_councils_responsibility'
  | 'no_further_action'
  | 'internal_referral'
  | 'reopen';

/** What a timeline step means to the person who reported it: a status and a short text. */
export interface UpdateMeaning {
  status: UpdateStatus;
  zh: string;
  en: string;
}

/**
 * Timeline steps (order_events.type) shown as updates. Steps missing here are internal to the
 * centre and the units (退单/延期 requests and refusals, 催办, 督办, 改分类, SLA warnings,
 * notifications, 归档) and are not published.
 */
export const UPDATE_STEPS: Readonly<Record<string, UpdateMeaning>> = {
  'order.created': { status: 'open', zh: '已受理', en: 'received' },
  'order.dispatched': { status: 'investigating', zh: '已分拨至责任单位', en: 'assigned to the responsible unit' },
  'order.signed': {
    status: 'in_progress',
    zh: '责任单位已签收，正在办理',
    en: 'the responsible unit is working on it',
  },
  'order.contacted': { status: 'in_progress', zh: '办理人员已联系反映人', en: 'the unit has contacted the reporter' },
  'order.return_approved': { status: 'open', zh: '重新分拨中', en: 'being reassigned to another unit' },
  'order.recalled': { status: 'open', zh: '重新分拨中', en: 'being reassigned to another unit' },
  'order.redispatched': {
    status: 'investigating',
    zh: '已改派至责任单位',
    en: 'reassigned to another responsible unit',
  },
  'order.suspended': { status: 'action_scheduled', zh: '暂缓办理（挂起）', en: 'on hold' },
  'order.resumed': { status: 'in_progress', zh: '恢复办理', en: 'work resumed' },
  'order.extension_approved': {
    status: 'action_scheduled',
    zh: '办理期限已延长',
    en: 'the completion date was extended',
  },
  'order.reply_submitted': { status: 'in_progress', zh: '办理结果待审核', en: 'the result is being reviewed' },
  'order.reply_rejected': { status: 'in_progress', zh: '退回重办', en: 'sent back for more work' },
  'order.reply_approved': { status: 'fixed', zh: '已办理', en: 'fixed' },
  'order.direct_replied': { status: 'closed', zh: '已答复', en: 'answered' },
  'order.merged': { status: 'duplicate', zh: '重复反映，已合并至主单', en: 'duplicate of another request' },
  'order.cancelled': { status: 'no_further_action', zh: '已撤销', en: 'cancelled' },
  'order.follow_main': { status: 'fixed', zh: '随主单办结', en: 'closed with the request it duplicates' },
};

/** The timeline types published as updates (for the SQL filter). */
export const UPDATE_TYPES: readonly string[] = [...Object.keys(UPDATE_STEPS), 'order.visited'];

/**
 * A step's meaning, or null when it is not published. The return visit (回访) depends on its
 * result: satisfied → closed; unsatisfied → reopen (重办, back to the unit).
 */
export function updateMeaning(type: string, toState: string | null): UpdateMeaning | null {
  if (type === 'order.visited') {
    return toState === 'handling'
      ? { status: 'reopen', zh: '回访不满意，重新办理', en: 'reopened after the follow-up call' }
      : { status: 'closed', zh: '已回访，办结', en: 'closed after the follow-up call' };
  }
  return UPDATE_STEPS[type] ?? null;
}

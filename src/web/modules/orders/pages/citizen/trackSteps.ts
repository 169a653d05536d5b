/** Citizen progress: the five milestones people understand, from the order's state and its steps. */
import type { MessageKey } from '../../../../i18n';
import type { PublicOrder as TrackResult } from '../../../../../modules/orders/contract';

export type { TrackResult };

export const MILESTONES: MessageKey[] = [
  'ops.track.m.received',
  'ops.track.m.dispatched',
  'ops.track.m.handling',
  'ops.track.m.replied',
  'ops.track.m.closed',
];

/** Index of the milestone the order is at now. */
export function milestoneOf(state: string): number {
  switch (state) {
    case 'pending_dispatch':
      return 0;
    case 'pending_sign':
      return 1;
    case 'handling':
    case 'pending_review':
      return 2;
    case 'pending_visit':
      return 3;
    case 'closed':
    case 'archived':
      return 4;
    default:
      return 0;
  }
}

/** The server's step labels (query-service labelOf, Chinese) → our wording, in both languages. */
const STEP_KEYS: Record<string, MessageKey> = {
  登记受理: 'ops.track.step.created',
  分拨: 'ops.track.step.dispatched',
  签收: 'ops.track.step.signed',
  提交办结: 'ops.track.step.replySubmitted',
  审核通过: 'ops.track.step.replyApproved',
  直接答复: 'ops.track.step.directReply',
  回访: 'ops.track.step.visited',
  撤销: 'ops.track.step.cancelled',
  合并: 'ops.track.step.merged',
};

export function stepKey(step: string): MessageKey | null {
  return STEP_KEYS[step] ?? null;
}

/** When each milestone was reached, from the progress steps (first occurrence wins, except replies). */
export function milestoneTimes(r: TrackResult): Array<number | null> {
  const times: Array<number | null> = [r.createdAt, null, null, null, r.closedAt];
  for (const p of r.progress ?? []) {
    if (p.step === '分拨' && times[1] === null) times[1] = p.at;
    if (p.step === '签收' && times[2] === null) times[2] = p.at;
    if (p.step === '审核通过' || p.step === '直接答复') times[3] = p.at;
  }
  return times;
}

/**
 * The facts the statistics count, per accepted case (受理), as a pure function of the case:
 *  - immediate (即办): an 即办件 accepted and decided on the spot (one step: accept_and_decide);
 *  - online (网办): applied through the online channel;
 *  - fullOnline (全程网办, 零跑动): online, originals not shown at a window (none needed, or mailed in),
 *    and the result mailed or issued as an electronic licence — the applicant never came;
 *  - decided (办结) and onTime (按时办结): decided within the promised limit (承诺时限 plus an approved
 *    extension, in working days with 补正 and 特别程序 pauses — the case model's clock at the decision);
 *  - delivered (送达) and mailed (包邮: the result sent by mail, free of charge).
 */
import { caseClock, dayOf, type CaseSnapshot, type IsWorkingDay } from '../../cases/model';

export interface CaseFacts {
  caseId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  siteId: string;
  channel: string;
  kind: string;
  acceptedAt: number;
  month: string;
  immediate: boolean;
  online: boolean;
  fullOnline: boolean;
  decided: boolean;
  onTime: boolean;
  delivered: boolean;
  mailed: boolean;
}

/** The Shanghai month ('YYYY-MM') of an instant. */
export const monthOf = (ms: number): string => dayOf(ms).slice(0, 7);

/** The case's facts; null while it is not accepted (drafts, pre-review, 不予受理 are not counted). */
export function caseFacts(c: CaseSnapshot, isWorkingDay: IsWorkingDay): CaseFacts | null {
  if (c.acceptedAt === null) return null;
  const decided = c.decision !== null;
  const online = c.channel === 'online';
  const delivery = c.delivery?.method ?? null;
  const onTime = decided && caseClock(c, c.decision!.at, isWorkingDay)?.status === 'done_on_time';
  return {
    caseId: c.id,
    itemId: c.item.itemId,
    itemCode: c.item.code,
    itemName: c.item.name,
    departmentId: c.departmentId,
    siteId: c.siteId,
    channel: c.channel,
    kind: c.item.kind,
    acceptedAt: c.acceptedAt,
    month: monthOf(c.acceptedAt),
    immediate: c.item.kind === 'immediate' && decided && c.decision!.at === c.acceptedAt,
    online,
    fullOnline: online && c.originals?.method !== 'window' && (delivery === 'mail' || delivery === 'electronic'),
    decided,
    onTime,
    delivered: delivery !== null,
    mailed: delivery === 'mail',
  };
}

/** Hall rows → contract responses (the phone masked, labels added). */
import { PRIORITY_LABELS } from './hall.contract';
import { parseProfile } from './hall.profile';
import type { CounterRecord, GroupRecord, TicketEventRecord, TicketRecord } from './hall.repo';
import type { Priority } from './model/call-next';

const n = (x: number | null) => (x === null ? null : Number(x));
export const maskPhone = (p: string | null) => {
  if (!p) return null;
  const d = p.replace(/\D/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '****';
};

export const groupView = (g: GroupRecord) => ({
  id: g.id,
  siteId: g.site_id,
  code: g.code,
  name: g.name,
  targetWaitMinutes: Number(g.target_wait_min),
  itemCodes: JSON.parse(g.item_codes) as string[],
  departmentId: g.department_id,
  active: g.active === 1,
  updatedAt: Number(g.updated_at),
});

export const counterView = (c: CounterRecord) => ({
  id: c.id,
  siteId: c.site_id,
  number: c.number,
  name: c.name,
  profile: parseProfile(c.profile),
  state: c.state,
  pauseReason: c.pause_reason,
  clerkId: c.clerk_id,
  clerkName: c.clerk_name,
  updatedAt: Number(c.updated_at),
});

export const ticketView = (t: TicketRecord, groupCode: string) => ({
  id: t.id,
  siteId: t.site_id,
  groupId: t.group_id,
  groupCode,
  number: t.number,
  source: t.source,
  priority: t.priority,
  priorityLabel: PRIORITY_LABELS[t.priority as Priority] ?? t.priority,
  state: t.state,
  issuedAt: Number(t.issued_at),
  calledAt: n(t.called_at),
  servedAt: n(t.served_at),
  finishedAt: n(t.finished_at),
  counterId: t.counter_id,
  forCounterId: t.for_counter_id,
  recalls: Number(t.recalls),
  callReason: t.call_reason,
  outcome: t.outcome
    ? (JSON.parse(t.outcome) as { itemCodes: string[]; caseNumbers: string[]; note: string | null })
    : null,
  phone: maskPhone(t.phone),
});

export const ticketEventView = (e: TicketEventRecord) => ({
  action: e.action,
  fromState: e.from_state,
  toState: e.to_state,
  groupId: e.group_id,
  counterId: e.counter_id,
  reason: e.reason,
  actorName: e.actor_name,
  at: Number(e.at),
});

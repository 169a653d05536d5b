/** A counter's stored work profile (JSON in svc_hall_counters.profile) ⇄ the call-next rule's WorkProfile. */
import type { ProfileBody } from './hall.contract';
import {
  DEFAULT_HEAD_START_MS,
  PRIORITIES,
  type Priority,
  type WaitingTicket,
  type WorkProfile,
} from './model/call-next';

const MIN = 60_000;
export const DEFAULT_FAIRNESS_CAP_MIN = 60;

export interface StoredProfile {
  groupIds: string[];
  mode: WorkProfile['mode'];
  headStartMinutes: Record<Priority, number>;
  fairnessCapMinutes: number;
}

/** The body's profile with the defaults filled in: what is stored and shown. */
export function storedProfile(b: ProfileBody): StoredProfile {
  const headStartMinutes = {} as Record<Priority, number>;
  for (const p of PRIORITIES) headStartMinutes[p] = b.headStartMinutes?.[p] ?? DEFAULT_HEAD_START_MS[p] / MIN;
  return {
    groupIds: [...b.groupIds],
    mode: b.mode,
    headStartMinutes,
    fairnessCapMinutes: b.fairnessCapMinutes ?? DEFAULT_FAIRNESS_CAP_MIN,
  };
}

export const parseProfile = (json: string): StoredProfile => JSON.parse(json) as StoredProfile;

/** Tickets wait in groups by group id, so the rule's groupCode is the group's id. */
export function workProfile(counterId: string, s: StoredProfile): WorkProfile {
  const headStartMs = {} as Record<Priority, number>;
  for (const p of PRIORITIES) headStartMs[p] = (s.headStartMinutes[p] ?? 0) * MIN;
  return { counterId, groups: s.groupIds, mode: s.mode, headStartMs, fairnessCapMs: s.fairnessCapMinutes * MIN };
}

/** A profile for a group no counter calls from yet: the place in line is the group's own order. */
export const groupOnlyProfile = (groupId: string): WorkProfile => ({
  counterId: '',
  groups: [groupId],
  mode: 'longestWait',
  headStartMs: DEFAULT_HEAD_START_MS,
  fairnessCapMs: DEFAULT_FAIRNESS_CAP_MIN * MIN,
});

export interface QueueRow {
  id: string;
  group_id: string;
  number: string;
  issued_at: number;
  priority: string;
  for_counter_id: string | null;
  transferred_at: number | null;
}

export const waitingTicket = (r: QueueRow): WaitingTicket => ({
  id: r.id,
  groupCode: r.group_id,
  number: r.number,
  arrivedAt: Number(r.issued_at),
  priority: r.priority as Priority,
  forCounterId: r.for_counter_id,
  transferredAt: r.transferred_at === null ? null : Number(r.transferred_at),
});

/** The work-order API's enumerations: the one copy for the server's rules and the web's labels. Imports nothing. */

export const ORDER_STATES = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
  'closed',
  'archived',
  'cancelled',
  'merged',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** States in which the order is still being worked on (it may be merged or counted as open). */
export const OPEN_STATES: readonly OrderState[] = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
];

/** States in which a unit holds the order and its clock runs against that unit (待签收, 办理中). */
export const UNIT_STATES: readonly OrderState[] = ['pending_sign', 'handling'];

export const CHANNELS = ['hotline', 'web', 'wechat', 'grid', 'drone', 'camera', 'open311', 'api', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a person at the centre may pick when registering (the others are machine channels). */
export const INTAKE_CHANNELS = ['hotline', 'window', 'grid', 'web', 'wechat', 'drone', 'camera'] as const;

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const VISIT_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];

export const CLOCK_STATES = ['normal', 'due_soon', 'overdue', 'paused'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
export const SLA_STATUSES = ['normal', 'due_soon', 'overdue'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

/** Every action, in the order the server lists them (the UI shows buttons in this order). */
export const ACTION_TYPES = [
  'dispatch',
  'direct_reply',
  'sign',
  'request_return',
  'approve_return',
  'reject_return',
  'redispatch',
  'recall',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'suspend',
  'resume',
  'urge',
  'supervise',
  'contact',
  'submit_reply',
  'approve_reply',
  'reject_reply',
  'visit',
  'archive',
  'merge',
  'cancel',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Office hours in a working day: a limit given in fractional days counts these hours. */
export const HOURS_PER_WORKING_DAY = 7;

/**
 * A telephone number as a caller gives it (spaces and dashes dropped, +86 removed): a mainland
 * mobile (11 digits from 13–19), a landline with its area code (0 + 2–3 digits + 7–8 digits), a
 * local 7–8 digit landline, either with an extension after a dash, or a 5-digit service number
 * (12345, 95598 …). Anything else — letters, a mobile with a digit missing — is refused, not mended.
 */
export const PHONE_RULE = /^(?:1[3-9]\d{9}|0\d{2,3}\d{7,8}(?:#\d{1,6})?|[2-9]\d{6,7}(?:#\d{1,6})?|1\d{4}|9\d{4})$/;

/** The digits of a phone number as stored: spacing dropped, +86 removed, an extension kept after '#'. */
export function normalisePhone(raw: string): string {
  let p = raw.trim().replace(/\s+/g, '');
  if (p.startsWith('+86')) p = p.slice(3);
  // 0757-8633-8888-123: the last dash group after a full landline is an extension
  const ext = /^(0\d{2,3}-?\d{3,4}-?\d{4}|[2-9]\d{2,3}-?\d{4})-(\d{1,6})$/.exec(p);
  if (ext) p = `${ext[1]}#${ext[2]}`;
  return p.replace(/-/g, '');
}

export const isValidPhone = (raw: string): boolean => PHONE_RULE.test(normalisePhone(raw));

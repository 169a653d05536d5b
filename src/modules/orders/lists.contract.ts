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

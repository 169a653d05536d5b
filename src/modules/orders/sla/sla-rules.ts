/**
 * SLA clocks as pure functions: which jobs an order's deadlines call for (临期 / 超期 / automatic
 * 催办 and 督办), whether such a job is still current, and the order's `sla_status`.
 *
 * A job is current exactly when planning the order again, now, yields a job with the same key:
 * a moved deadline, a 挂起, a reply or a changed rule makes the old job's key disappear, so it
 * does nothing when it comes due. Working time comes only through the DeadlineCalculator.
 */
import { computeClockStatus, type DeadlineCalculator, type OrderSnapshot, type OrderState } from '../model';
import { HOURS_PER_WORKING_DAY } from '../actions/deadlines';

export type SlaClock = 'sign' | 'completion';
export type SlaLevel = 'normal' | 'due_soon' | 'overdue';

export interface EscalationStep {
  /**
   * Working days after the deadline (0 = the moment it is overdue). Working time the order spent
   * suspended (or in review) after the deadline does not count.
   */
  afterWorkingDays: number;
  action: 'urge' | 'supervise';
  /** 'supervise' only: the 督办 level (1–3) the order is raised to. */
  level?: 1 | 2 | 3;
  /** Added to the automatic note on the timeline (e.g. '予以通报'). */
  note?: string;
}

export interface SlaRules {
  /** 临期 when less than this share of the allowed working time is left (0 < r < 1). */
  dueSoonRatio: number;
  /** Steps once the sign-for deadline has passed unsigned. */
  sign: EscalationStep[];
  /** Steps once the completion deadline has passed without a reply. */
  completion: EscalationStep[];
  /**
   * 分拨时限: minutes (of clock time) the centre aims to dispatch a registered order in; the 待分拨
   * list marks what is near or past it. Missing in rules saved before it existed: the default.
   */
  dispatchTargetMinutes?: number;
}

/** The 分拨时限 when the saved rules do not set one. */
export const DEFAULT_DISPATCH_TARGET_MINUTES = 30;

/** After published street rules: 催办 at once, 督办 the day after, 通报 after five working days. */
export const DEFAULT_SLA_RULES: SlaRules = {
  dueSoonRatio: 0.2,
  sign: [{ afterWorkingDays: 0, action: 'urge' }],
  completion: [
    { afterWorkingDays: 0, action: 'urge' },
    { afterWorkingDays: 1, action: 'supervise', level: 1 },
    { afterWorkingDays: 5, action: 'supervise', level: 2, note: '予以通报' },
  ],
  dispatchTargetMinutes: DEFAULT_DISPATCH_TARGET_MINUTES,
};

export const SLA_JOB = {
  signDueSoon: 'orders.sla.sign_due_soon',
  signOverdue: 'orders.sla.sign_overdue',
  dueSoon: 'orders.sla.due_soon',
  overdue: 'orders.sla.overdue',
  escalate: 'orders.sla.escalate',
  /** Re-plans the open orders after the rules changed. */
  replan: 'orders.sla.replan',
} as const;

/** The kinds whose handler raises 临期/超期 or escalates (everything but replan). */
export const SLA_CLOCK_JOBS = [
  SLA_JOB.signDueSoon,
  SLA_JOB.signOverdue,
  SLA_JOB.dueSoon,
  SLA_JOB.overdue,
  SLA_JOB.escalate,
] as const;
export type SlaJobKind = (typeof SLA_CLOCK_JOBS)[number];

export interface SlaJobPayload {
  orderId: string;
  /** The deadline the job was planned for; the job is stale once the order's deadline differs. */
  deadline: number;
  clock: SlaClock;
  /** escalate only: the step, and how many clock stops after the deadline had ended when planned. */
  step?: EscalationStep;
  stops?: number;
}

export interface PlannedSlaJob {
  kind: SlaJobKind;
  key: string;
  runAt: number;
  payload: SlaJobPayload;
}

const WORKING_DAY_MS = HOURS_PER_WORKING_DAY * 3_600_000;
/** States in which the unit's clocks run (pending_dispatch: waiting for 改派 after a 退单). */
const RUNNING_STATES: readonly OrderState[] = ['pending_dispatch', 'pending_sign', 'handling'];

/**
 * `sla:<orderId>:<kind>:<deadline>`. Escalations add the clock, the step and the number of clock
 * stops after the deadline: a 挂起 ended after the deadline postpones them under a new key.
 */
export function slaJobKey(kind: SlaJobKind, p: SlaJobPayload): string {
  const base = `sla:${p.orderId}:${kind}:${p.deadline}`;
  if (kind !== SLA_JOB.escalate || !p.step) return base;
  return `${base}:${p.clock}:${p.step.afterWorkingDays}d:${p.step.action}${p.step.level ?? ''}:s${p.stops ?? 0}`;
}

/** Whether the order's clocks run: dispatched once, not yet replied/cancelled/merged. */
export function clockRuns(o: OrderSnapshot): boolean {
  return o.clockStartedAt !== null && o.clockStoppedAt === null && RUNNING_STATES.includes(o.state);
}

/** Start of the open 挂起, or null when the order is not suspended. */
export function pausedSince(o: OrderSnapshot): number | null {
  if (!o.suspended) return null;
  return o.pauses.findLast((p) => p.kind === 'suspend' && p.to === null)?.from ?? null;
}

/** Working ms allowed for sign-for: the category's limit from the first dispatch. */
export function signAllowedMs(o: OrderSnapshot, calc: DeadlineCalculator): number {
  if (o.clockStartedAt === null) return 0;
  const basis = { category: o.category, urgency: o.urgency };
  return calc.workingMsBetween(o.clockStartedAt, calc.signDeadline(o.clockStartedAt, basis));
}

function allowedMs(o: OrderSnapshot, clock: SlaClock, calc: DeadlineCalculator): number {
  if (clock === 'sign') return signAllowedMs(o, calc);
  return computeClockStatus(o, o.clockStartedAt ?? 0, calc.workingMsBetween).allowedMs ?? 0;
}

/**
 * The first instant at which less than `ratio` of `allowed` is left before `deadline` — the
 * same test as computeClockStatus (`remaining < ratio × allowed`, remaining in whole ms), found
 * by walking working time forward from `from` (any instant of the current period before it).
 */
export function dueSoonInstant(
  from: number,
  deadline: number,
  allowed: number,
  ratio: number,
  calc: DeadlineCalculator,
): number {
  const maxRemaining = Math.ceil(ratio * allowed) - 1;
  const consume = calc.workingMsBetween(from, deadline) - maxRemaining;
  return consume <= 0 ? from : calc.addWorkingMs(from, consume);
}

/** The jobs the order's clocks call for now, whether they are due yet or not. */
export function planSla(o: OrderSnapshot, calc: DeadlineCalculator, rules: SlaRules): PlannedSlaJob[] {
  if (!clockRuns(o)) return [];
  const jobs: PlannedSlaJob[] = [];
  const add = (kind: SlaJobKind, runAt: number, payload: SlaJobPayload) =>
    jobs.push({ kind, key: slaJobKey(kind, payload), runAt, payload });
  const clocks: Array<{
    clock: SlaClock;
    deadline: number | null;
    from: number | null;
    soon: SlaJobKind;
    late: SlaJobKind;
  }> = [
    {
      clock: 'sign',
      deadline: o.signedAt === null ? o.signDeadline : null,
      from: o.clockStartedAt,
      soon: SLA_JOB.signDueSoon,
      late: SLA_JOB.signOverdue,
    },
    {
      clock: 'completion',
      deadline: o.completionDeadline,
      from: o.reopenedAt ?? o.clockStartedAt,
      soon: SLA_JOB.dueSoon,
      late: SLA_JOB.overdue,
    },
  ];
  for (const c of clocks) {
    if (c.deadline === null || c.from === null) continue;
    const payload = { orderId: o.id, deadline: c.deadline, clock: c.clock };
    add(c.soon, dueSoonInstant(c.from, c.deadline, allowedMs(o, c.clock, calc), rules.dueSoonRatio, calc), payload);
    // overdue = strictly after the deadline, as computeClockStatus has it
    add(c.late, c.deadline + 1, payload);
    const deadline = c.deadline;
    // time spent suspended or in review after the deadline does not make the order later
    const stops = o.pauses.filter((p) => p.to !== null && p.from >= deadline);
    const stoodStill = stops.reduce((sum, p) => sum + calc.workingMsBetween(p.from, p.to as number), 0);
    for (const step of rules[c.clock]) {
      if (step.afterWorkingDays <= 0) continue; // done by the overdue job itself
      const at = calc.addWorkingMs(deadline, step.afterWorkingDays * WORKING_DAY_MS + stoodStill);
      add(SLA_JOB.escalate, at, { ...payload, step, stops: stops.length });
    }
  }
  // While suspended only what was already due before the 挂起 stays current; resuming moves the
  // deadlines (new keys) unless the pause began after them.
  const since = pausedSince(o);
  return since === null ? jobs : jobs.filter((j) => j.runAt <= since);
}

/** Where one clock stands: at `now`, or at the start of an open 挂起. */
export function clockLevel(
  o: OrderSnapshot,
  clock: SlaClock,
  now: number,
  calc: DeadlineCalculator,
  ratio: number,
): SlaLevel {
  if (clock === 'completion') {
    const s = computeClockStatus(o, now, calc.workingMsBetween, { dueSoonRatio: ratio });
    if (s.status === 'paused') return (s.remainingMs ?? 0) < ratio * (s.allowedMs ?? 0) ? 'due_soon' : 'normal';
    return s.status === 'overdue' || s.status === 'due_soon' ? s.status : 'normal';
  }
  const deadline = o.signDeadline;
  if (deadline === null || o.signedAt !== null || !clockRuns(o)) return 'normal';
  const at = pausedSince(o) ?? now;
  if (at > deadline) return 'overdue';
  return calc.workingMsBetween(at, deadline) < ratio * signAllowedMs(o, calc) ? 'due_soon' : 'normal';
}

const RANK: Record<SlaLevel, number> = { normal: 0, due_soon: 1, overdue: 2 };

export function worse(a: SlaLevel, b: SlaLevel): SlaLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

export function asLevel(x: string | null | undefined): SlaLevel {
  return x === 'due_soon' || x === 'overdue' ? x : 'normal';
}

/** The order's SLA level: the worse of its sign-for clock (while unsigned) and its completion clock. */
export function slaLevelOf(o: OrderSnapshot, now: number, calc: DeadlineCalculator, ratio: number): SlaLevel {
  return worse(clockLevel(o, 'sign', now, calc, ratio), clockLevel(o, 'completion', now, calc, ratio));
}

/**
 * What `sla_status` becomes after an order change. While the clocks run only the jobs raise it
 * (each raise has its timeline entry), so a change may only lower it (an extension, a resume, a
 * late sign-for done); once they stop, it is what the clock says (a late reply stays overdue).
 */
export function nextSlaStatus(stored: string, fresh: SlaLevel, running: boolean): SlaLevel {
  const current = asLevel(stored);
  return running ? (RANK[fresh] < RANK[current] ? fresh : current) : fresh;
}

/** Validates rules beyond their JSON shape; throws Error with a message for people. */
export function parseSlaRules(input: unknown): SlaRules {
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  if (!input || typeof input !== 'object') fail('rules must be an object');
  const x = input as Record<string, unknown>;
  const ratio = x.dueSoonRatio;
  if (typeof ratio !== 'number' || !(ratio > 0 && ratio < 1))
    fail('dueSoonRatio must be a number between 0 and 1 (exclusive)');
  const steps = (name: 'sign' | 'completion'): EscalationStep[] => {
    const list = x[name];
    if (!Array.isArray(list)) return fail(`${name} must be a list of steps`);
    if (list.length > 10) fail(`${name}: at most 10 steps`);
    const seen = new Set<string>();
    return list
      .map((s, i) => {
        const at = `${name}[${i}]`;
        if (!s || typeof s !== 'object') fail(`${at} must be an object`);
        const { afterWorkingDays: days, action, level, note } = s as Record<string, unknown>;
        if (
          typeof days !== 'number' ||
          !Number.isFinite(days) ||
          days < 0 ||
          days > 60 ||
          Math.round(days * 2) !== days * 2
        ) {
          fail(`${at}.afterWorkingDays must be 0–60 in half days`);
        }
        if (action !== 'urge' && action !== 'supervise') fail(`${at}.action must be urge or supervise`);
        if (action === 'supervise' && level !== 1 && level !== 2 && level !== 3)
          fail(`${at}: supervise needs level 1, 2 or 3`);
        if (action === 'urge' && level !== undefined) fail(`${at}: urge takes no level`);
        if (note !== undefined && (typeof note !== 'string' || note.length > 200))
          fail(`${at}.note must be text of at most 200 characters`);
        const id = `${days}:${action}:${level ?? ''}`;
        if (seen.has(id)) fail(`${at} repeats an earlier step`);
        seen.add(id);
        const step: EscalationStep = { afterWorkingDays: days as number, action: action as EscalationStep['action'] };
        if (action === 'supervise') step.level = level as 1 | 2 | 3;
        if (typeof note === 'string' && note.trim()) step.note = note.trim();
        return step;
      })
      .sort((a, b) => a.afterWorkingDays - b.afterWorkingDays);
  };
  const target = x.dispatchTargetMinutes;
  if (target !== undefined && (typeof target !== 'number' || !Number.isInteger(target) || target < 1 || target > 1440))
    fail('dispatchTargetMinutes must be a whole number of minutes, 1–1440');
  const rules: SlaRules = { dueSoonRatio: ratio as number, sign: steps('sign'), completion: steps('completion') };
  if (target !== undefined) rules.dispatchTargetMinutes = target as number;
  return rules;
}

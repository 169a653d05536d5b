/**
 * 好差评 rules (国办发〔2019〕51号; GB/T 39734-2020, GB/T 39735-2020) as pure functions: the five
 * levels, the indicators and labels, what is a 差评, who may rate when (一事一评 / 一次一评, one
 * re-rating after a fix), the rectification's working-day deadlines and steps, and appeals.
 * The level, indicator and label lists are the contract's (ratings.contract.ts), the one copy.
 */
import {
  APPEAL_DECISIONS,
  INDICATORS,
  LEVEL_LABELS,
  ONLINE_CHANNELS,
  type Channel,
  type IndicatorCode,
  type RectificationStatus,
} from './ratings.contract';

export { LEVEL_LABELS, INDICATORS, APPEAL_DECISIONS };

/** The platform calendar's working-day arithmetic (p.calendar / WorkCalendar), plugged in by the service. */
export interface WorkingDays {
  addWorkingDays(fromMs: number, days: number): number;
}

/** 差评: 不满意 (2) and 非常不满意 (1). */
export const isBad = (level: number): boolean => level <= 2;
/** 好评 in the sense of 满意率: 非常满意, 满意, 基本满意. */
export const isSatisfied = (level: number): boolean => level >= 3;

/** Online ratings use the online indicators; at the window, the kiosk or the pad the on-site ones. */
export const indicatorSet = (channel: Channel): readonly IndicatorCode[] =>
  (ONLINE_CHANNELS as readonly string[]).includes(channel)
    ? INDICATORS.online.map((i) => i.code)
    : INDICATORS.onsite.map((i) => i.code);

/** The label codes one may pick under a level. */
export const labelsOf = (level: number): readonly string[] => (LEVEL_LABELS[String(level)] ?? []).map((l) => l.code);

export interface RatingInput {
  level: number;
  channel: Channel;
  indicators?: Record<string, number>;
  labels?: readonly string[];
  comment?: string | null;
}

export interface Refusal {
  code: string;
  message: string;
}

/** What is wrong with a rating as given (null: nothing). */
export function ratingProblem(r: RatingInput): Refusal | null {
  if (!Number.isInteger(r.level) || r.level < 1 || r.level > 5)
    return { code: 'invalid_level', message: '评价等级须为 1–5 / level must be 1..5' };
  const allowed = new Set<string>(indicatorSet(r.channel));
  for (const [k, v] of Object.entries(r.indicators ?? {})) {
    if (!allowed.has(k))
      return {
        code: 'invalid_indicator',
        message: `该渠道没有评价指标 ${k} / no indicator ${k} for channel ${r.channel}`,
      };
    if (!Number.isInteger(v) || v < 1 || v > 5)
      return { code: 'invalid_indicator', message: `指标 ${k} 的等级须为 1–5 / indicator ${k} must be 1..5` };
  }
  const labels = new Set(labelsOf(r.level));
  for (const l of r.labels ?? [])
    if (!labels.has(l))
      return {
        code: 'invalid_label',
        message: `标签 ${l} 不属于该评价等级 / label ${l} is not offered under level ${r.level}`,
      };
  if (new Set(r.labels ?? []).size !== (r.labels ?? []).length)
    return { code: 'invalid_label', message: '标签重复 / a label is given twice' };
  // a 差评 must say what went wrong: a label or a text (the rectification needs something to act on)
  if (isBad(r.level) && !(r.labels?.length || r.comment?.trim()))
    return {
      code: 'reason_required',
      message: '差评须选择至少一个问题标签或填写意见 / a bad rating needs a label or a comment',
    };
  return null;
}

/** A subject's earlier ratings, as far as the next one is concerned. */
export interface PriorRating {
  round: number;
  bad: boolean;
  voided: boolean;
  /** Its rectification's status, if it opened one. */
  rectification: RectificationStatus | null;
}

/** 一事一评 / 一次一评: the round of the next rating, or why there may be none. */
export function nextRound(prior: readonly PriorRating[]): { round: 1 | 2 } | Refusal {
  if (prior.length === 0) return { round: 1 };
  const first = prior.find((p) => p.round === 1);
  if (prior.some((p) => p.round >= 2) || !first)
    return {
      code: 'already_rated',
      message: '已评价过，整改后的再评价也已完成 / already rated, and re-rated after the fix',
    };
  if (first.bad && !first.voided && first.rectification === 'fixed') return { round: 2 };
  if (first.bad && !first.voided && (first.rectification === 'open' || first.rectification === 'called_back'))
    return {
      code: 'rectification_pending',
      message:
        '差评正在整改，整改完成后可再评价一次 / the bad rating is being rectified; you may rate again once it is fixed',
    };
  return {
    code: 'already_rated',
    message: '该办件（服务）已评价，一事一评 / already rated: one rating per case or visit',
  };
}

/** The rectification's two deadlines: call-back within 1 working day, fix within `fixDays` working days. */
export function rectificationDeadlines(
  at: number,
  cal: WorkingDays,
  fixDays: number,
): { callbackDue: number; fixDue: number } {
  if (!Number.isInteger(fixDays) || fixDays < 1)
    throw new RangeError(`fixDays must be a positive integer, got ${fixDays}`);
  return { callbackDue: cal.addWorkingDays(at, 1), fixDue: cal.addWorkingDays(at, fixDays) };
}

/** The steps of a rectification and the statuses each may start from. */
export const RECTIFICATION_STEPS = {
  callback: ['open'],
  fix: ['called_back'],
  explain: ['open', 'called_back'],
  void: ['open', 'called_back'],
} as const satisfies Record<string, readonly RectificationStatus[]>;
export type RectificationStep = keyof typeof RECTIFICATION_STEPS;

const STEP_TARGET: Record<RectificationStep, RectificationStatus> = {
  callback: 'called_back',
  fix: 'fixed',
  explain: 'explained',
  void: 'voided',
};

const STEP_REFUSAL: Record<RectificationStep, string> = {
  callback: '只有待回访的整改可以登记回访 / only an open rectification can record a call-back',
  fix: '须先回访核实再登记整改结果 / record the call-back before the fix',
  explain: '整改已结束，不能再说明为不实差评 / the rectification is closed',
  void: '整改已结束 / the rectification is closed',
};

/** The status after `step`, or why the step cannot be taken now. */
export function stepTo(
  status: RectificationStatus,
  step: RectificationStep,
): { status: RectificationStatus } | Refusal {
  if (!(RECTIFICATION_STEPS[step] as readonly string[]).includes(status))
    return { code: 'invalid_step', message: STEP_REFUSAL[step] };
  return { status: STEP_TARGET[step] };
}

export interface RectificationClock {
  status: RectificationStatus;
  callbackDue: number;
  fixDue: number;
  callbackAt: number | null;
  fixedAt: number | null;
}

/** 回访超时: no call-back by its due time (late call-backs stay flagged). */
export const callbackOverdue = (r: RectificationClock, now: number): boolean =>
  r.status !== 'voided' && (r.callbackAt === null ? now > r.callbackDue : r.callbackAt > r.callbackDue);

/** 整改超时: not fixed or explained by the fix deadline (late fixes stay flagged). */
export const fixOverdue = (r: RectificationClock, now: number): boolean =>
  r.status !== 'voided' && (r.fixedAt === null ? now > r.fixDue : r.fixedAt > r.fixDue);

/** 按时整改: fixed or explained by the fix deadline — the numerator of 差评整改率. */
export const rectifiedOnTime = (r: Pick<RectificationClock, 'status' | 'fixedAt' | 'fixDue'>): boolean =>
  (r.status === 'fixed' || r.status === 'explained') && r.fixedAt !== null && r.fixedAt <= r.fixDue;

/** Whether a rating may be appealed (申诉): a 差评, not voided, without an earlier appeal. */
export function appealProblem(rating: { bad: boolean; voided: boolean }, hasAppeal: boolean): Refusal | null {
  if (!rating.bad) return { code: 'not_bad', message: '只能对差评提出申诉 / only a bad rating can be appealed' };
  if (rating.voided) return { code: 'voided', message: '该评价已作废 / the rating is already void' };
  if (hasAppeal) return { code: 'already_appealed', message: '该评价已申诉过 / the rating has been appealed already' };
  return null;
}

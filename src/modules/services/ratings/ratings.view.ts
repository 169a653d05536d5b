/** Rating rows → contract responses (labels named, flags as booleans; the applicant's phone never leaves). */
import type { Static } from '@sinclair/typebox';
import { LEVEL_LABELS, LEVELS, type Appeal, type Rating, type Rectification, type Report } from './ratings.contract';
import type { AppealRecord, RatingRecord, RectificationRecord, ReportRecord } from './ratings.repo';

const parse = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const levelName = (level: number): string => LEVELS.find((l) => l.level === level)?.zh ?? String(level);

export function ratingView(r: RatingRecord): Static<typeof Rating> {
  const offered = LEVEL_LABELS[String(r.level)] ?? [];
  const codes = parse<string[]>(r.labels, []);
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    departmentId: r.department_id,
    siteId: r.site_id,
    windowId: r.window_id,
    itemCode: r.item_code,
    round: Number(r.round),
    level: Number(r.level),
    levelName: levelName(Number(r.level)),
    bad: r.bad === 1,
    indicators: parse<Record<string, number>>(r.indicators, {}),
    labels: codes.map((c) => offered.find((l) => l.code === c) ?? { code: c, zh: c, en: c }),
    comment: r.comment,
    channel: r.channel,
    current: r.current === 1,
    voided: r.voided === 1,
    groundless: r.groundless === 1,
    createdAt: Number(r.created_at),
  };
}

export function rectificationView(x: RectificationRecord, level: number): Static<typeof Rectification> {
  return {
    id: x.id,
    ratingId: x.rating_id,
    number: x.number,
    departmentId: x.department_id,
    windowId: x.window_id,
    status: x.status as Static<typeof Rectification>['status'],
    assigneeId: x.assignee_id,
    assigneeName: x.assignee_name,
    callbackDue: Number(x.callback_due),
    fixDue: Number(x.fix_due),
    callbackAt: x.callback_at === null ? null : Number(x.callback_at),
    callbackBy: x.callback_by,
    callbackNote: x.callback_note,
    callbackReached: x.callback_reached === null ? null : x.callback_reached === 1,
    fixedAt: x.fixed_at === null ? null : Number(x.fixed_at),
    fixedBy: x.fixed_by,
    fixText: x.fix_text,
    explanation: x.explanation,
    callbackOverdue: x.callback_overdue === 1,
    fixOverdue: x.fix_overdue === 1,
    reratingId: x.rerating_id,
    level,
    createdAt: Number(x.created_at),
  };
}

export function appealView(a: AppealRecord): Static<typeof Appeal> {
  return {
    id: a.id,
    ratingId: a.rating_id,
    status: a.status as Static<typeof Appeal>['status'],
    reason: a.reason,
    filedBy: a.filed_by_name,
    filedAt: Number(a.filed_at),
    reviewedBy: a.reviewed_by_name,
    reviewNote: a.review_note,
    reviewedAt: a.reviewed_at === null ? null : Number(a.reviewed_at),
  };
}

export function reportView(r: ReportRecord): Static<typeof Report> {
  return {
    id: r.id,
    kind: r.kind,
    refId: r.ref_id,
    payload: parse<unknown>(r.payload, null),
    status: r.status as Static<typeof Report>['status'],
    attempts: Number(r.attempts),
    lastError: r.last_error,
    remoteRef: r.remote_ref,
    createdAt: Number(r.created_at),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
  };
}

/**
 * Ratings: the applicant rates a subject (number + phone), once — a second time only after the
 * fix of a 差评; a 差评 opens its rectification with working-day deadlines. One transaction per
 * use case with its audit row, event and the message for the provincial system. Plus the reads:
 * lists, one rating, the figures.
 */
import type { AuditContext } from '../../../platform/audit';
import { localDateKey } from '../../../platform/calendar';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { isUniqueViolation } from '../../../platform/idempotency';
import { JOB_INSERT, jobRow } from '../../../platform/jobs';
import type { Work } from '../../../platform/transact';
import { queueReport, type RatingsDeps } from './deps';
import { RATING_ENTITY, RATINGS_EVENTS, RECTIFICATION_ENTITY } from './events';
import { rankFigures, type FiguresBy } from './figures';
import type { RatingBody, RectificationStatus, SubjectKind } from './ratings.contract';
import {
  appealOf,
  figureCounts,
  findRating,
  insertRating,
  insertRectification,
  listInvitations,
  listRatings,
  listReports,
  ratingsOfSubject,
  rectificationOf,
  updateRating,
  updateRectification,
  type RatingFilter,
  type SubjectRecord,
} from './ratings.repo';
import { appealView, ratingView, rectificationView, reportView } from './ratings.view';
import { ratingMessage } from './report';
import { isBad, nextRound, ratingProblem, rectificationDeadlines, type PriorRating } from './rules';

export const OVERDUE_JOB = 'services.ratings.overdue';

const NOT_FOUND_MESSAGE = '未找到该办件（服务）或手机号不符 / no such case or visit, or the phone does not match';

const priorOf = (rows: Awaited<ReturnType<typeof ratingsOfSubject>>): PriorRating[] =>
  rows.map((r) => ({
    round: Number(r.round),
    bad: r.bad === 1,
    voided: r.voided === 1,
    rectification: (r.rect_status ?? null) as RectificationStatus | null,
  }));

export class RatingsService {
  constructor(private d: RatingsDeps) {}

  private async subject(kind: SubjectKind, number: string, phone?: string): Promise<SubjectRecord> {
    const s = await this.d.subjects.find(kind, number, phone);
    if (!s) throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
    return s;
  }

  /** What the pad / tracking page shows before the form: may it be rated now, and which round. */
  async subjectStatus(kind: SubjectKind, number: string, phone?: string) {
    const s = await this.subject(kind, number, phone);
    const rows = await ratingsOfSubject(this.d.p.db, s.id);
    const next = nextRound(priorOf(rows));
    return {
      kind: s.kind,
      number: s.number,
      rateable: 'round' in next,
      round: 'round' in next ? next.round : null,
      reason: 'round' in next ? null : next.message,
      finishedAt: Number(s.finished_at),
      ratings: rows.map((r) => ({ round: Number(r.round), level: Number(r.level), createdAt: Number(r.created_at) })),
    };
  }

  /** The applicant's rating (public: number + phone). */
  async submit(ctx: AuditContext, body: RatingBody) {
    const s = await this.subject(body.kind, body.number, body.phone);
    const problem = ratingProblem(body);
    if (problem) throw badRequest(problem.code, problem.message);
    let id: string;
    try {
      id = await this.d.p.transact(ctx, (w) => this.rate(w, s, body));
    } catch (e) {
      // two ratings of one subject at the same moment: the unique (subject, round) index keeps one
      if (isUniqueViolation(e)) throw conflict('already_rated', '该办件（服务）已评价 / already rated');
      throw e;
    }
    return this.get(id);
  }

  private async rate(w: Work, s: SubjectRecord, body: RatingBody): Promise<string> {
    const prior = await ratingsOfSubject(w.trx, s.id);
    const next = nextRound(priorOf(prior));
    if (!('round' in next)) throw conflict(next.code, next.message);
    const first = prior.find((r) => Number(r.round) === 1);
    const firstAt = first ? Number(first.first_at) : w.now;
    const id = newId(w.now);
    const bad = isBad(body.level);
    const row = {
      id,
      subject_row_id: s.id,
      kind: s.kind,
      number: s.number,
      department_id: s.department_id,
      site_id: s.site_id,
      window_id: s.window_id,
      item_code: s.item_code,
      handled_by: s.handled_by,
      round: next.round,
      level: body.level,
      bad: bad ? 1 : 0,
      indicators: JSON.stringify(body.indicators ?? {}),
      labels: JSON.stringify(body.labels ?? []),
      comment: body.comment?.trim() || null,
      channel: body.channel,
      current: 1,
      voided: 0,
      groundless: 0,
      first_at: firstAt,
      month: localDateKey(firstAt).slice(0, 7),
      created_at: w.now,
    };
    await insertRating(w.trx, row);
    if (first) {
      // the re-rating after the fix takes the first one's place in 满意率
      await updateRating(w.trx, first.id, { current: 0 });
      const rect = await rectificationOf(w.trx, first.id);
      if (rect) await updateRectification(w.trx, rect.id, { rerating_id: id, updated_at: w.now });
    }
    w.audit({ action: 'services.rating.created', entityType: RATING_ENTITY, entityId: id, after: { ...row } });
    w.emit({
      type: RATINGS_EVENTS.rated,
      entityType: RATING_ENTITY,
      entityId: id,
      data: {
        id,
        kind: s.kind,
        number: s.number,
        level: body.level,
        bad,
        round: next.round,
        departmentId: s.department_id,
        windowId: s.window_id,
      },
    });
    queueReport(w, 'rating', id, ratingMessage(row));
    if (bad && next.round === 1) await this.openRectification(w, row);
    return id;
  }

  /** 差评 → 整改: call-back within 1 working day, fix within the configured working days. */
  private async openRectification(
    w: Work,
    r: { id: string; number: string; department_id: string; window_id: string | null },
  ) {
    const { callbackDue, fixDue } = rectificationDeadlines(w.now, this.d.p.calendar, this.d.config.fixDays);
    const id = newId(w.now);
    await insertRectification(w.trx, {
      id,
      rating_id: r.id,
      number: r.number,
      department_id: r.department_id,
      window_id: r.window_id,
      status: 'open',
      assignee_id: null,
      assignee_name: null,
      callback_due: callbackDue,
      fix_due: fixDue,
      callback_at: null,
      callback_by: null,
      callback_note: null,
      callback_reached: null,
      fixed_at: null,
      fixed_by: null,
      fix_text: null,
      explanation: null,
      callback_overdue: 0,
      fix_overdue: 0,
      rerating_id: null,
      created_at: w.now,
      updated_at: w.now,
    });
    // the overdue flags are raised by jobs just after each due time (exact across restarts and nodes)
    for (const [which, at] of [
      ['callback', callbackDue],
      ['fix', fixDue],
    ] as const)
      w.append(
        'jobs',
        jobRow(
          OVERDUE_JOB,
          { runAt: at + 1, payload: { rectificationId: id, which }, dedupeKey: `${OVERDUE_JOB}:${id}:${which}` },
          w.now,
        ),
        JOB_INSERT,
      );
    w.audit({
      action: 'services.rating.rectification_opened',
      entityType: RECTIFICATION_ENTITY,
      entityId: id,
      after: { ratingId: r.id, callbackDue, fixDue },
    });
    w.emit({
      type: RATINGS_EVENTS.rectificationOpened,
      entityType: RECTIFICATION_ENTITY,
      entityId: id,
      data: { id, ratingId: r.id, number: r.number, departmentId: r.department_id, callbackDue, fixDue },
    });
  }

  async get(id: string) {
    const db = this.d.p.db;
    const r = await findRating(db, id);
    if (!r) throw notFound('rating');
    const rect = await rectificationOf(db, id);
    const appeal = await appealOf(db, id);
    return {
      rating: ratingView(r),
      rectification: rect ? rectificationView(rect, Number(r.level)) : null,
      appeal: appeal ? appealView(appeal) : null,
    };
  }

  async list(f: Omit<RatingFilter, 'limit'> & { limit?: number }) {
    if (f.from !== undefined && f.to !== undefined && f.to < f.from)
      throw badRequest('invalid_range', '结束时间早于开始时间 / to is before from');
    return { items: (await listRatings(this.d.p.db, { ...f, limit: f.limit ?? 100 })).map(ratingView) };
  }

  /** What went (or would have gone) to the provincial 好差评 system. */
  async reports(status?: string, limit = 100) {
    return { items: (await listReports(this.d.p.db, status, limit)).map(reportView) };
  }

  async invitations(limit = 100) {
    const rows = await listInvitations(this.d.p.db, limit);
    return {
      items: rows.map((i) => ({
        id: i.id,
        number: i.number,
        channel: i.channel,
        recipient: i.recipient,
        text: i.text,
        createdAt: Number(i.created_at),
      })),
    };
  }

  /** 好差评 figures per department, window or month, ranked by 差评率 (figures.ts defines them). */
  async stats(by: FiguresBy, from?: number, to?: number) {
    if (from !== undefined && to !== undefined && to < from)
      throw badRequest('invalid_range', '结束时间早于开始时间 / to is before from');
    const counts = await figureCounts(this.d.p.db, by, from, to);
    const { rows, total } = rankFigures(
      counts.map((c) => ({
        key: c.key,
        departmentId: c.department_id,
        count: c.count,
        satisfied: c.satisfied,
        bad: c.bad,
        groundless: c.groundless,
        rectifiedOnTime: c.on_time,
      })),
    );
    return { by, rows, total };
  }
}

/**
 * The job runner's part of 好差评: invitations to rate after N days, the rectification's overdue
 * flags at its due times, and delivery of the messages to the provincial system with retries.
 * Each handler's effects, audit row and event commit with the job's "done" mark (workIn).
 */
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/connect';
import { newId } from '../../../platform/ids';
import { JOB_INSERT, jobRow, type Job } from '../../../platform/jobs';
import { workIn } from '../../../platform/transact';
import { maskPhone } from '../../identity';
import type { RatingsDeps } from './deps';
import { RATING_SUBJECT_ENTITY, RATINGS_EVENTS, RECTIFICATION_ENTITY } from './events';
import type { RectificationStatus } from './ratings.contract';
import {
  findSubject,
  insertInvitation,
  lockRectification,
  lockReport,
  ratingsOfSubject,
  updateRectification,
  updateReport,
  updateSubject,
} from './ratings.repo';
import { OVERDUE_JOB } from './ratings.service';
import { REPORT_JOB, retryDelayMs } from './report';
import { callbackOverdue, fixOverdue } from './rules';
import { INVITE_JOB } from './subjects';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function registerRatingJobs(d: RatingsDeps): void {
  const { p } = d;

  // 邀评: not rated N days after it finished → one invitation (sent through the notifier, or recorded)
  p.jobs.register(INVITE_JOB, async (trx: Tx, job: Job) => {
    const id = str(job.payload.subjectRowId);
    if (!id) return;
    await workIn(trx, p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      const s = await findSubject(w.trx, id);
      if (!s || s.invited_at !== null) return;
      if ((await ratingsOfSubject(w.trx, id)).length > 0) return;
      const what = s.kind === 'case' ? `办件 ${s.number}` : `服务 ${s.number}`;
      const text = `您的${what}已办结。请对本次政务服务进行评价（好差评），您的意见将帮助我们改进服务。`;
      const channel = d.notify && s.phone ? 'sms' : 'recorded';
      if (d.notify && s.phone) await d.notify(w, { phone: s.phone, number: s.number, text });
      await insertInvitation(w.trx, {
        id: newId(w.now),
        subject_row_id: id,
        number: s.number,
        channel,
        recipient: maskPhone(s.phone),
        text,
        created_at: w.now,
      });
      await updateSubject(w.trx, id, { invited_at: w.now });
      w.audit({
        action: 'services.rating.invited',
        entityType: RATING_SUBJECT_ENTITY,
        entityId: id,
        after: { channel },
      });
      w.emit({
        type: RATINGS_EVENTS.invited,
        entityType: RATING_SUBJECT_ENTITY,
        entityId: id,
        data: { subjectId: id, number: s.number, channel },
      });
    });
  });

  // 超时: the call-back or the fix not done by its due time
  p.jobs.register(OVERDUE_JOB, async (trx: Tx, job: Job) => {
    const id = str(job.payload.rectificationId);
    const which = str(job.payload.which);
    if (!id || (which !== 'callback' && which !== 'fix')) return;
    await workIn(trx, p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      const x = await lockRectification(w.trx, p.dialect, id);
      if (!x) return;
      const clock = {
        status: x.status as RectificationStatus,
        callbackDue: Number(x.callback_due),
        fixDue: Number(x.fix_due),
        callbackAt: x.callback_at === null ? null : Number(x.callback_at),
        fixedAt: x.fixed_at === null ? null : Number(x.fixed_at),
      };
      const late = which === 'callback' ? callbackOverdue(clock, w.now) : fixOverdue(clock, w.now);
      const flag = which === 'callback' ? x.callback_overdue : x.fix_overdue;
      if (!late || flag === 1) return;
      const patch = which === 'callback' ? { callback_overdue: 1 } : { fix_overdue: 1 };
      await updateRectification(w.trx, id, { ...patch, updated_at: w.now });
      w.audit({
        action: `services.rating.rectification.${which}_overdue`,
        entityType: RECTIFICATION_ENTITY,
        entityId: id,
        after: patch,
      });
      w.emit({
        type: RATINGS_EVENTS.rectificationOverdue,
        entityType: RECTIFICATION_ENTITY,
        entityId: id,
        data: { id, number: x.number, which, departmentId: x.department_id },
      });
    });
  });

  // 上报: one attempt per job; a failure plans the next attempt (its error visible on the row) until the last
  p.jobs.register(REPORT_JOB, async (trx: Tx, job: Job) => {
    const id = str(job.payload.reportId);
    if (!id) return;
    const r = await lockReport(trx, p.dialect, id);
    if (!r) return;
    if (r.status !== 'pending') return; // sent, recorded or failed already
    const attempts = Number(r.attempts) + 1;
    const reporter = d.reporter.current;
    let outcome: { remoteRef: string | null; recorded?: boolean } | null = null;
    let error: string | null = null;
    try {
      outcome = await reporter.send({
        id: r.id,
        kind: r.kind as 'rating' | 'rectification',
        payload: JSON.parse(r.payload),
      });
    } catch (err) {
      error = String((err as Error)?.message ?? err).slice(0, 1000);
    }
    await workIn(trx, p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      if (outcome) {
        const status = outcome.recorded ? 'recorded' : 'sent';
        await updateReport(w.trx, id, {
          status,
          attempts,
          remote_ref: outcome.remoteRef,
          last_error: null,
          sent_at: w.now,
        });
        w.emit({
          type: RATINGS_EVENTS.reported,
          entityType: 'svc_rating_report',
          entityId: id,
          data: { id, kind: r.kind, refId: r.ref_id, status },
        });
        return;
      }
      const failed = attempts >= d.config.reportAttempts;
      await updateReport(w.trx, id, { status: failed ? 'failed' : 'pending', attempts, last_error: error });
      if (failed) {
        p.logger.warn({ report: id, error }, 'rating report not accepted by the provincial system');
        w.audit({
          action: 'services.rating.report_failed',
          entityType: 'svc_rating_report',
          entityId: id,
          after: { attempts, error },
        });
        w.emit({
          type: RATINGS_EVENTS.reported,
          entityType: 'svc_rating_report',
          entityId: id,
          data: { id, kind: r.kind, refId: r.ref_id, status: 'failed' },
        });
        return;
      }
      w.append(
        'jobs',
        jobRow(
          REPORT_JOB,
          {
            runAt: w.now + retryDelayMs(attempts),
            payload: { reportId: id },
            dedupeKey: `${REPORT_JOB}:${id}:${attempts + 1}`,
          },
          w.now,
        ),
        JOB_INSERT,
      );
    });
  });
}

/**
 * What may be rated, and who may rate it. The case and hall modules register their finished
 * cases and served visits with `registerSubject` inside their own use case's transaction; the
 * ratings service finds a subject through the `RatingSubjects` port (number + phone check). The
 * in-module implementation reads the `svc_rating_subjects` table, so nothing here depends on the
 * case tables.
 */
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { Queryable } from '../../../platform/db/connect';
import { JOB_INSERT, jobRow } from '../../../platform/jobs';
import type { Work } from '../../../platform/transact';
import type { SubjectKind } from './ratings.contract';
import { RATING_SUBJECT_ENTITY, RATINGS_EVENTS } from './events';
import {
  findSubjectByNumber,
  findSubjectByRef,
  insertSubject,
  updateSubject,
  type SubjectRecord,
} from './ratings.repo';

export const INVITE_JOB = 'services.ratings.invite';
export const DEFAULT_INVITE_AFTER_DAYS = 3;
const DAY = 86_400_000;

/** A finished case (一事一评) or a served window visit (一次一评), as its module describes it. */
export interface RatingSubject {
  kind: SubjectKind;
  /** the case's or ticket's own id */
  id: string;
  /** 办件编号 / ticket number the applicant types */
  number: string;
  departmentId: string;
  siteId: string;
  windowId?: string | null;
  itemCode?: string | null;
  /** the staff member who handled it (user id) */
  handledBy?: string | null;
  /** the applicant's phone: proves who may rate, and where the invitation goes */
  phone?: string | null;
  /** when it was finished (default: now) */
  finishedAt?: number;
}

/** The port the ratings service finds subjects through. */
export interface RatingSubjects {
  /** The subject, if it exists and `phone` matches the one registered (null otherwise: no oracle). */
  find(kind: SubjectKind, number: string, phone?: string): Promise<SubjectRecord | null>;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** Whether `phone` proves the applicant: a subject registered without a phone (a walk-in visit) needs none. */
export const phoneMatches = (registered: string | null, given: string | undefined): boolean =>
  registered === null || (given !== undefined && digits(given) !== '' && digits(given) === digits(registered));

/** The in-module RatingSubjects over svc_rating_subjects. */
export const tableSubjects = (db: Queryable): RatingSubjects => ({
  async find(kind, number, phone) {
    const s = await findSubjectByNumber(db, kind, number);
    return s && phoneMatches(s.phone, phone) ? s : null;
  },
});

/**
 * Registers (or refreshes) a subject inside the caller's transaction and plans its invitation to
 * rate `inviteAfterDays` after it finished. Returns the subject row's id. Prefer the mounted
 * api's `registerSubject`, which uses the configured delay.
 */
export async function registerSubject(
  w: Work,
  subject: RatingSubject,
  opts: { inviteAfterDays?: number } = {},
): Promise<string> {
  const finishedAt = subject.finishedAt ?? w.now;
  const byNumber = await findSubjectByNumber(w.trx, subject.kind, subject.number);
  const existing = await findSubjectByRef(w.trx, subject.kind, subject.id);
  if (byNumber && byNumber.id !== existing?.id)
    throw conflict(
      'subject_number_taken',
      `编号 ${subject.number} 已登记给另一${subject.kind === 'case' ? '办件' : '次服务'} / number already registered`,
    );
  const fields = {
    number: subject.number,
    phone: subject.phone ?? null,
    department_id: subject.departmentId,
    site_id: subject.siteId,
    window_id: subject.windowId ?? null,
    item_code: subject.itemCode ?? null,
    handled_by: subject.handledBy ?? null,
    finished_at: finishedAt,
  };
  const id = existing?.id ?? newId(w.now);
  if (existing) await updateSubject(w.trx, id, fields);
  else
    await insertSubject(w.trx, {
      id,
      kind: subject.kind,
      subject_id: subject.id,
      invited_at: null,
      created_at: w.now,
      ...fields,
    });
  const days = opts.inviteAfterDays ?? DEFAULT_INVITE_AFTER_DAYS;
  if (!existing && days > 0)
    w.append(
      'jobs',
      jobRow(
        INVITE_JOB,
        { runAt: finishedAt + days * DAY, payload: { subjectRowId: id }, dedupeKey: `${INVITE_JOB}:${id}` },
        w.now,
      ),
      JOB_INSERT,
    );
  w.audit({
    action: existing ? 'services.rating.subject_updated' : 'services.rating.subject_registered',
    entityType: RATING_SUBJECT_ENTITY,
    entityId: id,
    after: { ...fields, phone: fields.phone ? '***' : null, kind: subject.kind, subjectId: subject.id },
  });
  w.emit({
    type: RATINGS_EVENTS.subjectRegistered,
    entityType: RATING_SUBJECT_ENTITY,
    entityId: id,
    data: { id, kind: subject.kind, number: subject.number, departmentId: subject.departmentId },
  });
  return id;
}

/** What the parts of 好差评 share: the platform, the subject port, the settings and the adapters. */
import type { PlatformContext } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { JOB_INSERT, jobRow } from '../../../platform/jobs';
import type { Work } from '../../../platform/transact';
import { DEFAULT_REPORT_ATTEMPTS, REPORT_JOB, type ProvincialReporter } from './report';
import type { RatingSubjects } from './subjects';

/** A message to the applicant (the invitation to rate), written in the caller's transaction. */
export type RatingNotifier = (w: Work, message: { phone: string; number: string; text: string }) => Promise<void>;

export interface RatingsConfig {
  /** 整改时限: working days from the 差评 to the fix (local rules: 5 or 15). */
  fixDays: number;
  /** Days after a subject finished before the invitation to rate goes out (0 = none). */
  inviteAfterDays: number;
  /** Attempts per message to the provincial system. */
  reportAttempts: number;
}

export const DEFAULT_RATINGS_CONFIG: RatingsConfig = {
  fixDays: 15,
  inviteAfterDays: 3,
  reportAttempts: DEFAULT_REPORT_ATTEMPTS,
};

export interface RatingsDeps {
  p: PlatformContext;
  subjects: RatingSubjects;
  config: RatingsConfig;
  /** How invitations reach the applicant; without one they are only recorded. */
  notify: RatingNotifier | null;
  /** The provincial adapter in use (swappable: `RatingsApi.useReporter`). */
  reporter: { current: ProvincialReporter };
}

/** Queues one message for the provincial system with its first delivery job, in the use case's transaction. */
export function queueReport(
  w: Work,
  kind: 'rating' | 'rectification',
  refId: string,
  payload: Record<string, unknown>,
): string {
  const id = newId(w.now);
  w.append('svc_rating_reports', {
    id,
    kind,
    ref_id: refId,
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    last_error: null,
    remote_ref: null,
    created_at: w.now,
    sent_at: null,
  });
  w.append(
    'jobs',
    jobRow(REPORT_JOB, { runAt: w.now, payload: { reportId: id }, dedupeKey: `${REPORT_JOB}:${id}:1` }, w.now),
    JOB_INSERT,
  );
  return id;
}

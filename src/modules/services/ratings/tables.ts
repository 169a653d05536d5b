/**
 * Tables of 好差评 (service ratings), joined into ServicesTables (services/tables.ts) like the
 * cases' tables. Instants are epoch ms; JSON columns are text.
 */

export interface RatingsTables {
  /**
   * What can be rated: a finished case (一事一评) or a served window visit (一次一评), registered by
   * the case and hall modules through `registerSubject`. The phone is what the applicant proves
   * they are the one who may rate it.
   */
  svc_rating_subjects: {
    id: string;
    kind: string; // case | visit
    subject_id: string; // the case's / ticket's own id
    number: string; // 办件编号 / ticket number people type
    phone: string | null;
    department_id: string;
    site_id: string;
    window_id: string | null;
    item_code: string | null;
    handled_by: string | null;
    finished_at: number;
    invited_at: number | null;
    created_at: number;
  };
  /** One row per rating given; a re-rating after a rectification is round 2 of the same subject. */
  svc_ratings: {
    id: string;
    subject_row_id: string;
    kind: string;
    number: string;
    department_id: string;
    site_id: string;
    window_id: string | null;
    item_code: string | null;
    handled_by: string | null;
    round: number; // 1, or 2 = the re-rating after the fix
    level: number; // 5 非常满意 … 1 非常不满意
    bad: number; // 1: 差评 (level ≤ 2)
    indicators: string; // JSON { [indicator]: level }
    labels: string; // JSON label codes
    comment: string | null;
    channel: string; // web | app | sms | kiosk | pad
    /** 1 for the subject's rating that counts in 满意率 now (the latest, not voided). */
    current: number;
    /** 1 once an appeal against it was accepted: out of every figure. */
    voided: number;
    /** 1 once explained as a 不实差评: stays in the count, out of 差评率. */
    groundless: number;
    /** When the subject's first rating was given, and its month (YYYY-MM, Shanghai): figures group by these. */
    first_at: number;
    month: string;
    created_at: number;
  };
  /** The rectification task a 差评 opens (整改台账). */
  svc_rating_rectifications: {
    id: string;
    rating_id: string;
    number: string;
    department_id: string;
    window_id: string | null;
    status: string; // open | called_back | fixed | explained | voided
    assignee_id: string | null;
    assignee_name: string | null;
    callback_due: number;
    fix_due: number;
    callback_at: number | null;
    callback_by: string | null;
    callback_note: string | null;
    callback_reached: number | null;
    fixed_at: number | null;
    fixed_by: string | null;
    fix_text: string | null;
    explanation: string | null;
    callback_overdue: number;
    fix_overdue: number;
    rerating_id: string | null;
    created_at: number;
    updated_at: number;
  };
  /** A staff appeal (申诉) against a rating, and its review. */
  svc_rating_appeals: {
    id: string;
    rating_id: string;
    status: string; // pending | accepted | rejected
    reason: string;
    filed_by: string | null;
    filed_by_name: string | null;
    filed_at: number;
    reviewed_by: string | null;
    reviewed_by_name: string | null;
    review_note: string | null;
    reviewed_at: number | null;
  };
  /** Invitations to rate sent (or recorded) for subjects not rated N days after they finished. */
  svc_rating_invitations: {
    id: string;
    subject_row_id: string;
    number: string;
    channel: string; // sms | recorded
    recipient: string | null; // masked
    text: string;
    created_at: number;
  };
  /** What goes to the provincial 好差评 system: one row per message, with its delivery attempts. */
  svc_rating_reports: {
    id: string;
    kind: string; // rating | rectification
    ref_id: string;
    payload: string; // JSON, as sent
    status: string; // pending | sent | recorded | failed
    attempts: number;
    last_error: string | null;
    remote_ref: string | null;
    created_at: number;
    sent_at: number | null;
  };
}

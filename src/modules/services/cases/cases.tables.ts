/**
 * Tables of the cases (办件): the case row (its item terms, applicant, channel, sites, state and
 * clocks), every transition (steps), per-material status, 联办 parts, pauses, and the per-code,
 * per-day number sequence. Instants are epoch ms; JSON columns are text.
 */
export interface CasesTables {
  svc_cases: {
    id: string;
    /** 办件编号, given at first submission; null for a draft. */
    number: string | null;
    item_id: string;
    item_version: number;
    /** JSON ItemTerms: the guide version's terms the case runs under. */
    item_terms: string;
    item_type: string;
    kind: string; // immediate | promised | joint | reported
    situation: string; // JSON { question: value | value[] }
    form: string; // JSON of the applicant's form fields
    applicant_kind: string; // person | enterprise
    applicant_id_no: string;
    applicant_name: string;
    applicant_phone: string;
    /** The account that applies online (null for a window applicant without an account). */
    applicant_user_id: string | null;
    /** JSON Delegation of a 帮办代办 agent, and its user id for lookups. */
    agent: string | null;
    agent_user_id: string | null;
    channel: string; // online | window | kiosk | agent
    site_id: string;
    department_id: string;
    decided_site_id: string | null;
    issue_site_id: string | null;
    state: string;
    created_at: number;
    created_by: string;
    updated_at: number;
    draft_expires_at: number;
    submitted_at: number | null;
    accepted_at: number | null;
    accepted_by: string | null;
    step_index: number;
    pre_review: string; // JSON PreReviewRound[]
    originals: string | null;
    corrections: string; // JSON CorrectionNotice[]
    review_steps: string; // JSON StepRecord[]
    extension: string | null;
    fee: string | null;
    decision: string | null;
    outcome: string | null;
    decided_at: number | null;
    delivery: string | null;
    rating: string | null;
    closing: string | null;
    /** The clock as last planned: late from due_at, due soon from due_soon_at (null while paused). */
    due_at: number | null;
    due_soon_at: number | null;
    /** The due_at / due_soon_at an alert was raised for (an alert fires once per planned instant). */
    overdue_alerted_for: number | null;
    due_soon_alerted_for: number | null;
  };
  /** Every transition: who, when, in which role, with which comment. */
  svc_case_steps: {
    case_id: string;
    seq: number;
    action: string;
    from_state: string;
    to_state: string;
    actor_id: string;
    role: string;
    at: number;
    comment: string | null;
    data: string; // JSON event details
  };
  /** The applicant's list of materials and each one's status. */
  svc_case_materials: {
    case_id: string;
    material_id: string;
    name: string;
    required: number;
    status: string; // provided | missing | returned | pending
    comment: string | null;
    updated_at: number;
  };
  /** 联办件: one part per co-handling department. */
  svc_case_parts: {
    id: string;
    case_id: string;
    department_id: string;
    name: string;
    done_at: number | null;
    done_by: string | null;
    opinion: string | null;
  };
  /** Spans in which the case clock stands still (补正, 特别程序). */
  svc_case_pauses: {
    case_id: string;
    seq: number;
    kind: string;
    ref: string;
    label: string;
    from_at: number;
    to_at: number | null;
  };
  /** The last sequence given per number code and Shanghai day (办件编号). */
  svc_case_numbers: { code: string; day: string; last: number };
}

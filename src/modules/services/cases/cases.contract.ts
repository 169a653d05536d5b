/** 办件 over HTTP: requests and responses (TypeBox only; the web imports it). */
import { type Static, Type as T } from '@sinclair/typebox';
import { At, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';
import { Instant } from '../../../platform/contract';

export const CASE_STATE_CODES = [
  'draft',
  'expired',
  'pre_review',
  'submitted',
  'awaiting_correction',
  'accepted',
  'decided',
  'delivered',
  'rated',
  'rejected',
  'returned',
  'withdrawn',
] as const;
export const CASE_CHANNELS = ['online', 'window', 'kiosk', 'agent'] as const;
export const APPLICANT_KINDS = ['person', 'enterprise'] as const;
export const DELEGATION_KIND_CODES = ['legal_representative', 'authorised_agent', 'guardian'] as const;
/** The actions the actions route takes (saving a draft has its own route; drafts expire by job). */
export const CASE_ACTION_TYPES = [
  'request_pre_review',
  'return_pre_review',
  'pass_pre_review',
  'submit',
  'record_originals',
  'accept',
  'accept_and_decide',
  'reject',
  'request_correction',
  'supply_correction',
  'pass_step',
  'return_step',
  'complete_part',
  'start_special_step',
  'end_special_step',
  'extend_limit',
  'record_fee',
  'decide',
  'deliver',
  'rate',
  'withdraw',
  'return_case',
] as const;
export const CASE_DOCUMENT_KINDS = [
  'receipt',
  'acceptance_notice',
  'rejection_notice',
  'correction_notice',
  'decision',
  'return_note',
] as const;
export const CASE_QUEUES = ['site', 'department', 'mine'] as const;
export const CLOCK_STATUSES = ['running', 'due_soon', 'overdue', 'paused', 'done_on_time', 'done_late'] as const;

const Id = T.String({ minLength: 1, maxLength: 64 });
const Text = (maxLength: number) => T.String({ minLength: 1, maxLength });
const Key = T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });

export const CaseParams = T.Object({ id: Id }, { additionalProperties: false });
export const DocumentParams = T.Object({ id: Id, kind: OneOf(CASE_DOCUMENT_KINDS) }, { additionalProperties: false });
export const CaseNoQuery = T.Object({}, { additionalProperties: false });

export const Applicant = T.Object(
  {
    kind: OneOf(APPLICANT_KINDS),
    /** 居民身份证号码 (person) or 统一社会信用代码 (enterprise), checked with its checksum. */
    idNo: T.String({ minLength: 15, maxLength: 24 }),
    name: Text(100),
    phone: T.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+\\- ]+$' }),
  },
  { additionalProperties: false },
);
const Situation = T.Record(Key, T.Array(Key, { maxItems: 20 }), { maxProperties: 20 });
const Form = T.Record(Key, T.String({ maxLength: 2000 }), { maxProperties: 100 });

export const NewCaseBody = T.Object(
  {
    itemId: Id,
    /** Where it is (to be) accepted; default: the first site handling the item (the clerk's own at a window). */
    siteId: T.Optional(Id),
    channel: T.Optional(OneOf(CASE_CHANNELS)),
    applicant: Applicant,
    situation: T.Optional(Situation),
    form: T.Optional(Form),
    /** 帮办代办: the recorded delegation the agent acts under. */
    agent: T.Optional(
      T.Object(
        { userId: Id, kind: OneOf(DELEGATION_KIND_CODES), name: Text(100), expiresAt: Instant() },
        { additionalProperties: false },
      ),
    ),
    /** 联办件: the co-handling departments (one part each). */
    parts: T.Optional(T.Array(Id, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type NewCaseBody = Static<typeof NewCaseBody>;

export const SaveCaseBody = T.Object(
  { situation: T.Optional(Situation), form: T.Optional(Form), applicant: T.Optional(Applicant) },
  { additionalProperties: false },
);
export type SaveCaseBody = Static<typeof SaveCaseBody>;

const Comment = T.Object({ materialId: Id, comment: Text(1000) }, { additionalProperties: false });
const CorrectionLine = T.Object(
  { materialId: T.Optional(Id), name: Text(200), problem: Text(1000) },
  { additionalProperties: false },
);

/** One body for every action; which fields an action needs is checked by the case model (400 missing_field). */
export const CaseActionBody = T.Object(
  {
    type: OneOf(CASE_ACTION_TYPES),
    comments: T.Optional(T.Array(Comment, { maxItems: 80 })),
    note: T.Optional(T.String({ maxLength: 1000 })),
    method: T.Optional(OneOf(['window', 'mail', 'electronic'] as const)),
    trackingNo: T.Optional(Text(60)),
    carrier: T.Optional(Text(60)),
    licenceId: T.Optional(Text(100)),
    outcome: T.Optional(OneOf(['granted', 'refused'] as const)),
    text: T.Optional(Text(4000)),
    reason: T.Optional(Text(2000)),
    legalBasis: T.Optional(Text(2000)),
    items: T.Optional(T.Array(CorrectionLine, { maxItems: 80 })),
    materialIds: T.Optional(T.Array(Id, { maxItems: 80 })),
    names: T.Optional(T.Array(Text(200), { maxItems: 80 })),
    opinion: T.Optional(Text(2000)),
    partId: T.Optional(Id),
    code: T.Optional(Key),
    days: T.Optional(T.Integer({ minimum: 1, maximum: 60 })),
    amount: T.Optional(T.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    basis: T.Optional(Text(1000)),
    status: T.Optional(OneOf(['paid', 'waived'] as const)),
    receiptNo: T.Optional(Text(60)),
    recipient: T.Optional(
      T.Object(
        {
          kind: OneOf(['applicant', 'proxy'] as const),
          name: Text(100),
          proof: OneOf(['receipt', 'id_card'] as const),
          authorisation: T.Optional(Text(200)),
        },
        { additionalProperties: false },
      ),
    ),
    level: T.Optional(T.Integer({ minimum: 1, maximum: 5 })),
    comment: T.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type CaseActionBody = Static<typeof CaseActionBody>;

export const CaseListQuery = T.Object(
  {
    queue: T.Optional(OneOf(CASE_QUEUES)),
    siteId: T.Optional(Id),
    departmentId: T.Optional(Id),
    state: T.Optional(T.String({ maxLength: 200, description: 'states, comma-separated' })),
    clock: T.Optional(OneOf(['overdue', 'due_soon'] as const)),
    itemId: T.Optional(Id),
    q: T.Optional(
      T.String({ minLength: 1, maxLength: 40, description: '办件编号或身份证号 / case number or ID number' }),
    ),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 200 })),
    offset: T.Optional(T.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const TrackBody = T.Object(
  { number: T.String({ minLength: 5, maxLength: 40 }), phone: T.String({ minLength: 5, maxLength: 20 }) },
  { additionalProperties: false },
);

export const Clock = T.Object({
  limitDays: T.Integer(),
  startDate: T.String(),
  dueDate: MaybeString,
  dueAt: MaybeAt,
  elapsedDays: T.Integer(),
  remainingDays: T.Integer(),
  overdueDays: T.Integer(),
  pausedDays: T.Integer(),
  status: OneOf(CLOCK_STATUSES),
});

export const CaseRow = T.Object({
  id: T.String(),
  number: MaybeString,
  itemId: T.String(),
  itemName: T.String(),
  itemVersion: T.Integer(),
  kind: T.String(),
  channel: T.String(),
  state: OneOf(CASE_STATE_CODES),
  stateLabel: T.String(),
  applicantName: T.String(),
  applicantIdNo: T.String({ description: 'masked' }),
  siteId: T.String(),
  departmentId: T.String(),
  createdAt: At,
  submittedAt: MaybeAt,
  acceptedAt: MaybeAt,
  dueAt: MaybeAt,
});
export const CaseList = T.Object({ items: T.Array(CaseRow), total: T.Integer() });

export const CaseStep = T.Object({
  seq: T.Integer(),
  action: T.String(),
  label: T.String(),
  from: T.String(),
  to: T.String(),
  by: T.String(),
  role: T.String(),
  at: At,
  comment: MaybeString,
});

export const CaseMaterialView = T.Object({
  id: T.String(),
  name: T.String(),
  required: T.Boolean(),
  status: T.String(),
  comment: MaybeString,
});

export const CaseDetail = T.Object({
  ...CaseRow.properties,
  applicantKind: T.String(),
  applicantPhone: T.String({ description: 'masked' }),
  situation: T.Record(T.String(), T.Array(T.String())),
  form: T.Record(T.String(), T.String()),
  agent: Nullable(T.Object({ userId: T.String(), kind: T.String(), name: T.String(), expiresAt: At })),
  decidedSiteId: MaybeString,
  issueSiteId: MaybeString,
  draftExpiresAt: At,
  stepName: MaybeString,
  outcome: MaybeString,
  decidedAt: MaybeAt,
  trackingNo: MaybeString,
  deliveryMethod: MaybeString,
  materials: T.Array(CaseMaterialView),
  parts: T.Array(
    T.Object({ id: T.String(), departmentId: T.String(), name: T.String(), doneAt: MaybeAt, opinion: MaybeString }),
  ),
  pauses: T.Array(T.Object({ kind: T.String(), label: T.String(), from: At, to: MaybeAt })),
  corrections: T.Array(
    T.Object({
      seq: T.Integer(),
      noticedAt: At,
      dueAt: MaybeAt,
      suppliedAt: MaybeAt,
      items: T.Array(T.Object({ materialId: MaybeString, name: T.String(), problem: T.String() })),
    }),
  ),
  preReview: T.Array(
    T.Object({
      submittedAt: At,
      endedAt: MaybeAt,
      result: MaybeString,
      comments: T.Array(T.Object({ materialId: T.String(), comment: T.String() })),
    }),
  ),
  steps: T.Array(CaseStep),
  clock: Nullable(Clock),
  legalClock: Nullable(Clock),
  preReviewClock: Nullable(Clock),
  actions: T.Array(T.String(), { description: 'what the caller may do now' }),
  documents: T.Array(T.String()),
  fee: Nullable(T.Object({ amount: T.Number(), status: T.String(), receiptNo: MaybeString })),
  extensionDays: MaybeNumber,
});
export type CaseDetail = Static<typeof CaseDetail>;

/** What the tracking page shows: no ID number, the phone masked. */
export const TrackedCase = T.Object({
  number: T.String(),
  itemName: T.String(),
  state: OneOf(CASE_STATE_CODES),
  stateLabel: T.String(),
  applicantName: T.String({ description: 'masked' }),
  submittedAt: MaybeAt,
  acceptedAt: MaybeAt,
  dueDate: MaybeString,
  outcome: MaybeString,
  steps: T.Array(T.Object({ label: T.String(), at: At })),
  phone: T.String({ description: 'masked' }),
});

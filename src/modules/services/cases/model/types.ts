/** The case (办件) as the state machine sees it: the item's terms it runs under, its facts so far, who acts on it. */
import type { CaseState } from './states';

/**
 * Roles the case model knows. 综合窗口 practice keeps them apart: the accepting window clerk
 * (前台综合受理), the department's reviewer and approver (后台分类审批) and the issuing window
 * (统一窗口出件). `agent` is a 帮办代办 delegate of the applicant; `system` is the platform's jobs.
 */
export const CASE_ROLES = [
  'applicant',
  'agent',
  'window_clerk',
  'reviewer',
  'approver',
  'issuing_window',
  'system',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const ROLE_LABELS: Record<CaseRole, { zh: string; en: string }> = {
  applicant: { zh: '申请人', en: 'applicant' },
  agent: { zh: '代办人', en: 'agent' },
  window_clerk: { zh: '综合受理窗口', en: 'window clerk' },
  reviewer: { zh: '审查人', en: 'reviewer' },
  approver: { zh: '审批人', en: 'approver' },
  issuing_window: { zh: '出件窗口', en: 'issuing window' },
  system: { zh: '系统', en: 'system' },
};

export function isCaseRole(x: unknown): x is CaseRole {
  return typeof x === 'string' && (CASE_ROLES as readonly string[]).includes(x);
}

export interface CaseActor {
  userId: string;
  roles: readonly CaseRole[];
  /** Departments in the actor's data scope (reviewers, approvers). */
  orgIds?: readonly string[];
  /** Sites whose windows the actor works at (window clerks, issuing windows). */
  siteIds?: readonly string[];
}

/** 即办件 · 承诺件 · 联办件 · 上报件 — the same codes as the catalogue's CASE_TYPES. */
export const CASE_KINDS = ['immediate', 'promised', 'joint', 'reported'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CHANNELS = ['online', 'window', 'kiosk', 'agent'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELEGATION_KINDS = ['legal_representative', 'authorised_agent', 'guardian'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/** One step of the item's review chain; the last step is where the decision is taken. */
export interface ChainStep {
  role: 'reviewer' | 'approver';
  name: string;
}

/** 特别程序 (检验检测, 专家评审, 公示 …): the time they take is not counted in the limit. */
export interface SpecialStepTerm {
  code: string;
  name: string;
  /** Its own limit, when the guide gives one (e.g. 公示 7 working days); null when open-ended. */
  maxDays: number | null;
}

/** The item's guide version the case runs under (a case keeps the version it was accepted under). */
export interface ItemTerms {
  itemId: string;
  code: string;
  name: string;
  version: number;
  kind: CaseKind;
  /** 法定时限 and 承诺时限, in working days from the day after acceptance (promised ≤ legal). */
  legalLimitDays: number;
  promisedLimitDays: number;
  /** Working days an approver may add once (行政许可法 第42条: 10 more days); 0 = no extension. */
  extensionMaxDays: number;
  /** 网上预审 for online applications, with its own limit in working days; null = none. */
  preReview: { limitDays: number } | null;
  /** Originals must be checked (at the window or mailed in) before an online case is accepted. */
  originalsRequired: boolean;
  /** Working days the applicant has to supply a 补正 before the case may be returned (退件). */
  correctionDays: number;
  mailable: boolean;
  electronicLicence: boolean;
  feeRequired: boolean;
  specialSteps: readonly SpecialStepTerm[];
  chain: readonly ChainStep[];
  /** Sites whose comprehensive windows handle the item. */
  siteIds: readonly string[];
}

/** A material of the applicant's own list (chosen by the situations). */
export interface CaseMaterial {
  id: string;
  name: string;
}

export interface Delegation {
  userId: string;
  kind: DelegationKind;
  name: string;
  expiresAt: number;
}

export interface MaterialComment {
  materialId: string;
  comment: string;
}

export interface PreReviewRound {
  submittedAt: number;
  endedAt: number | null;
  result: 'returned' | 'passed' | null;
  comments: readonly MaterialComment[];
  by: string | null;
}

/** One line of a 补正告知书: a material (of the list, or one not on it) and what is wrong with it. */
export interface CorrectionItem {
  materialId: string | null;
  name: string;
  problem: string;
}

export interface CorrectionNotice {
  seq: number;
  items: readonly CorrectionItem[];
  noticedAt: number;
  by: string;
  /** The state it was asked in (before or after acceptance), where the case goes back to. */
  origin: 'submitted' | 'accepted';
  /** End of the applicant's time to supply (exclusive instant); null when the item sets none. */
  dueAt: number | null;
  suppliedAt: number | null;
}

/** A span in which the case's clock stands still. */
export interface CasePause {
  kind: 'correction' | 'special_step';
  /** The special step's code, or the correction notice's seq as text. */
  ref: string;
  label: string;
  from: number;
  to: number | null;
}

export interface StepRecord {
  index: number;
  name: string;
  by: string;
  at: number;
  result: 'passed' | 'returned' | 'decided';
  opinion: string;
}

/** 联办件: a co-handling department's part; the lead department decides after every part is done. */
export interface JointPart {
  id: string;
  departmentId: string;
  name: string;
  doneAt: number | null;
  doneBy: string | null;
  opinion: string | null;
}

export interface FeeRecord {
  /** In fen (分). */
  amount: number;
  basis: string;
  status: 'paid' | 'waived';
  receiptNo: string | null;
  at: number;
  by: string;
}

export type Outcome = 'granted' | 'refused';

export interface Decision {
  outcome: Outcome;
  text: string;
  /** Why it was refused (required for 不予); the legal basis it rests on. */
  reason: string | null;
  legalBasis: string | null;
  at: number;
  by: string;
}

export type DeliveryMethod = 'window' | 'mail' | 'electronic';

export interface Delivery {
  method: DeliveryMethod;
  at: number;
  by: string;
  /** Window pickup: who collected it and what they showed. */
  recipient: {
    kind: 'applicant' | 'proxy';
    name: string;
    proof: 'receipt' | 'id_card';
    authorisation: string | null;
  } | null;
  trackingNo: string | null;
  carrier: string | null;
  licenceId: string | null;
}

export interface CaseSnapshot {
  id: string;
  /** 办件编号 (numbers.ts), given at submission; null for a draft. */
  number: string | null;
  state: CaseState;
  item: ItemTerms;
  channel: Channel;
  applicantId: string;
  applicantName: string;
  agent: Delegation | null;
  /** Where it was (or will be) accepted, decided (the lead department) and handed out. */
  siteId: string;
  departmentId: string;
  issueSiteId: string | null;
  materials: readonly CaseMaterial[];
  createdAt: number;
  draftExpiresAt: number;
  preReview: readonly PreReviewRound[];
  submittedAt: number | null;
  originals: { method: 'window' | 'mail'; trackingNo: string | null; at: number; by: string } | null;
  acceptedAt: number | null;
  acceptedBy: string | null;
  corrections: readonly CorrectionNotice[];
  pauses: readonly CasePause[];
  /** Index into item.chain of the step now running (meaningful while accepted). */
  stepIndex: number;
  steps: readonly StepRecord[];
  parts: readonly JointPart[];
  extension: { days: number; reason: string; at: number; by: string } | null;
  fee: FeeRecord | null;
  decision: Decision | null;
  delivery: Delivery | null;
  rating: { level: 1 | 2 | 3 | 4 | 5; comment: string | null; at: number } | null;
  /** 不予受理, 退件, 撤回: why and when. */
  closing: {
    kind: 'rejected' | 'returned' | 'withdrawn' | 'expired';
    reason: string;
    legalBasis: string | null;
    at: number;
    by: string;
  } | null;
}

export interface NewCaseInit {
  id: string;
  item: ItemTerms;
  channel: Channel;
  applicantId: string;
  applicantName: string;
  agent?: Delegation | null;
  siteId: string;
  departmentId: string;
  issueSiteId?: string | null;
  materials: readonly CaseMaterial[];
  /** Co-handling departments of a 联办件. */
  parts?: ReadonlyArray<{ id: string; departmentId: string; name: string }>;
  createdAt: number;
  draftExpiresAt: number;
}

/** A new draft (草稿). */
export function newCaseSnapshot(init: NewCaseInit): CaseSnapshot {
  return {
    id: init.id,
    number: null,
    state: 'draft',
    item: init.item,
    channel: init.channel,
    applicantId: init.applicantId,
    applicantName: init.applicantName,
    agent: init.agent ?? null,
    siteId: init.siteId,
    departmentId: init.departmentId,
    issueSiteId: init.issueSiteId ?? null,
    materials: init.materials,
    createdAt: init.createdAt,
    draftExpiresAt: init.draftExpiresAt,
    preReview: [],
    submittedAt: null,
    originals: null,
    acceptedAt: null,
    acceptedBy: null,
    corrections: [],
    pauses: [],
    stepIndex: 0,
    steps: [],
    parts: (init.parts ?? []).map((p) => ({ ...p, doneAt: null, doneBy: null, opinion: null })),
    extension: null,
    fee: null,
    decision: null,
    delivery: null,
    rating: null,
    closing: null,
  };
}

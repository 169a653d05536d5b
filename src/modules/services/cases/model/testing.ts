/**
 * Test support for the case model (not exported from index): the real 2026 calendar through the
 * platform's pure WorkCalendar, one actor per role, an item, and one hand-written case per state.
 */
import { WorkCalendar } from '../../../../platform/calendar';
import { at } from '../../../../platform/calendar/test-helpers';
import { localMs } from '../../../../platform/calendar/local-time';
import type { CaseAction } from './actions';
import { formatCaseNumber } from './numbers';
import type { TransitionOptions } from './context';
import type { CaseState } from './states';
import type { IsWorkingDay } from './time-limit';
import { newCaseSnapshot, type CaseActor, type CaseRole, type CaseSnapshot, type ItemTerms } from './types';

export { at };
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const calendar = new WorkCalendar();
/** chinese-days through the platform calendar: 2026 春节 Feb 15–23 off, Sat Feb 14 and Feb 28 worked. */
export const isWorkingDay: IsWorkingDay = (date) => calendar.isWorkday(localMs(date, '12:00'));
export const OPTS: TransitionOptions = { isWorkingDay };

export const SITE = 'site-centre';
export const DEPT = 'dept-market';
export const PART_DEPT = 'dept-tax';
export const APPLICANT = 'u-applicant';

/** "Now" of the fixtures: Tuesday 2026-03-10 10:00, two days after the accepted fixture's acceptance. */
export const NOW = at('2026-03-10 10:00');

export const ITEM: ItemTerms = {
  itemId: 'item-1',
  code: '11440605MB2C90683T4440111017000',
  name: '食品经营许可（新办）',
  version: 3,
  kind: 'promised',
  legalLimitDays: 20,
  promisedLimitDays: 10,
  extensionMaxDays: 10,
  preReview: { limitDays: 2 },
  originalsRequired: true,
  correctionDays: 5,
  mailable: true,
  electronicLicence: true,
  feeRequired: true,
  specialSteps: [
    { code: 'inspection', name: '现场核查', maxDays: 10 },
    { code: 'publicity', name: '公示', maxDays: 7 },
  ],
  chain: [
    { role: 'reviewer', name: '审查' },
    { role: 'approver', name: '审批' },
  ],
  siteIds: [SITE],
};

export const ACTORS: Record<CaseRole, CaseActor> = {
  applicant: { userId: APPLICANT, roles: ['applicant'] },
  agent: { userId: 'u-agent', roles: ['agent'] },
  window_clerk: { userId: 'u-clerk', roles: ['window_clerk'], siteIds: [SITE] },
  reviewer: { userId: 'u-reviewer', roles: ['reviewer'], orgIds: [DEPT, PART_DEPT] },
  approver: { userId: 'u-approver', roles: ['approver'], orgIds: [DEPT, PART_DEPT] },
  issuing_window: { userId: 'u-issuer', roles: ['issuing_window'], siteIds: [SITE] },
  system: { userId: 'system', roles: ['system'] },
};

export const MATERIALS = [
  { id: 'm-licence', name: '营业执照' },
  { id: 'm-plan', name: '经营场所平面图' },
  { id: 'm-id', name: '法定代表人身份证' },
];

export function draft(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const c = newCaseSnapshot({
    id: 'case-1',
    item: ITEM,
    channel: 'online',
    applicantId: APPLICANT,
    applicantName: '佛山市南海区桂城好味餐饮店',
    agent: { userId: 'u-agent', kind: 'authorised_agent', name: '陈代办', expiresAt: at('2026-12-31 00:00') },
    siteId: SITE,
    departmentId: DEPT,
    materials: MATERIALS,
    parts: [{ id: 'part-tax', departmentId: PART_DEPT, name: '税务登记' }],
    createdAt: at('2026-03-02 09:00'),
    draftExpiresAt: at('2026-04-01 00:00'),
  });
  return { ...c, number: formatCaseNumber('GC', at('2026-03-02 09:00'), 12), ...over };
}

const submitted = (): Partial<CaseSnapshot> => ({
  preReview: [
    {
      submittedAt: at('2026-03-02 09:30'),
      endedAt: at('2026-03-03 11:00'),
      result: 'passed',
      comments: [],
      by: 'u-clerk',
    },
  ],
  submittedAt: at('2026-03-03 11:00'),
  originals: { method: 'window', trackingNo: null, at: at('2026-03-05 09:00'), by: 'u-clerk' },
});

const accepted = (): Partial<CaseSnapshot> => ({
  ...submitted(),
  acceptedAt: at('2026-03-06 09:10'),
  acceptedBy: 'u-clerk',
  stepIndex: 1,
  steps: [
    { index: 0, name: '审查', by: 'u-reviewer', at: at('2026-03-09 15:00'), result: 'passed', opinion: '材料齐全' },
  ],
  parts: [
    {
      id: 'part-tax',
      departmentId: PART_DEPT,
      name: '税务登记',
      doneAt: at('2026-03-09 16:00'),
      doneBy: 'u-reviewer',
      opinion: '同意',
    },
  ],
});

const decided = (): Partial<CaseSnapshot> => ({
  ...accepted(),
  decision: {
    outcome: 'granted',
    text: '准予许可',
    reason: null,
    legalBasis: '《食品经营许可和备案管理办法》',
    at: NOW - 2 * HOUR,
    by: 'u-approver',
  },
  fee: { amount: 0, basis: '免收', status: 'waived', receiptNo: null, at: NOW - HOUR, by: 'u-issuer' },
});

const delivered = (): Partial<CaseSnapshot> => ({
  ...decided(),
  delivery: {
    method: 'mail',
    at: NOW - HOUR / 2,
    by: 'u-issuer',
    recipient: null,
    carrier: 'EMS',
    trackingNo: '1190000000001',
    licenceId: null,
  },
});

const closed = (kind: 'rejected' | 'returned' | 'withdrawn' | 'expired', extra: Partial<CaseSnapshot> = {}) => ({
  ...extra,
  closing: { kind, reason: '材料不符', legalBasis: null, at: NOW - HOUR, by: 'u-clerk' },
});

/** One case per state, every guard of the state's main actions passing at NOW. */
export const FIXTURES: Record<CaseState, () => CaseSnapshot> = {
  draft: () => draft(),
  expired: () => draft({ state: 'expired', ...closed('expired') }),
  pre_review: () =>
    draft({
      state: 'pre_review',
      preReview: [{ submittedAt: NOW - DAY, endedAt: null, result: null, comments: [], by: null }],
    }),
  submitted: () => draft({ state: 'submitted', ...submitted() }),
  awaiting_correction: () =>
    draft({
      state: 'awaiting_correction',
      ...submitted(),
      corrections: [
        {
          seq: 1,
          items: [{ materialId: 'm-plan', name: '经营场所平面图', problem: '未标注面积' }],
          noticedAt: at('2026-03-03 15:00'),
          by: 'u-clerk',
          origin: 'submitted',
          dueAt: at('2026-03-10 00:00'), // supply by 03-09: run out at NOW
          suppliedAt: null,
        },
      ],
      pauses: [{ kind: 'correction', ref: '1', label: '补正（第1次）', from: at('2026-03-03 15:00'), to: null }],
    }),
  accepted: () => draft({ state: 'accepted', ...accepted() }),
  decided: () => draft({ state: 'decided', ...decided() }),
  delivered: () => draft({ state: 'delivered', ...delivered() }),
  rated: () => draft({ state: 'rated', ...delivered(), rating: { level: 5, comment: null, at: NOW - HOUR / 4 } }),
  rejected: () => draft({ state: 'rejected', ...closed('rejected', submitted()) }),
  returned: () => draft({ state: 'returned', ...closed('returned', submitted()) }),
  withdrawn: () => draft({ state: 'withdrawn', ...closed('withdrawn', submitted()) }),
};

/** A valid input for every action against the fixtures. */
export const INPUT: { [K in CaseAction['type']]: Extract<CaseAction, { type: K }> } = {
  save_draft: { type: 'save_draft' },
  expire_draft: { type: 'expire_draft' },
  request_pre_review: { type: 'request_pre_review' },
  return_pre_review: { type: 'return_pre_review', comments: [{ materialId: 'm-plan', comment: '请标注面积' }] },
  pass_pre_review: { type: 'pass_pre_review' },
  submit: { type: 'submit' },
  record_originals: { type: 'record_originals', method: 'mail', trackingNo: 'SF1234567890' },
  accept: { type: 'accept' },
  accept_and_decide: { type: 'accept_and_decide', outcome: 'granted', text: '准予' },
  reject: { type: 'reject', reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条第一款第（二）项' },
  request_correction: {
    type: 'request_correction',
    items: [{ materialId: 'm-plan', name: '经营场所平面图', problem: '未标注面积' }],
  },
  supply_correction: { type: 'supply_correction', materialIds: ['m-plan'] },
  pass_step: { type: 'pass_step', opinion: '同意' },
  return_step: { type: 'return_step', opinion: '请补充审查' },
  complete_part: { type: 'complete_part', partId: 'part-tax', opinion: '同意' },
  start_special_step: { type: 'start_special_step', code: 'inspection' },
  end_special_step: { type: 'end_special_step' },
  extend_limit: { type: 'extend_limit', days: 5, reason: '需现场复核' },
  record_fee: { type: 'record_fee', amount: 5000, basis: '粤发改价格〔2020〕1号', status: 'paid', receiptNo: 'PJ-001' },
  decide: { type: 'decide', outcome: 'granted', text: '准予食品经营许可', legalBasis: '《食品安全法》第三十五条' },
  deliver: { type: 'deliver', method: 'window', recipient: { kind: 'applicant', name: '李好味', proof: 'receipt' } },
  rate: { type: 'rate', level: 5 },
  withdraw: { type: 'withdraw', reason: '不再需要' },
  return_case: { type: 'return_case', reason: '逾期未补正' },
};

/** Deep-frozen copy: a transition that mutated its input would throw. */
export function frozen<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) frozen(v);
  }
  return x;
}

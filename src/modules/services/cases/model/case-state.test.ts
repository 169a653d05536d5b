/** Every guard of the case model refusing once, each code answered with its status. */
import { describe, expect, it } from 'vitest';
import type { CaseAction } from './actions';
import { transition } from './case-state';
import { REFUSAL_STATUS, type RefusalCode } from './guards';
import { ACTORS, DAY, FIXTURES, HOUR, INPUT, NOW, OPTS, at, draft, frozen } from './testing';
import type { CaseActor, CaseSnapshot } from './types';

const A = ACTORS;
const accepted = FIXTURES.accepted;
const withItem = (c: CaseSnapshot, item: Partial<CaseSnapshot['item']>): CaseSnapshot => ({
  ...c,
  item: { ...c.item, ...item },
});
const atStep0 = () => ({ ...accepted(), stepIndex: 0, steps: [] });
const openStep = (c: CaseSnapshot): CaseSnapshot => ({
  ...c,
  pauses: [{ kind: 'special_step', ref: 'inspection', label: '现场核查', from: NOW - HOUR, to: null }],
});
const notDone = (c: CaseSnapshot): CaseSnapshot => ({
  ...c,
  parts: c.parts.map((p) => ({ ...p, doneAt: null, doneBy: null, opinion: null })),
});

type Scenario = [string, () => CaseSnapshot, CaseAction, CaseActor, RefusalCode, number?];

const SCENARIOS: Scenario[] = [
  ['a stranger', FIXTURES.draft, INPUT.save_draft, { userId: 'u-other', roles: ['applicant'] }, 'out_of_scope'],
  [
    'a clerk of another site',
    FIXTURES.submitted,
    INPUT.accept,
    { ...A.window_clerk, siteIds: ['elsewhere'] },
    'out_of_scope',
  ],
  ['a reviewer of another department', atStep0, INPUT.pass_step, { ...A.reviewer, orgIds: ['x'] }, 'out_of_scope'],
  ['an expired delegation', FIXTURES.submitted, INPUT.withdraw, A.agent, 'delegation_expired', at('2027-01-01 10:00')],
  [
    'a part-only reviewer on a lead step',
    atStep0,
    INPUT.pass_step,
    { ...A.reviewer, orgIds: ['dept-tax'] },
    'not_lead_department',
  ],
  [
    'another department part',
    () => notDone(accepted()),
    INPUT.complete_part,
    { ...A.reviewer, orgIds: ['dept-market'] },
    'not_your_part',
  ],
  [
    'mail delivery by the system',
    FIXTURES.decided,
    { type: 'deliver', method: 'mail', carrier: 'EMS', trackingNo: '1' },
    A.system,
    'method_not_allowed',
  ],
  [
    'an expired draft',
    () => draft({ draftExpiresAt: NOW - 1 }),
    INPUT.request_pre_review,
    A.applicant,
    'draft_expired',
  ],
  ['a draft not yet due', FIXTURES.draft, INPUT.expire_draft, A.system, 'draft_not_expired'],
  [
    'pre-review on an item without one',
    () => withItem(draft(), { preReview: null }),
    INPUT.request_pre_review,
    A.applicant,
    'no_pre_review',
  ],
  ['an online submit skipping pre-review', FIXTURES.draft, INPUT.submit, A.applicant, 'pre_review_required'],
  [
    'an item the site does not handle',
    () => withItem(FIXTURES.submitted(), { siteIds: ['x'] }),
    INPUT.accept,
    A.window_clerk,
    'item_not_at_site',
  ],
  [
    'a 承诺件 with no promised limit',
    () => withItem(FIXTURES.submitted(), { promisedLimitDays: 0 }),
    INPUT.accept,
    A.window_clerk,
    'limit_missing',
  ],
  [
    'promised beyond legal',
    () => withItem(FIXTURES.submitted(), { promisedLimitDays: 25 }),
    INPUT.accept,
    A.window_clerk,
    'limit_exceeds_legal',
  ],
  [
    'originals not checked',
    () => ({ ...FIXTURES.submitted(), originals: null }),
    INPUT.accept,
    A.window_clerk,
    'originals_not_checked',
  ],
  ['即办 on a 承诺件', FIXTURES.submitted, INPUT.accept_and_decide, A.window_clerk, 'not_immediate'],
  [
    'a second notice with a new item',
    () => ({
      ...accepted(),
      corrections: [{ ...FIXTURES.awaiting_correction().corrections[0], suppliedAt: NOW - DAY }],
    }),
    { type: 'request_correction', items: [{ materialId: 'm-id', name: '法定代表人身份证', problem: '过期' }] },
    A.reviewer,
    'not_in_first_notice',
  ],
  [
    'a partial correction',
    () => ({
      ...FIXTURES.awaiting_correction(),
      corrections: [
        {
          ...FIXTURES.awaiting_correction().corrections[0],
          items: [
            ...FIXTURES.awaiting_correction().corrections[0].items,
            { materialId: null, name: '健康证明', problem: '缺' },
          ],
        },
      ],
    }),
    INPUT.supply_correction,
    A.applicant,
    'correction_incomplete',
  ],
  [
    '退件 by the system before the correction is due',
    () => ({
      ...FIXTURES.awaiting_correction(),
      corrections: [{ ...FIXTURES.awaiting_correction().corrections[0], dueAt: NOW + DAY }],
    }),
    INPUT.return_case,
    A.system,
    'correction_not_due',
  ],
  ['a decision during a special step', () => openStep(accepted()), INPUT.decide, A.approver, 'special_step_open'],
  ['ending a special step that is not running', accepted, INPUT.end_special_step, A.approver, 'no_special_step'],
  ['passing the decision step', accepted, INPUT.pass_step, A.approver, 'final_step'],
  ['returning from the first step', atStep0, INPUT.return_step, A.reviewer, 'first_step'],
  ['deciding before the review steps', () => atStep0(), INPUT.decide, A.approver, 'not_your_step'],
  [
    'deciding before the review steps (both roles)',
    atStep0,
    INPUT.decide,
    { ...A.approver, roles: ['reviewer', 'approver'] },
    'steps_pending',
  ],
  ['deciding before the 联办 parts', () => notDone(accepted()), INPUT.decide, A.approver, 'parts_pending'],
  ['completing a done part', accepted, INPUT.complete_part, A.reviewer, 'part_done'],
  ['an unknown part', accepted, { type: 'complete_part', partId: 'nope', opinion: 'x' }, A.reviewer, 'no_such_part'],
  [
    'an unlisted special step',
    accepted,
    { type: 'start_special_step', code: 'lottery' },
    A.reviewer,
    'special_step_not_listed',
  ],
  [
    'extension on an item without',
    () => withItem(accepted(), { extensionMaxDays: 0 }),
    INPUT.extend_limit,
    A.approver,
    'extension_not_allowed',
  ],
  [
    'a second extension',
    () => ({ ...accepted(), extension: { days: 2, reason: 'x', at: NOW - DAY, by: 'u' } }),
    INPUT.extend_limit,
    A.approver,
    'already_extended',
  ],
  [
    'too long an extension',
    accepted,
    { type: 'extend_limit', days: 11, reason: 'x' },
    A.approver,
    'extension_too_long',
  ],
  [
    'an extension after the deadline',
    accepted,
    INPUT.extend_limit,
    A.approver,
    'deadline_passed',
    at('2026-03-21 10:00'),
  ],
  [
    'a fee on a free item',
    () => withItem(accepted(), { feeRequired: false }),
    INPUT.record_fee,
    A.window_clerk,
    'no_fee',
  ],
  ['a second fee', FIXTURES.decided, INPUT.record_fee, A.issuing_window, 'fee_recorded'],
  [
    'delivery before the fee',
    () => ({ ...FIXTURES.decided(), fee: null }),
    INPUT.deliver,
    A.issuing_window,
    'fee_unsettled',
  ],
  [
    'mail for an item that cannot be mailed',
    () => withItem(FIXTURES.decided(), { mailable: false }),
    { type: 'deliver', method: 'mail', carrier: 'EMS', trackingNo: '1' },
    A.issuing_window,
    'not_mailable',
  ],
  [
    'an e-licence the item does not issue',
    () => withItem(FIXTURES.decided(), { electronicLicence: false }),
    { type: 'deliver', method: 'electronic', licenceId: 'L1' },
    A.system,
    'no_electronic_licence',
  ],
  [
    'an e-licence for a refusal',
    () => ({ ...FIXTURES.decided(), decision: { ...FIXTURES.decided().decision!, outcome: 'refused', reason: 'x' } }),
    { type: 'deliver', method: 'electronic', licenceId: 'L1' },
    A.system,
    'no_licence_for_refusal',
  ],
  [
    'a rejection without its basis',
    FIXTURES.submitted,
    { type: 'reject', reason: 'x', legalBasis: ' ' },
    A.window_clerk,
    'missing_field',
  ],
  [
    'a refusal without a reason',
    accepted,
    { type: 'decide', outcome: 'refused', text: '不予许可' },
    A.approver,
    'missing_field',
  ],
  [
    'an empty correction list',
    FIXTURES.submitted,
    { type: 'request_correction', items: [] },
    A.window_clerk,
    'missing_field',
  ],
  [
    'a duplicate correction line',
    FIXTURES.submitted,
    { type: 'request_correction', items: [INPUT.request_correction.items[0], INPUT.request_correction.items[0]] },
    A.window_clerk,
    'invalid_input',
  ],
  [
    'a proxy without authorisation',
    FIXTURES.decided,
    { type: 'deliver', method: 'window', recipient: { kind: 'proxy', name: '王五', proof: 'id_card' } },
    A.issuing_window,
    'missing_field',
  ],
  [
    'mail originals without tracking',
    FIXTURES.submitted,
    { type: 'record_originals', method: 'mail' },
    A.window_clerk,
    'missing_field',
  ],
  ['a rating of 6', FIXTURES.delivered, { type: 'rate', level: 6 }, A.applicant, 'invalid_input'],
  ['a fee in yuan fractions', accepted, { ...INPUT.record_fee, amount: 12.5 }, A.window_clerk, 'invalid_input'],
  [
    'a paid fee without receipt',
    accepted,
    { type: 'record_fee', amount: 100, basis: 'x', status: 'paid' },
    A.window_clerk,
    'missing_field',
  ],
  [
    'an unknown delivery method',
    FIXTURES.decided,
    { type: 'deliver', method: 'pigeon' } as never,
    A.issuing_window,
    'invalid_input',
  ],
  [
    'a comment on a material not in the list',
    FIXTURES.pre_review,
    { type: 'return_pre_review', comments: [{ materialId: 'm-x', comment: 'x' }] },
    A.window_clerk,
    'unknown_material',
  ],
  ['an unknown action', FIXTURES.draft, { type: 'fly' } as never, A.applicant, 'invalid_input'],
];

describe('guards: each refusal with its code and status, nothing changed', () => {
  for (const [label, make, action, actor, code, when] of SCENARIOS) {
    it(`${label} → ${code}`, () => {
      const c = frozen(make());
      const r = transition(c, action, actor, when ?? NOW, OPTS);
      expect(r.ok ? `ok → ${r.patch.state}` : r.code).toBe(code);
      if (!r.ok) {
        expect(r.status).toBe(REFUSAL_STATUS[code]);
        expect(r.reason).toMatch(/[\u4e00-\u9fa5].* \/ \S/); // 中文 / English
      }
    });
  }

  it('every refusal code is exercised here or in the table test', () => {
    const inTable: RefusalCode[] = ['role_not_allowed', 'invalid_state'];
    const covered = new Set<string>([...SCENARIOS.map((s) => s[4]), ...inTable]);
    expect(Object.keys(REFUSAL_STATUS).filter((c) => !covered.has(c))).toEqual([]);
  });

  it('a bad "now" is refused, not computed with', () => {
    const r = transition(FIXTURES.draft(), INPUT.save_draft, A.applicant, Number.NaN, OPTS);
    expect(r.ok ? 'ok' : r.code).toBe('invalid_input');
  });
});

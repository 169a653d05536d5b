/** Whole paths through the case model: online with pre-review and 补正, 即办 at the window, 退件, special steps. */
import { describe, expect, it } from 'vitest';
import type { CaseAction } from './actions';
import { applyPatch, transition } from './case-state';
import { ACTORS, DAY, FIXTURES, HOUR, INPUT, ITEM, NOW, OPTS, at, draft, frozen } from './testing';
import { CASE_TYPES } from '../../catalogue/catalogue.contract';
import { CASE_KINDS, type CaseActor, type CaseSnapshot } from './types';

const A = ACTORS;
const accepted = FIXTURES.accepted;

/** Runs a list of steps from a case; fails on the first refusal, returns the case and the events. */
function run(c: CaseSnapshot, steps: Array<[CaseAction, CaseActor, number]>) {
  const events: string[] = [];
  for (const [action, actor, t] of steps) {
    const r = transition(frozen(c), action, actor, t, OPTS);
    if (!r.ok) throw new Error(`${action.type} by ${actor.userId}: ${r.code} ${r.reason}`);
    expect(r.event.data).toMatchObject({ caseId: c.id, by: actor.userId, from: c.state, to: r.patch.state });
    events.push(r.event.type);
    c = applyPatch(c, r.patch);
  }
  return { c, events };
}

describe('paths through the case', () => {
  it('online: pre-review returned, resubmitted, passed; originals mailed; accepted; 补正 in review; 联办; decided; mailed; rated', () => {
    const t = (s: string) => at(s);
    const { c, events } = run(draft(), [
      [INPUT.request_pre_review, A.applicant, t('2026-03-02 10:00')],
      [INPUT.return_pre_review, A.window_clerk, t('2026-03-03 09:00')],
      [INPUT.request_pre_review, A.applicant, t('2026-03-03 20:00')],
      [INPUT.pass_pre_review, A.window_clerk, t('2026-03-04 09:00')],
      [{ type: 'record_originals', method: 'mail', trackingNo: 'SF1' }, A.window_clerk, t('2026-03-05 09:00')],
      [INPUT.accept, A.window_clerk, t('2026-03-05 10:00')],
      [INPUT.pass_step, A.reviewer, t('2026-03-06 10:00')],
      [INPUT.request_correction, A.approver, t('2026-03-09 10:00')],
      [INPUT.supply_correction, A.agent, t('2026-03-11 10:00')],
      [INPUT.complete_part, A.reviewer, t('2026-03-12 10:00')],
      [INPUT.decide, A.approver, t('2026-03-13 10:00')],
      [INPUT.record_fee, A.issuing_window, t('2026-03-13 11:00')],
      [
        { type: 'deliver', method: 'mail', carrier: 'EMS', trackingNo: '1190000000001' },
        A.issuing_window,
        t('2026-03-13 15:00'),
      ],
      [{ type: 'rate', level: 4, comment: '快' }, A.applicant, t('2026-03-16 09:00')],
    ]);
    expect(c.state).toBe('rated');
    expect(events).toContain('case.correction_supplied');
    expect(c.preReview.map((r) => r.result)).toEqual(['returned', 'passed']);
    expect(c.corrections[0]).toMatchObject({ origin: 'accepted', suppliedAt: t('2026-03-11 10:00') });
    expect(c.pauses).toEqual([
      { kind: 'correction', ref: '1', label: '补正（第1次）', from: t('2026-03-09 10:00'), to: t('2026-03-11 10:00') },
    ]);
    expect(c.steps.map((s) => [s.name, s.result])).toEqual([
      ['审查', 'passed'],
      ['审批', 'decided'],
    ]);
    expect(c.delivery).toMatchObject({ method: 'mail', trackingNo: '1190000000001', carrier: 'EMS' });
  });

  it('即办件 at the window: submitted by the clerk, accepted and decided on the spot, picked up by a proxy', () => {
    const item = { ...ITEM, kind: 'immediate' as const, promisedLimitDays: 0, preReview: null, chain: [] };
    const start = { ...draft({ item, channel: 'window' }), parts: [] };
    const t = at('2026-02-14 10:00'); // a make-up Saturday: the hall is open
    const { c } = run(start, [
      [INPUT.submit, A.window_clerk, t],
      [INPUT.accept_and_decide, A.window_clerk, t + 10 * 60_000],
      [{ type: 'record_fee', amount: 0, basis: '免费', status: 'waived' }, A.window_clerk, t + 11 * 60_000],
      [
        {
          type: 'deliver',
          method: 'window',
          recipient: { kind: 'proxy', name: '王五', proof: 'id_card', authorisation: '委托书' },
        },
        A.issuing_window,
        t + 12 * 60_000,
      ],
    ]);
    expect(c.state).toBe('delivered');
    expect(c.acceptedAt).toBe(c.decision?.at);
    expect(c.delivery?.recipient).toEqual({ kind: 'proxy', name: '王五', proof: 'id_card', authorisation: '委托书' });
  });

  it('补正 before acceptance goes back to submitted; a second notice may repeat the first', () => {
    const { c } = run(FIXTURES.submitted(), [
      [INPUT.request_correction, A.window_clerk, at('2026-03-04 10:00')],
      [INPUT.supply_correction, A.window_clerk, at('2026-03-05 10:00')],
      [INPUT.request_correction, A.window_clerk, at('2026-03-05 11:00')],
    ]);
    expect(c.state).toBe('awaiting_correction');
    expect(c.corrections.map((n) => [n.seq, n.origin])).toEqual([
      [1, 'submitted'],
      [2, 'submitted'],
    ]);
    // 5 working days to supply, from the day after the notice: 03-06 … 03-12
    expect(c.corrections[1].dueAt).toBe(at('2026-03-13 00:00'));
  });

  it('an unanswered 补正 is returned (退件) by the system once its time has run out', () => {
    const { c } = run(FIXTURES.awaiting_correction(), [[INPUT.return_case, A.system, NOW]]);
    expect(c.state).toBe('returned');
    expect(c.closing?.kind).toBe('returned');
    expect(c.pauses.every((p) => p.to !== null)).toBe(true);
  });

  it('a special step pauses the case, and the decision waits for it', () => {
    const { c } = run(accepted(), [
      [INPUT.start_special_step, A.reviewer, NOW],
      [INPUT.end_special_step, A.system, NOW + 3 * DAY],
      [INPUT.extend_limit, A.approver, NOW + 3 * DAY + HOUR],
      [INPUT.decide, A.approver, NOW + 4 * DAY],
    ]);
    expect(c.pauses[0]).toMatchObject({
      kind: 'special_step',
      ref: 'inspection',
      label: '现场核查',
      to: NOW + 3 * DAY,
    });
    expect(c.extension?.days).toBe(5);
  });

  it('a draft expires, and the window may submit a window application without pre-review', () => {
    expect(run(draft({ draftExpiresAt: NOW }), [[INPUT.expire_draft, A.system, NOW]]).c.state).toBe('expired');
    expect(run(draft({ channel: 'window' }), [[INPUT.submit, A.window_clerk, NOW]]).c.state).toBe('submitted');
  });
});

describe('alignment with the catalogue', () => {
  it("the case kinds are the catalogue's case types (即办件 · 承诺件 · 联办件 · 上报件)", () => {
    expect([...CASE_KINDS]).toEqual([...CASE_TYPES]);
  });
});

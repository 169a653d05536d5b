/** Effects of the actions before and around acceptance: drafts, pre-review, 受理, 补正, 退件, 撤回. */
import { openCorrection } from './conditions';
import type { Ctx, Effect, Effects } from './context';
import { optionalText } from './guards';
import { workingDaysDue } from './time-limit';
import type { CasePause, CaseSnapshot, PreReviewRound } from './types';

type IntakeAction =
  | 'save_draft'
  | 'expire_draft'
  | 'request_pre_review'
  | 'return_pre_review'
  | 'pass_pre_review'
  | 'submit'
  | 'record_originals'
  | 'accept'
  | 'accept_and_decide'
  | 'reject'
  | 'request_correction'
  | 'supply_correction'
  | 'withdraw'
  | 'return_case';

/** The open pre-review round closed with its result. */
function closeRound(c: CaseSnapshot, patch: Partial<PreReviewRound>): readonly PreReviewRound[] {
  return c.preReview.map((r, i) => (i === c.preReview.length - 1 && r.endedAt === null ? { ...r, ...patch } : r));
}

/** Every pause still open ends now (the case leaves the states that pause it). */
const closePauses = (c: CaseSnapshot, now: number): readonly CasePause[] =>
  c.pauses.map((p) => (p.to === null ? { ...p, to: now } : p));

function closing(
  x: Ctx,
  kind: 'rejected' | 'returned' | 'withdrawn' | 'expired',
  reason: string,
  basis?: string,
): Effect {
  return {
    patch: {
      closing: { kind, reason: reason.trim(), legalBasis: optionalText(basis), at: x.now, by: x.actor.userId },
      pauses: closePauses(x.c, x.now),
    },
    details: { reason: reason.trim() },
  };
}

export const intakeEffects: Effects<IntakeAction> = {
  save_draft: () => ({ patch: {} }),
  expire_draft: (x) => closing(x, 'expired', '草稿超过保存期限未提交 / the draft was not submitted in time'),
  request_pre_review: (x) => ({
    patch: {
      preReview: [
        ...x.c.preReview,
        { submittedAt: x.now, endedAt: null, result: null, comments: [], by: null } satisfies PreReviewRound,
      ],
    },
    details: { round: x.c.preReview.length + 1 },
  }),
  return_pre_review: (x, a) => {
    const comments = a.comments.map((m) => ({ materialId: m.materialId, comment: m.comment.trim() }));
    return {
      patch: { preReview: closeRound(x.c, { endedAt: x.now, result: 'returned', comments, by: x.actor.userId }) },
      details: { comments },
    };
  },
  pass_pre_review: (x) => ({
    patch: {
      preReview: closeRound(x.c, { endedAt: x.now, result: 'passed', by: x.actor.userId }),
      submittedAt: x.now,
    },
  }),
  submit: (x) => ({ patch: { submittedAt: x.now }, details: { channel: x.c.channel } }),
  record_originals: (x, a) => ({
    patch: { originals: { method: a.method, trackingNo: optionalText(a.trackingNo), at: x.now, by: x.actor.userId } },
    details: { method: a.method },
  }),
  accept: (x) => ({
    patch: { acceptedAt: x.now, acceptedBy: x.actor.userId, stepIndex: 0 },
    details: { siteId: x.c.siteId, limitDays: x.c.item.promisedLimitDays },
  }),
  accept_and_decide: (x, a) => ({
    patch: {
      acceptedAt: x.now,
      acceptedBy: x.actor.userId,
      decision: {
        outcome: a.outcome,
        text: a.text.trim(),
        reason: optionalText(a.reason),
        legalBasis: optionalText(a.legalBasis),
        at: x.now,
        by: x.actor.userId,
      },
    },
    details: { outcome: a.outcome, onTheSpot: true },
  }),
  reject: (x, a) => closing(x, 'rejected', a.reason, a.legalBasis),
  request_correction: (x, a) => {
    const seq = x.c.corrections.length + 1;
    const days = x.c.item.correctionDays;
    const items = a.items.map((i) => ({
      materialId: i.materialId ?? null,
      name: i.name.trim(),
      problem: i.problem.trim(),
    }));
    const origin = x.c.state === 'accepted' ? 'accepted' : 'submitted';
    return {
      patch: {
        corrections: [
          ...x.c.corrections,
          {
            seq,
            items,
            noticedAt: x.now,
            by: x.actor.userId,
            origin,
            dueAt: days > 0 ? workingDaysDue(x.now, days, x.opts.isWorkingDay) : null,
            suppliedAt: null,
          },
        ],
        pauses: [
          ...x.c.pauses,
          { kind: 'correction', ref: String(seq), label: `补正（第${seq}次）`, from: x.now, to: null },
        ],
      },
      details: { seq, items: items.length, origin },
    };
  },
  supply_correction: (x) => {
    const notice = openCorrection(x.c);
    const seq = notice?.seq ?? 0;
    return {
      patch: {
        corrections: x.c.corrections.map((n) => (n.seq === seq ? { ...n, suppliedAt: x.now } : n)),
        pauses: x.c.pauses.map((p) =>
          p.kind === 'correction' && p.ref === String(seq) && p.to === null ? { ...p, to: x.now } : p,
        ),
      },
      details: { seq },
    };
  },
  withdraw: (x, a) => closing(x, 'withdrawn', a.reason),
  return_case: (x, a) => closing(x, 'returned', a.reason),
};

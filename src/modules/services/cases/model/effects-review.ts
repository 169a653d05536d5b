/** Effects of the actions after acceptance: review steps, 联办 parts, special steps, fees, decision, 送达, 评价. */
import { currentStep, openSpecialStep } from './conditions';
import type { Effects } from './context';
import { optionalText } from './guards';
import type { StepRecord } from './types';

type ReviewAction =
  | 'pass_step'
  | 'return_step'
  | 'complete_part'
  | 'start_special_step'
  | 'end_special_step'
  | 'extend_limit'
  | 'record_fee'
  | 'decide'
  | 'deliver'
  | 'rate';

export const reviewEffects: Effects<ReviewAction> = {
  pass_step: (x, a) => {
    const step: StepRecord = {
      index: x.c.stepIndex,
      name: currentStep(x.c).name,
      by: x.actor.userId,
      at: x.now,
      result: 'passed',
      opinion: a.opinion.trim(),
    };
    return { patch: { steps: [...x.c.steps, step], stepIndex: x.c.stepIndex + 1 }, details: { step: step.name } };
  },
  return_step: (x, a) => {
    const step: StepRecord = {
      index: x.c.stepIndex,
      name: currentStep(x.c).name,
      by: x.actor.userId,
      at: x.now,
      result: 'returned',
      opinion: a.opinion.trim(),
    };
    return { patch: { steps: [...x.c.steps, step], stepIndex: x.c.stepIndex - 1 }, details: { step: step.name } };
  },
  complete_part: (x, a) => ({
    patch: {
      parts: x.c.parts.map((p) =>
        p.id === a.partId ? { ...p, doneAt: x.now, doneBy: x.actor.userId, opinion: a.opinion.trim() } : p,
      ),
    },
    details: { partId: a.partId, left: x.c.parts.filter((p) => p.doneAt === null && p.id !== a.partId).length },
  }),
  start_special_step: (x, a) => {
    const term = x.c.item.specialSteps.find((s) => s.code === a.code);
    return {
      patch: {
        pauses: [
          ...x.c.pauses,
          { kind: 'special_step', ref: a.code, label: term?.name ?? a.code, from: x.now, to: null },
        ],
      },
      details: { code: a.code },
    };
  },
  end_special_step: (x) => {
    const open = openSpecialStep(x.c);
    return {
      patch: { pauses: x.c.pauses.map((p) => (p === open ? { ...p, to: x.now } : p)) },
      details: { code: open?.ref ?? null },
    };
  },
  extend_limit: (x, a) => ({
    patch: { extension: { days: a.days, reason: a.reason.trim(), at: x.now, by: x.actor.userId } },
    details: { days: a.days },
  }),
  record_fee: (x, a) => ({
    patch: {
      fee: {
        amount: a.amount,
        basis: a.basis.trim(),
        status: a.status,
        receiptNo: optionalText(a.receiptNo),
        at: x.now,
        by: x.actor.userId,
      },
    },
    details: { amount: a.amount, status: a.status },
  }),
  decide: (x, a) => {
    const step: StepRecord = {
      index: x.c.stepIndex,
      name: currentStep(x.c).name,
      by: x.actor.userId,
      at: x.now,
      result: 'decided',
      opinion: a.text.trim(),
    };
    return {
      patch: {
        steps: [...x.c.steps, step],
        decision: {
          outcome: a.outcome,
          text: a.text.trim(),
          reason: optionalText(a.reason),
          legalBasis: optionalText(a.legalBasis),
          at: x.now,
          by: x.actor.userId,
        },
      },
      details: { outcome: a.outcome },
    };
  },
  deliver: (x, a) => ({
    patch: {
      delivery: {
        method: a.method,
        at: x.now,
        by: x.actor.userId,
        recipient:
          a.method === 'window' && a.recipient
            ? {
                kind: a.recipient.kind,
                name: a.recipient.name.trim(),
                proof: a.recipient.proof,
                authorisation: optionalText(a.recipient.authorisation),
              }
            : null,
        carrier: a.method === 'mail' ? optionalText(a.carrier) : null,
        trackingNo: a.method === 'mail' ? optionalText(a.trackingNo) : null,
        licenceId: a.method === 'electronic' ? optionalText(a.licenceId) : null,
      },
    },
    details: { method: a.method },
  }),
  rate: (x, a) => ({
    patch: { rating: { level: a.level as 1 | 2 | 3 | 4 | 5, comment: optionalText(a.comment), at: x.now } },
    details: { level: a.level },
  }),
};

/**
 * The named guards of the transition table: conditions on the case (and on the input, where the
 * rule is about the case, e.g. 一次性告知). Each answers null when the action may go on.
 */
import type { Ctx } from './context';
import { refuse, type Refusal } from './guards';
import { caseClock } from './time-limit';
import type { ChainStep, CorrectionItem, CaseSnapshot } from './types';

/** The step now running; an item without a chain has one implicit approval step. */
export function currentStep(c: CaseSnapshot): ChainStep {
  return c.item.chain[c.stepIndex] ?? { role: 'approver', name: '审批' };
}
const lastStepIndex = (c: CaseSnapshot) => Math.max(0, c.item.chain.length - 1);

export const openCorrection = (c: CaseSnapshot) => c.corrections.find((n) => n.suppliedAt === null) ?? null;
export const openSpecialStep = (c: CaseSnapshot) =>
  c.pauses.find((p) => p.kind === 'special_step' && p.to === null) ?? null;

const sameItem = (x: CorrectionItem, y: CorrectionItem) =>
  x.materialId !== null ? x.materialId === y.materialId : y.materialId === null && x.name.trim() === y.name.trim();

type Input = Record<string, unknown>;
type Condition = (x: Ctx, a: Input) => Refusal | null;

export const CONDITIONS = {
  draft_live: ({ c, now }) =>
    now < c.draftExpiresAt ? null : refuse('draft_expired', '草稿已过期，请重新申请 / the draft has expired'),
  draft_overdue: ({ c, now }) =>
    now >= c.draftExpiresAt ? null : refuse('draft_not_expired', '草稿尚未到期 / the draft has not expired yet'),
  has_pre_review: ({ c }) =>
    c.item.preReview ? null : refuse('no_pre_review', '该事项无网上预审 / the item has no pre-review'),
  pre_review_not_required: ({ c }) =>
    c.item.preReview && c.channel === 'online'
      ? refuse('pre_review_required', '网上申请须先经预审 / an online application goes through pre-review first')
      : null,
  item_at_site: ({ c }) =>
    c.item.siteIds.includes(c.siteId)
      ? null
      : refuse('item_not_at_site', '本窗口所在场所不办理该事项 / this site does not handle the item'),
  limits_valid: ({ c }) => {
    const { kind, promisedLimitDays: p, legalLimitDays: l } = c.item;
    if (kind !== 'immediate' && p < 1)
      return refuse('limit_missing', '承诺件须设承诺时限 / the item has no promised time limit');
    return p > l ? refuse('limit_exceeds_legal', '承诺时限超过法定时限 / promised limit exceeds the legal one') : null;
  },
  originals_checked: ({ c }) =>
    !c.item.originalsRequired || c.channel === 'window' || c.originals
      ? null
      : refuse('originals_not_checked', '原件尚未核验 / the originals have not been checked'),
  is_immediate: ({ c }) =>
    c.item.kind === 'immediate' && c.parts.length === 0
      ? null
      : refuse('not_immediate', '非即办件，不能当场办结 / only 即办件 are decided on the spot'),
  first_notice_only: ({ c }, a) => {
    // 一次性告知: a later notice may only repeat what the first one listed (still not right).
    const firstNotice = c.corrections[0];
    if (!firstNotice) return null;
    const items = (a.items ?? []) as CorrectionItem[];
    const extra = items.find((i) => !firstNotice.items.some((f) => sameItem(i, f)));
    return extra
      ? refuse(
          'not_in_first_notice',
          `一次性告知：「${extra.name}」不在首次补正告知中 / "${extra.name}" was not in the first correction notice`,
        )
      : null;
  },
  correction_complete: ({ c }, a) => {
    const notice = openCorrection(c);
    const ids = new Set((a.materialIds ?? []) as string[]);
    const names = new Set(((a.names ?? []) as string[]).map((n) => n.trim()));
    const missing = notice?.items.find((i) => (i.materialId !== null ? !ids.has(i.materialId) : !names.has(i.name)));
    return missing
      ? refuse('correction_incomplete', `补正材料不全：缺「${missing.name}」 / correction lacks "${missing.name}"`)
      : null;
  },
  correction_due: ({ c, now, as }) => {
    if (as !== 'system') return null;
    const due = openCorrection(c)?.dueAt ?? null;
    return due !== null && now >= due
      ? null
      : refuse('correction_not_due', '补正期限未届满 / the time to supply the correction has not run out');
  },
  no_special_step_open: ({ c }) => {
    const open = openSpecialStep(c);
    return open
      ? refuse('special_step_open', `特别程序「${open.label}」进行中 / special step "${open.ref}" is under way`)
      : null;
  },
  special_step_open: ({ c }) =>
    openSpecialStep(c) ? null : refuse('no_special_step', '没有进行中的特别程序 / no special step is under way'),
  special_step_listed: ({ c }, a) =>
    c.item.specialSteps.some((s) => s.code === a.code)
      ? null
      : refuse('special_step_not_listed', `事项未列明特别程序 ${String(a.code)} / not a special step of the item`),
  lead_department: ({ c, actor, as }) =>
    as === 'system' || (actor.orgIds ?? []).includes(c.departmentId)
      ? null
      : refuse('not_lead_department', '仅牵头部门可办理此步骤 / only the lead department takes this step'),
  your_step: ({ c, actor }) => {
    const step = currentStep(c);
    return actor.roles.includes(step.role)
      ? null
      : refuse('not_your_step', `当前步骤「${step.name}」由${step.role}办理 / the current step is the ${step.role}'s`);
  },
  not_final_step: ({ c }) =>
    c.stepIndex < lastStepIndex(c)
      ? null
      : refuse('final_step', '已到决定环节，请作出办结决定 / this is the decision step: decide'),
  not_first_step: ({ c }) =>
    c.stepIndex > 0 ? null : refuse('first_step', '已是第一步，无法退回 / the first step has nothing before it'),
  final_step: ({ c }) =>
    c.stepIndex === lastStepIndex(c)
      ? null
      : refuse('steps_pending', '审查步骤未完成 / review steps before the decision are not done'),
  parts_done: ({ c }) => {
    const open = c.parts.filter((p) => p.doneAt === null);
    return open.length === 0
      ? null
      : refuse('parts_pending', `联办部门未办结：${open.map((p) => p.name).join('、')} / joint parts are not done`);
  },
  part_open: ({ c, actor }, a) => {
    const part = c.parts.find((p) => p.id === a.partId);
    if (!part) return refuse('no_such_part', `没有联办环节 ${String(a.partId)} / no such joint part`);
    if (!(actor.orgIds ?? []).includes(part.departmentId))
      return refuse('not_your_part', `「${part.name}」不属于您的部门 / the part belongs to another department`);
    return part.doneAt === null ? null : refuse('part_done', `「${part.name}」已完成 / the part is already done`);
  },
  extension_allowed: ({ c }) =>
    c.item.extensionMaxDays > 0
      ? null
      : refuse('extension_not_allowed', '该事项不得延长时限 / the item allows no extension'),
  not_extended: ({ c }) =>
    c.extension ? refuse('already_extended', '时限已延长过一次 / the limit was already extended') : null,
  extension_within_max: ({ c }, a) =>
    typeof a.days === 'number' && a.days <= c.item.extensionMaxDays
      ? null
      : refuse(
          'extension_too_long',
          `最多延长 ${c.item.extensionMaxDays} 个工作日 / at most ${c.item.extensionMaxDays} days`,
        ),
  before_due: ({ c, now, opts }) => {
    const clock = caseClock(c, now, opts.isWorkingDay);
    return clock && clock.status !== 'overdue'
      ? null
      : refuse('deadline_passed', '办理时限已过，不能延长 / the time limit has passed; it cannot be extended');
  },
  fee_required: ({ c }) => (c.item.feeRequired ? null : refuse('no_fee', '该事项不收费 / the item charges no fee')),
  fee_not_recorded: ({ c }) => (c.fee ? refuse('fee_recorded', '费用已登记 / the fee is already recorded') : null),
  fee_settled: ({ c }) =>
    !c.item.feeRequired || c.decision?.outcome !== 'granted' || c.fee
      ? null
      : refuse('fee_unsettled', '费用未缴纳或减免 / the fee is neither paid nor waived'),
  delivery_fits: ({ c, as }, a) => {
    if (as === 'system' && a.method !== 'electronic')
      return refuse('method_not_allowed', '系统只能送达电子证照 / the system delivers electronic licences only');
    if (a.method === 'mail' && !c.item.mailable)
      return refuse('not_mailable', '该事项结果不能邮寄 / the result of this item cannot be mailed');
    if (a.method === 'electronic') {
      if (!c.item.electronicLicence)
        return refuse('no_electronic_licence', '该事项无电子证照 / the item issues no electronic licence');
      if (c.decision?.outcome !== 'granted')
        return refuse('no_licence_for_refusal', '不予决定没有证照 / a refusal has no licence to issue');
    }
    return null;
  },
} satisfies Record<string, Condition>;

export type ConditionName = keyof typeof CONDITIONS;

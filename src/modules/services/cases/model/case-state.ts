/**
 * The case (办件) state machine: (case, action, actor, now) → a patch and one event, or a typed
 * refusal. TRANSITIONS is the one table of what may happen: each row is a (state, action) pair
 * with the state it leads to, the roles that may take it and the guards it must pass. A pair
 * with no row is refused with invalid_state. Pure: no I/O, working days through opts.isWorkingDay.
 */
import { ACTION_INFO, ACTION_TYPES, isActionType, type ActionType, type CaseAction } from './actions';
import { CONDITIONS, openCorrection, type ConditionName } from './conditions';
import type { Ctx, Effects, TransitionOptions, TransitionResult } from './context';
import { intakeEffects } from './effects-intake';
import { reviewEffects } from './effects-review';
import { checkAccess, isInstant, refuse } from './guards';
import { VALIDATORS } from './inputs';
import { OPEN_STATES, type CaseState } from './states';
import type { CaseActor, CaseRole, CaseSnapshot } from './types';

export type { CaseEvent, TransitionOptions, TransitionResult } from './context';

/** 'origin': back to the state the open 补正 was asked in (submitted or accepted). */
export type RowTarget = CaseState | 'origin';

export interface TransitionRow {
  action: ActionType;
  from: CaseState;
  to: RowTarget;
  roles: readonly CaseRole[];
  /** Checked in this order after role, scope, state and the input's shape. */
  guards: readonly ConditionName[];
}

const APPLICANT: readonly CaseRole[] = ['applicant', 'agent'];
const FILER: readonly CaseRole[] = ['applicant', 'agent', 'window_clerk'];
const DEPT: readonly CaseRole[] = ['reviewer', 'approver'];
const CLERK: readonly CaseRole[] = ['window_clerk'];

const rows = (
  action: ActionType,
  from: readonly CaseState[],
  to: RowTarget,
  roles: readonly CaseRole[],
  guards: readonly ConditionName[] = [],
): TransitionRow[] => from.map((f) => ({ action, from: f, to, roles, guards }));

export const TRANSITIONS: readonly TransitionRow[] = [
  ...rows('save_draft', ['draft'], 'draft', FILER, ['draft_live']),
  ...rows('expire_draft', ['draft'], 'expired', ['system'], ['draft_overdue']),
  ...rows('request_pre_review', ['draft'], 'pre_review', APPLICANT, ['draft_live', 'has_pre_review']),
  ...rows('return_pre_review', ['pre_review'], 'draft', CLERK),
  ...rows('pass_pre_review', ['pre_review'], 'submitted', CLERK, ['item_at_site']),
  ...rows('submit', ['draft'], 'submitted', FILER, ['draft_live', 'pre_review_not_required', 'item_at_site']),
  ...rows('record_originals', ['submitted'], 'submitted', CLERK),
  ...rows('accept', ['submitted'], 'accepted', CLERK, ['item_at_site', 'limits_valid', 'originals_checked']),
  ...rows('accept_and_decide', ['submitted'], 'decided', CLERK, ['item_at_site', 'is_immediate', 'originals_checked']),
  ...rows('reject', ['submitted'], 'rejected', CLERK),
  ...rows('request_correction', ['submitted'], 'awaiting_correction', CLERK, ['first_notice_only']),
  ...rows('request_correction', ['accepted'], 'awaiting_correction', DEPT, [
    'lead_department',
    'no_special_step_open',
    'first_notice_only',
  ]),
  ...rows('supply_correction', ['awaiting_correction'], 'origin', FILER, ['correction_complete']),
  ...rows('pass_step', ['accepted'], 'accepted', DEPT, [
    'lead_department',
    'your_step',
    'not_final_step',
    'no_special_step_open',
  ]),
  ...rows('return_step', ['accepted'], 'accepted', DEPT, ['lead_department', 'your_step', 'not_first_step']),
  ...rows('complete_part', ['accepted'], 'accepted', DEPT, ['part_open']),
  ...rows('start_special_step', ['accepted'], 'accepted', DEPT, [
    'lead_department',
    'special_step_listed',
    'no_special_step_open',
  ]),
  ...rows('end_special_step', ['accepted'], 'accepted', [...DEPT, 'system'], ['lead_department', 'special_step_open']),
  ...rows(
    'extend_limit',
    ['accepted'],
    'accepted',
    ['approver'],
    ['lead_department', 'extension_allowed', 'not_extended', 'extension_within_max', 'before_due'],
  ),
  ...rows(
    'record_fee',
    ['accepted'],
    'accepted',
    ['window_clerk', 'issuing_window'],
    ['fee_required', 'fee_not_recorded'],
  ),
  ...rows(
    'record_fee',
    ['decided'],
    'decided',
    ['window_clerk', 'issuing_window'],
    ['fee_required', 'fee_not_recorded'],
  ),
  ...rows(
    'decide',
    ['accepted'],
    'decided',
    ['approver'],
    ['lead_department', 'your_step', 'final_step', 'parts_done', 'no_special_step_open'],
  ),
  ...rows('deliver', ['decided'], 'delivered', ['issuing_window', 'system'], ['delivery_fits', 'fee_settled']),
  ...rows('rate', ['delivered'], 'rated', ['applicant']),
  ...rows('withdraw', OPEN_STATES, 'withdrawn', APPLICANT),
  ...rows('return_case', ['submitted'], 'returned', CLERK),
  ...rows('return_case', ['awaiting_correction'], 'returned', ['window_clerk', 'system'], ['correction_due']),
];

const ROWS_BY_ACTION = new Map<ActionType, TransitionRow[]>(
  ACTION_TYPES.map((t) => [t, TRANSITIONS.filter((r) => r.action === t)]),
);

/** Every action's effect; the type makes a missing one a compile error. */
const EFFECTS: Effects<ActionType> = { ...intakeEffects, ...reviewEffects };

export function transition(
  c: CaseSnapshot,
  action: CaseAction,
  actor: CaseActor,
  now: number,
  opts: TransitionOptions,
): TransitionResult {
  const type: unknown = action?.type;
  if (!isActionType(type)) return refuse('invalid_input', `未知操作 / unknown action ${JSON.stringify(type)}`);
  if (!isInstant(now)) return refuse('invalid_input', `无效时间 / now must be an epoch-ms integer`);
  const access = checkAccess(c, type, ROWS_BY_ACTION.get(type) ?? [], actor, now);
  if ('ok' in access) return access;
  const { row, as } = access;
  const validate = VALIDATORS[type] as (a: CaseAction, c: CaseSnapshot) => ReturnType<(typeof VALIDATORS)['submit']>;
  const bad = validate(action, c);
  if (bad) return bad;
  const to = row.to === 'origin' ? (openCorrection(c)?.origin ?? 'submitted') : row.to;
  const x: Ctx = { c, actor, as, now, opts, to };
  for (const g of row.guards) {
    const refused = CONDITIONS[g](x, action as unknown as Record<string, unknown>);
    if (refused) return refused;
  }
  const effect = (EFFECTS[type] as (x: Ctx, a: CaseAction) => ReturnType<Effects<'submit'>['submit']>)(x, action);
  const data = { caseId: c.id, number: c.number, by: actor.userId, as, from: c.state, to, ...effect.details };
  return { ok: true, patch: { ...effect.patch, state: to }, event: { type: ACTION_INFO[type].event, data } };
}

/** Apply a successful result's patch (the service does the same against the database row). */
export function applyPatch(c: CaseSnapshot, patch: Partial<CaseSnapshot>): CaseSnapshot {
  return { ...c, ...patch };
}

/**
 * Inputs that pass validation for `type` on `c` as far as the input can be guessed (the open
 * 补正's own list, the actor's own 联办 part, each delivery method); availableActions tries them.
 */
export function candidateInputs(type: ActionType, c: CaseSnapshot, actor: CaseActor): CaseAction[] {
  const t = '-';
  const material = c.materials[0]?.id ?? t;
  switch (type) {
    case 'return_pre_review':
      return [{ type, comments: [{ materialId: material, comment: t }] }];
    case 'record_originals':
      return [{ type, method: 'window' }];
    case 'accept_and_decide':
    case 'decide':
      return [{ type, outcome: 'granted', text: t }];
    case 'reject':
      return [{ type, reason: t, legalBasis: t }];
    case 'request_correction': {
      const firstNotice = c.corrections[0];
      const items = firstNotice
        ? [...firstNotice.items]
        : [{ materialId: c.materials[0]?.id ?? null, name: t, problem: t }];
      return [{ type, items }];
    }
    case 'supply_correction': {
      const items = openCorrection(c)?.items ?? [];
      return [
        {
          type,
          materialIds: items.flatMap((i) => (i.materialId ? [i.materialId] : [])),
          names: items.filter((i) => i.materialId === null).map((i) => i.name),
        },
      ];
    }
    case 'pass_step':
    case 'return_step':
      return [{ type, opinion: t }];
    case 'complete_part': {
      const mine = c.parts.filter((p) => p.doneAt === null && (actor.orgIds ?? []).includes(p.departmentId));
      return mine.length > 0
        ? mine.map((p) => ({ type, partId: p.id, opinion: t }))
        : [{ type, partId: t, opinion: t }];
    }
    case 'start_special_step':
      return [{ type, code: c.item.specialSteps[0]?.code ?? t }];
    case 'extend_limit':
      return [{ type, days: 1, reason: t }];
    case 'record_fee':
      return [{ type, amount: 0, basis: t, status: 'waived' }];
    case 'deliver':
      return [
        { type, method: 'window', recipient: { kind: 'applicant', name: t, proof: 'receipt' } },
        { type, method: 'mail', carrier: t, trackingNo: t },
        { type, method: 'electronic', licenceId: t },
      ];
    case 'rate':
      return [{ type, level: 5 }];
    case 'withdraw':
    case 'return_case':
      return [{ type, reason: t }];
    case 'save_draft':
    case 'expire_draft':
    case 'request_pre_review':
    case 'pass_pre_review':
    case 'submit':
    case 'accept':
    case 'end_special_step':
      return [{ type }];
  }
}

/** The buttons to show: every action `transition` would accept now with some candidate input. */
export function availableActions(
  c: CaseSnapshot,
  actor: CaseActor,
  now: number,
  opts: TransitionOptions,
): ActionType[] {
  return ACTION_TYPES.filter((type) =>
    candidateInputs(type, c, actor).some((a) => transition(c, a, actor, now, opts).ok),
  );
}

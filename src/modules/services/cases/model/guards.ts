/** Refusals, and the access check every action goes through: role → data scope → state. */
import { ACTION_INFO, type ActionType } from './actions';
import { describeState } from './states';
import type { CaseActor, CaseRole, CaseSnapshot } from './types';

export const REFUSAL_STATUS = {
  role_not_allowed: 403,
  out_of_scope: 403,
  delegation_expired: 403,
  not_lead_department: 403,
  not_your_step: 403,
  not_your_part: 403,
  method_not_allowed: 403,
  invalid_state: 409,
  draft_expired: 409,
  draft_not_expired: 409,
  no_pre_review: 409,
  pre_review_required: 409,
  item_not_at_site: 409,
  limit_missing: 409,
  limit_exceeds_legal: 409,
  originals_not_checked: 409,
  not_immediate: 409,
  not_in_first_notice: 409,
  correction_incomplete: 409,
  correction_not_due: 409,
  special_step_open: 409,
  no_special_step: 409,
  final_step: 409,
  first_step: 409,
  steps_pending: 409,
  parts_pending: 409,
  part_done: 409,
  extension_not_allowed: 409,
  already_extended: 409,
  deadline_passed: 409,
  no_fee: 409,
  fee_recorded: 409,
  fee_unsettled: 409,
  not_mailable: 409,
  no_electronic_licence: 409,
  no_licence_for_refusal: 409,
  missing_field: 400,
  invalid_input: 400,
  unknown_material: 400,
  no_such_part: 400,
  special_step_not_listed: 400,
  extension_too_long: 400,
} as const satisfies Record<string, 400 | 403 | 409>;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

export interface Refusal {
  ok: false;
  status: 400 | 403 | 409;
  code: RefusalCode;
  reason: string;
}

export function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, status: REFUSAL_STATUS[code], code, reason };
}

export const actionName = (type: ActionType) => `「${ACTION_INFO[type].zh}」(${type})`;

export const inDepartment = (c: CaseSnapshot, actor: CaseActor) => {
  const orgs = actor.orgIds ?? [];
  return orgs.includes(c.departmentId) || c.parts.some((p) => orgs.includes(p.departmentId));
};

/**
 * Whom each role may act on. A reviewer or approver reaches the lead department's cases and the
 * 联办 parts of its own department; window roles reach their sites' cases.
 */
const SCOPE: Record<CaseRole, (c: CaseSnapshot, actor: CaseActor, now: number) => Refusal | null> = {
  applicant: (c, a) => (c.applicantId === a.userId ? null : outOfScope(c)),
  agent: (c, a, now) => {
    if (c.agent?.userId !== a.userId) return outOfScope(c);
    return now < c.agent.expiresAt
      ? null
      : refuse('delegation_expired', '代办授权已过期 / the delegation to act for the applicant has expired');
  },
  window_clerk: (c, a) => ((a.siteIds ?? []).includes(c.siteId) ? null : outOfScope(c)),
  issuing_window: (c, a) => ((a.siteIds ?? []).includes(c.issueSiteId ?? c.siteId) ? null : outOfScope(c)),
  reviewer: (c, a) => (inDepartment(c, a) ? null : outOfScope(c)),
  approver: (c, a) => (inDepartment(c, a) ? null : outOfScope(c)),
  system: () => null,
};

function outOfScope(c: CaseSnapshot): Refusal {
  return refuse('out_of_scope', `办件不在您的数据范围内 / case ${c.id} is outside your data scope`);
}

/** A row of the transition table as the access check needs it. */
export interface AccessRow {
  from: string;
  roles: readonly CaseRole[];
}

/**
 * Role, then data scope, then state — in that order, so a caller outside the case's scope learns
 * nothing of its state. Returns the row and the role the actor acts in (the row's first role the
 * actor holds in scope), or the refusal.
 */
export function checkAccess<R extends AccessRow>(
  c: CaseSnapshot,
  type: ActionType,
  rows: readonly R[],
  actor: CaseActor,
  now: number,
): { row: R; as: CaseRole } | Refusal {
  const roles = [...new Set(rows.flatMap((r) => r.roles))];
  const held = roles.filter((r) => actor.roles.includes(r));
  if (held.length === 0) {
    return refuse(
      'role_not_allowed',
      `角色无权${actionName(type)} / role may not ${type} (needs ${roles.join(' or ')})`,
    );
  }
  const scoped = held.map((r) => ({ r, denied: SCOPE[r](c, actor, now) }));
  const inScope = scoped.filter((s) => s.denied === null).map((s) => s.r);
  if (inScope.length === 0) return scoped[0].denied as Refusal;
  for (const row of rows) {
    if (row.from !== c.state) continue;
    const as = row.roles.find((r) => inScope.includes(r));
    if (as) return { row, as };
  }
  return refuse(
    'invalid_state',
    `办件当前为${describeState(c.state)}，不能${actionName(type)} / cannot ${type} a case in state ${c.state}`,
  );
}

/** 400 unless `value` is a non-blank string. */
export function requireText(value: unknown, field: string): Refusal | null {
  return typeof value === 'string' && value.trim() !== ''
    ? null
    : refuse('missing_field', `缺少必填项 ${field} / ${field} is required`);
}

export const isInstant = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

export const first = (...checks: Array<Refusal | null>): Refusal | null => checks.find((r) => r !== null) ?? null;

export const optionalText = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);

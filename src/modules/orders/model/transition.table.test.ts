/**
 * Exhaustive state × action × role table. The expected cells are written out by hand from the
 * rules in the brief; nothing here is derived from ACTION_RULES.
 *
 * Cells: →state = allowed, the order ends in that state · R = 403 role_not_allowed ·
 * O = 403 out_of_scope · S = 409 invalid_state · anything else = that refusal code.
 * Orders are FIXTURES (testing.ts): no flags, no pending requests, NOW before every deadline;
 * the handler's scope is unit-1 (pending_dispatch and cancelled fixtures have no unit);
 * the citizen is the reporter.
 */
import { describe, expect, it } from 'vitest';
import type { ActionType, OrderAction } from './actions';
import { availableActions } from './available';
import { transition } from './transition';
import type { OrderState } from './states';
import type { Actor, Role } from './types';
import { ACTORS, NOW, OPTS, STAFF, UNIT, order } from './testing';

const TABLE = `
action             state              admin  dispatcher            handler            leader                citizen      system
dispatch           pending_dispatch   R      →pending_sign         R                  R                     R            →pending_sign
dispatch           pending_sign       R      S                     R                  R                     R            S
dispatch           handling           R      S                     R                  R                     R            S
dispatch           pending_review     R      S                     R                  R                     R            S
dispatch           pending_visit      R      S                     R                  R                     R            S
dispatch           closed             R      S                     R                  R                     R            S
dispatch           archived           R      S                     R                  R                     R            S
dispatch           cancelled          R      S                     R                  R                     R            S
dispatch           merged             R      S                     R                  R                     R            S

direct_reply       pending_dispatch   R      →pending_visit        R                  R                     R            R
direct_reply       pending_sign       R      S                     R                  R                     R            R
direct_reply       handling           R      S                     R                  R                     R            R
direct_reply       pending_review     R      S                     R                  R                     R            R
direct_reply       pending_visit      R      S                     R                  R                     R            R
direct_reply       closed             R      S                     R                  R                     R            R
direct_reply       archived           R      S                     R                  R                     R            R
direct_reply       cancelled          R      S                     R                  R                     R            R
direct_reply       merged             R      S                     R                  R                     R            R

sign               pending_dispatch   R      R                     O                  R                     R            R
sign               pending_sign       R      R                     →handling          R                     R            R
sign               handling           R      R                     S                  R                     R            R
sign               pending_review     R      R                     S                  R                     R            R
sign               pending_visit      R      R                     S                  R                     R            R
sign               closed             R      R                     S                  R                     R            R
sign               archived           R      R                     S                  R                     R            R
sign               cancelled          R      R                     O                  R                     R            R
sign               merged             R      R                     S                  R                     R            R

request_return     pending_dispatch   R      R                     O                  R                     R            R
request_return     pending_sign       R      R                     →pending_sign      R                     R            R
request_return     handling           R      R                     →handling          R                     R            R
request_return     pending_review     R      R                     S                  R                     R            R
request_return     pending_visit      R      R                     S                  R                     R            R
request_return     closed             R      R                     S                  R                     R            R
request_return     archived           R      R                     S                  R                     R            R
request_return     cancelled          R      R                     O                  R                     R            R
request_return     merged             R      R                     S                  R                     R            R

approve_return     pending_dispatch   R      S                     R                  R                     R            R
approve_return     pending_sign       R      no_return_request     R                  R                     R            R
approve_return     handling           R      no_return_request     R                  R                     R            R
approve_return     pending_review     R      S                     R                  R                     R            R
approve_return     pending_visit      R      S                     R                  R                     R            R
approve_return     closed             R      S                     R                  R                     R            R
approve_return     archived           R      S                     R                  R                     R            R
approve_return     cancelled          R      S                     R                  R                     R            R
approve_return     merged             R      S                     R                  R                     R            R

reject_return      pending_dispatch   R      S                     R                  R                     R            R
reject_return      pending_sign       R      no_return_request     R                  R                     R            R
reject_return      handling           R      no_return_request     R                  R                     R            R
reject_return      pending_review     R      S                     R                  R                     R            R
reject_return      pending_visit      R      S                     R                  R                     R            R
reject_return      closed             R      S                     R                  R                     R            R
reject_return      archived           R      S                     R                  R                     R            R
reject_return      cancelled          R      S                     R                  R                     R            R
reject_return      merged             R      S                     R                  R                     R            R

redispatch         pending_dispatch   R      S                     R                  R                     R            R
redispatch         pending_sign       R      →pending_sign         R                  R                     R            R
redispatch         handling           R      →pending_sign         R                  R                     R            R
redispatch         pending_review     R      S                     R                  R                     R            R
redispatch         pending_visit      R      S                     R                  R                     R            R
redispatch         closed             R      S                     R                  R                     R            R
redispatch         archived           R      S                     R                  R                     R            R
redispatch         cancelled          R      S                     R                  R                     R            R
redispatch         merged             R      S                     R                  R                     R            R

recall             pending_dispatch   R      S                     R                  R                     R            R
recall             pending_sign       R      →pending_dispatch     R                  R                     R            R
recall             handling           R      →pending_dispatch     R                  R                     R            R
recall             pending_review     R      S                     R                  R                     R            R
recall             pending_visit      R      S                     R                  R                     R            R
recall             closed             R      S                     R                  R                     R            R
recall             archived           R      S                     R                  R                     R            R
recall             cancelled          R      S                     R                  R                     R            R
recall             merged             R      S                     R                  R                     R            R

request_extension  pending_dispatch   R      R                     O                  R                     R            R
request_extension  pending_sign       R      R                     →pending_sign      R                     R            R
request_extension  handling           R      R                     →handling          R                     R            R
request_extension  pending_review     R      R                     S                  R                     R            R
request_extension  pending_visit      R      R                     S                  R                     R            R
request_extension  closed             R      R                     S                  R                     R            R
request_extension  archived           R      R                     S                  R                     R            R
request_extension  cancelled          R      R                     O                  R                     R            R
request_extension  merged             R      R                     S                  R                     R            R

approve_extension  pending_dispatch   R      S                     R                  S                     R            R
approve_extension  pending_sign       R      no_extension_request  R                  no_extension_request  R            R
approve_extension  handling           R      no_extension_request  R                  no_extension_request  R            R
approve_extension  pending_review     R      S                     R                  S                     R            R
approve_extension  pending_visit      R      S                     R                  S                     R            R
approve_extension  closed             R      S                     R                  S                     R            R
approve_extension  archived           R      S                     R                  S                     R            R
approve_extension  cancelled          R      S                     R                  S                     R            R
approve_extension  merged             R      S                     R                  S                     R            R

reject_extension   pending_dispatch   R      S                     R                  S                     R            R
reject_extension   pending_sign       R      no_extension_request  R                  no_extension_request  R            R
reject_extension   handling           R      no_extension_request  R                  no_extension_request  R            R
reject_extension   pending_review     R      S                     R                  S                     R            R
reject_extension   pending_visit      R      S                     R                  S                     R            R
reject_extension   closed             R      S                     R                  S                     R            R
reject_extension   archived           R      S                     R                  S                     R            R
reject_extension   cancelled          R      S                     R                  S                     R            R
reject_extension   merged             R      S                     R                  S                     R            R

suspend            pending_dispatch   R      S                     R                  R                     R            R
suspend            pending_sign       R      →pending_sign         R                  R                     R            R
suspend            handling           R      →handling             R                  R                     R            R
suspend            pending_review     R      S                     R                  R                     R            R
suspend            pending_visit      R      S                     R                  R                     R            R
suspend            closed             R      S                     R                  R                     R            R
suspend            archived           R      S                     R                  R                     R            R
suspend            cancelled          R      S                     R                  R                     R            R
suspend            merged             R      S                     R                  R                     R            R

resume             pending_dispatch   R      S                     R                  R                     R            R
resume             pending_sign       R      not_suspended         R                  R                     R            R
resume             handling           R      not_suspended         R                  R                     R            R
resume             pending_review     R      S                     R                  R                     R            R
resume             pending_visit      R      S                     R                  R                     R            R
resume             closed             R      S                     R                  R                     R            R
resume             archived           R      S                     R                  R                     R            R
resume             cancelled          R      S                     R                  R                     R            R
resume             merged             R      S                     R                  R                     R            R

urge               pending_dispatch   R      S                     R                  S                     R            S
urge               pending_sign       R      →pending_sign         R                  →pending_sign         R            →pending_sign
urge               handling           R      →handling             R                  →handling             R            →handling
urge               pending_review     R      S                     R                  S                     R            S
urge               pending_visit      R      S                     R                  S                     R            S
urge               closed             R      S                     R                  S                     R            S
urge               archived           R      S                     R                  S                     R            S
urge               cancelled          R      S                     R                  S                     R            S
urge               merged             R      S                     R                  S                     R            S

supervise          pending_dispatch   R      S                     R                  S                     R            S
supervise          pending_sign       R      →pending_sign         R                  →pending_sign         R            →pending_sign
supervise          handling           R      →handling             R                  →handling             R            →handling
supervise          pending_review     R      S                     R                  S                     R            S
supervise          pending_visit      R      S                     R                  S                     R            S
supervise          closed             R      S                     R                  S                     R            S
supervise          archived           R      S                     R                  S                     R            S
supervise          cancelled          R      S                     R                  S                     R            S
supervise          merged             R      S                     R                  S                     R            S

contact            pending_dispatch   R      R                     O                  R                     R            R
contact            pending_sign       R      R                     S                  R                     R            R
contact            handling           R      R                     →handling          R                     R            R
contact            pending_review     R      R                     S                  R                     R            R
contact            pending_visit      R      R                     S                  R                     R            R
contact            closed             R      R                     S                  R                     R            R
contact            archived           R      R                     S                  R                     R            R
contact            cancelled          R      R                     O                  R                     R            R
contact            merged             R      R                     S                  R                     R            R

submit_reply       pending_dispatch   R      R                     O                  R                     R            R
submit_reply       pending_sign       R      R                     S                  R                     R            R
submit_reply       handling           R      R                     →pending_review    R                     R            R
submit_reply       pending_review     R      R                     S                  R                     R            R
submit_reply       pending_visit      R      R                     S                  R                     R            R
submit_reply       closed             R      R                     S                  R                     R            R
submit_reply       archived           R      R                     S                  R                     R            R
submit_reply       cancelled          R      R                     O                  R                     R            R
submit_reply       merged             R      R                     S                  R                     R            R

approve_reply      pending_dispatch   R      S                     R                  R                     R            R
approve_reply      pending_sign       R      S                     R                  R                     R            R
approve_reply      handling           R      S                     R                  R                     R            R
approve_reply      pending_review     R      →pending_visit        R                  R                     R            R
approve_reply      pending_visit      R      S                     R                  R                     R            R
approve_reply      closed             R      S                     R                  R                     R            R
approve_reply      archived           R      S                     R                  R                     R            R
approve_reply      cancelled          R      S                     R                  R                     R            R
approve_reply      merged             R      S                     R                  R                     R            R

reject_reply       pending_dispatch   R      S                     R                  R                     R            R
reject_reply       pending_sign       R      S                     R                  R                     R            R
reject_reply       handling           R      S                     R                  R                     R            R
reject_reply       pending_review     R      →handling             R                  R                     R            R
reject_reply       pending_visit      R      S                     R                  R                     R            R
reject_reply       closed             R      S                     R                  R                     R            R
reject_reply       archived           R      S                     R                  R                     R            R
reject_reply       cancelled          R      S                     R                  R                     R            R
reject_reply       merged             R      S                     R                  R                     R            R

visit              pending_dispatch   R      S                     R                  R                     R            R
visit              pending_sign       R      S                     R                  R                     R            R
visit              handling           R      S                     R                  R                     R            R
visit              pending_review     R      S                     R                  R                     R            R
visit              pending_visit      R      →closed               R                  R                     R            R
visit              closed             R      S                     R                  R                     R            R
visit              archived           R      S                     R                  R                     R            R
visit              cancelled          R      S                     R                  R                     R            R
visit              merged             R      S                     R                  R                     R            R

archive            pending_dispatch   R      S                     R                  R                     R            S
archive            pending_sign       R      S                     R                  R                     R            S
archive            handling           R      S                     R                  R                     R            S
archive            pending_review     R      S                     R                  R                     R            S
archive            pending_visit      R      S                     R                  R                     R            S
archive            closed             R      →archived             R                  R                     R            →archived
archive            archived           R      S                     R                  R                     R            S
archive            cancelled          R      S                     R                  R                     R            S
archive            merged             R      S                     R                  R                     R            S

merge              pending_dispatch   R      →merged               R                  R                     R            R
merge              pending_sign       R      →merged               R                  R                     R            R
merge              handling           R      →merged               R                  R                     R            R
merge              pending_review     R      →merged               R                  R                     R            R
merge              pending_visit      R      →merged               R                  R                     R            R
merge              closed             R      S                     R                  R                     R            R
merge              archived           R      S                     R                  R                     R            R
merge              cancelled          R      S                     R                  R                     R            R
merge              merged             R      S                     R                  R                     R            R

cancel             pending_dispatch   R      →cancelled            R                  R                     →cancelled   R
cancel             pending_sign       R      →cancelled            R                  R                     S            R
cancel             handling           R      →cancelled            R                  R                     S            R
cancel             pending_review     R      S                     R                  R                     S            R
cancel             pending_visit      R      S                     R                  R                     S            R
cancel             closed             R      S                     R                  R                     S            R
cancel             archived           R      S                     R                  R                     S            R
cancel             cancelled          R      S                     R                  R                     S            R
cancel             merged             R      S                     R                  R                     S            R
`;

const ROLES_IN_TABLE: Role[] = ['admin', 'dispatcher', 'handler', 'leader', 'citizen', 'system'];
const STATES: OrderState[] = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
  'closed',
  'archived',
  'cancelled',
  'merged',
];
const ACTIONS: ActionType[] = [
  'dispatch',
  'direct_reply',
  'sign',
  'request_return',
  'approve_return',
  'reject_return',
  'redispatch',
  'recall',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'suspend',
  'resume',
  'urge',
  'supervise',
  'contact',
  'submit_reply',
  'approve_reply',
  'reject_reply',
  'visit',
  'archive',
  'merge',
  'cancel',
];

/** A valid input for each action, written independently of minimalAction. */
const INPUT: Record<ActionType, OrderAction> = {
  dispatch: { type: 'dispatch', unitId: UNIT },
  direct_reply: { type: 'direct_reply', reply: '已电话答复' },
  sign: { type: 'sign' },
  request_return: { type: 'request_return', reason: '非本单位职责' },
  approve_return: { type: 'approve_return' },
  reject_return: { type: 'reject_return', reason: '属于本单位职责' },
  redispatch: { type: 'redispatch', unitId: 'unit-2', reason: '分拨错误，应由城管办理' },
  recall: { type: 'recall', reason: '分拨有误' },
  request_extension: { type: 'request_extension', reason: '需协调施工', addWorkingDays: 3 },
  approve_extension: { type: 'approve_extension' },
  reject_extension: { type: 'reject_extension', reason: '理由不充分' },
  suspend: { type: 'suspend', reason: '等待法院判决' },
  resume: { type: 'resume' },
  urge: { type: 'urge', note: '请尽快处理' },
  supervise: { type: 'supervise', note: '市民多次来电' },
  contact: { type: 'contact', method: 'phone' },
  submit_reply: { type: 'submit_reply', reply: '已清理' },
  approve_reply: { type: 'approve_reply' },
  reject_reply: { type: 'reject_reply', reason: '答复不完整' },
  visit: { type: 'visit', result: 'satisfied' },
  archive: { type: 'archive' },
  merge: { type: 'merge', mainOrderId: 'o-main', mainOrderState: 'handling' },
  cancel: { type: 'cancel', reason: '市民撤诉' },
};

const ABBREVIATIONS: Record<string, string> = { R: 'role_not_allowed', O: 'out_of_scope', S: 'invalid_state' };
/** Written independently of REFUSAL_STATUS. */
const STATUS: Record<string, number> = {
  role_not_allowed: 403,
  out_of_scope: 403,
  invalid_state: 409,
  suspended: 409,
  already_suspended: 409,
  not_suspended: 409,
  return_pending: 409,
  no_return_request: 409,
  bounce_limit_reached: 409,
  extension_pending: 409,
  no_extension_request: 409,
  deadline_passed: 409,
  no_deadline: 409,
  supervision_max: 409,
  invalid_main_order: 409,
  missing_field: 400,
  invalid_input: 400,
  merge_into_self: 400,
};

interface Row {
  action: ActionType;
  state: OrderState;
  cells: Record<Role, string>;
}

function parse(table: string, columns: string[]): Array<{ key: string[]; cells: Record<string, string> }> {
  const lines = table
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const header = lines[0].split(/\s+/);
  expect(header.slice(header.length - columns.length)).toEqual(columns);
  const keyCount = header.length - columns.length;
  return lines.slice(1).map((line) => {
    const parts = line.split(/\s+/);
    expect(parts, line).toHaveLength(header.length);
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => (cells[c] = parts[keyCount + i]));
    return { key: parts.slice(0, keyCount), cells };
  });
}

const ROWS: Row[] = parse(TABLE, ROLES_IN_TABLE).map((r) => ({
  action: r.key[0] as ActionType,
  state: r.key[1] as OrderState,
  cells: r.cells as Record<Role, string>,
}));

/** Assert one cell: allowed into a given state, or refused with exactly that code and status. */
function expectCell(result: ReturnType<typeof transition>, cell: string, from: OrderState, label: string) {
  if (cell.startsWith('→')) {
    expect(result, label).toMatchObject({ ok: true });
    if (result.ok) expect(result.patch.state ?? from, label).toBe(cell.slice(1));
  } else {
    const code = ABBREVIATIONS[cell] ?? cell;
    expect(STATUS[code], `unknown code in table: ${code}`).toBeDefined();
    expect(result, label).toMatchObject({ ok: false, code, status: STATUS[code] });
  }
}

describe('state × action × role table', () => {
  it('covers every combination exactly once', () => {
    const keys = ROWS.map((r) => `${r.action}/${r.state}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(ACTIONS.length * STATES.length);
    for (const a of ACTIONS) for (const s of STATES) expect(keys).toContain(`${a}/${s}`);
  });

  for (const row of ROWS) {
    for (const role of ROLES_IN_TABLE) {
      it(`${row.action} in ${row.state} by ${role} → ${row.cells[role]}`, () => {
        const result = transition(order(row.state), INPUT[row.action], ACTORS[role], NOW, OPTS);
        expectCell(result, row.cells[role], row.state, `${row.action}/${row.state}/${role}`);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      });
    }
  }

  it('names the state in Chinese and English when the state is wrong', () => {
    const r = transition(order('closed'), INPUT.sign, ACTORS.handler, NOW, OPTS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain('已办结');
      expect(r.reason).toContain('closed');
      expect(r.reason).toContain('签收');
    }
  });
});

describe('availableActions agrees with the table', () => {
  for (const state of STATES) {
    for (const role of ROLES_IN_TABLE) {
      it(`${state} / ${role}`, () => {
        const expected = ROWS.filter((r) => r.state === state && r.cells[role].startsWith('→')).map((r) => r.action);
        expect(availableActions(order(state), ACTORS[role], NOW, OPTS).sort()).toEqual([...expected].sort());
      });
    }
  }
});

describe('data scope', () => {
  const handlerActions: ActionType[] = ['sign', 'request_return', 'request_extension', 'contact', 'submit_reply'];
  const strangers: Record<string, Actor> = {
    'handler of another unit': { userId: 'u-h2', roles: ['handler'], orgIds: ['unit-9'] },
    'handler with no scope': { userId: 'u-h3', roles: ['handler'] },
  };
  for (const [who, actor] of Object.entries(strangers)) {
    for (const state of STATES) {
      for (const action of handlerActions) {
        it(`${who}: ${action} in ${state} → out_of_scope`, () => {
          expect(transition(order(state), INPUT[action], actor, NOW, OPTS)).toMatchObject({
            ok: false,
            status: 403,
            code: 'out_of_scope',
          });
        });
      }
    }
  }

  it('a handler whose scope includes the unit among others may act', () => {
    const actor: Actor = { userId: 'u-h4', roles: ['handler'], orgIds: ['unit-0', UNIT, 'unit-2'] };
    expect(transition(order('pending_sign'), INPUT.sign, actor, NOW, OPTS).ok).toBe(true);
  });

  for (const state of STATES) {
    it(`a citizen who did not report it cannot cancel it (${state}) → out_of_scope`, () => {
      const other: Actor = { userId: 'citizen-2', roles: ['citizen'] };
      expect(transition(order(state), INPUT.cancel, other, NOW, OPTS)).toMatchObject({
        ok: false,
        code: 'out_of_scope',
      });
    });
  }

  it('an order with no reporter cannot be cancelled by any citizen', () => {
    const o = order('pending_dispatch', { reporterId: null });
    expect(transition(o, INPUT.cancel, ACTORS.citizen, NOW, OPTS)).toMatchObject({ ok: false, code: 'out_of_scope' });
  });

  it('a second, unscoped role lifts the scope check for actions it holds', () => {
    const actor: Actor = { userId: 'u-x', roles: ['handler', 'dispatcher'], orgIds: ['unit-9'] };
    // sign is the handler's alone: still out of scope
    expect(transition(order('pending_sign'), INPUT.sign, actor, NOW, OPTS)).toMatchObject({ code: 'out_of_scope' });
    // cancel is also the dispatcher's: allowed
    expect(transition(order('handling'), INPUT.cancel, actor, NOW, OPTS).ok).toBe(true);
  });

  it('a dispatcher who is also the reporter may cancel in states a citizen may not', () => {
    const actor: Actor = { userId: 'citizen-1', roles: ['citizen', 'dispatcher'] };
    expect(transition(order('handling'), INPUT.cancel, actor, NOW, OPTS).ok).toBe(true);
  });

  it('roles unknown to the model grant nothing', () => {
    const actor = { userId: 'u-c', roles: ['clerk'] } as unknown as Actor;
    for (const action of ACTIONS) {
      for (const state of STATES) {
        expect(transition(order(state), INPUT[action], actor, NOW, OPTS)).toMatchObject({ code: 'role_not_allowed' });
      }
    }
  });
});

/**
 * The same orders in pending_sign / handling with one flag set, taken by STAFF (dispatcher +
 * in-scope handler, so only state and flags decide).
 */
const FLAG_COLUMNS = ['pending_sign', 'handling'];

const SUSPENDED = `
action             pending_sign          handling
dispatch           S                     S
direct_reply       S                     S
sign               suspended             S
request_return     suspended             suspended
approve_return     suspended             suspended
reject_return      no_return_request     no_return_request
redispatch         suspended             suspended
recall             suspended             suspended
request_extension  suspended             suspended
approve_extension  suspended             suspended
reject_extension   no_extension_request  no_extension_request
suspend            already_suspended     already_suspended
resume             →pending_sign         →handling
urge               →pending_sign         →handling
supervise          →pending_sign         →handling
contact            S                     →handling
submit_reply       S                     suspended
approve_reply      S                     S
reject_reply       S                     S
visit              S                     S
archive            S                     S
merge              suspended             suspended
cancel             suspended             suspended
`;

const RETURN_PENDING = `
action             pending_sign          handling
dispatch           S                     S
direct_reply       S                     S
sign               return_pending        S
request_return     return_pending        return_pending
approve_return     →pending_dispatch     →pending_dispatch
reject_return      →pending_sign         →handling
redispatch         →pending_sign         →pending_sign
recall             →pending_dispatch     →pending_dispatch
request_extension  return_pending        return_pending
approve_extension  no_extension_request  no_extension_request
reject_extension   no_extension_request  no_extension_request
suspend            →pending_sign         →handling
resume             not_suspended         not_suspended
urge               →pending_sign         →handling
supervise          →pending_sign         →handling
contact            S                     →handling
submit_reply       S                     return_pending
approve_reply      S                     S
reject_reply       S                     S
visit              S                     S
archive            S                     S
merge              →merged               →merged
cancel             →cancelled            →cancelled
`;

const EXTENSION_PENDING = `
action             pending_sign          handling
dispatch           S                     S
direct_reply       S                     S
sign               →handling             S
request_return     →pending_sign         →handling
approve_return     no_return_request     no_return_request
reject_return      no_return_request     no_return_request
redispatch         →pending_sign         →pending_sign
recall             →pending_dispatch     →pending_dispatch
request_extension  extension_pending     extension_pending
approve_extension  →pending_sign         →handling
reject_extension   →pending_sign         →handling
suspend            →pending_sign         →handling
resume             not_suspended         not_suspended
urge               →pending_sign         →handling
supervise          →pending_sign         →handling
contact            S                     →handling
submit_reply       S                     →pending_review
approve_reply      S                     S
reject_reply       S                     S
visit              S                     S
archive            S                     S
merge              →merged               →merged
cancel             →cancelled            →cancelled
`;

const FLAGS = {
  suspended: {
    table: SUSPENDED,
    over: {
      suspended: true,
      pauses: [{ from: NOW - 3_600_000, to: null, kind: 'suspend', reason: '等待', by: 'u-dispatcher' }],
    },
  },
  'return pending': {
    table: RETURN_PENDING,
    over: { returnRequest: { by: 'u-handler', at: NOW - 3_600_000, unitId: UNIT, reason: '非本单位职责' } },
  },
  'extension pending': {
    table: EXTENSION_PENDING,
    over: {
      extensionRequest: {
        by: 'u-handler',
        at: NOW - 3_600_000,
        reason: '需协调',
        requestedDeadline: NOW + 9 * 86_400_000,
        addWorkingDays: null,
      },
    },
  },
} as const;

for (const [flag, { table, over }] of Object.entries(FLAGS)) {
  describe(`with ${flag}`, () => {
    const rows = parse(table, FLAG_COLUMNS);
    it('lists every action once', () => {
      expect(rows.map((r) => r.key[0]).sort()).toEqual([...ACTIONS].sort());
    });
    for (const r of rows) {
      for (const state of FLAG_COLUMNS as OrderState[]) {
        it(`${r.key[0]} in ${state} → ${r.cells[state]}`, () => {
          const o = order(state, over as never);
          const result = transition(o, INPUT[r.key[0] as ActionType], STAFF, NOW, OPTS);
          expectCell(result, r.cells[state], state, `${flag}/${r.key[0]}/${state}`);
        });
      }
      it(`availableActions agrees for ${r.key[0]}`, () => {
        for (const state of FLAG_COLUMNS as OrderState[]) {
          const o = order(state, over as never);
          expect(availableActions(o, STAFF, NOW, OPTS).includes(r.key[0] as ActionType)).toBe(
            r.cells[state].startsWith('→'),
          );
        }
      });
    }
  });
}

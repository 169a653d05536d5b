/**
 * The hall queue (取号叫号) over HTTP: groups, counters with work profiles, tickets and the
 * counter actions, the hall screen and the phone page. Imports only TypeBox and other contracts.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';
import { PRIORITIES } from './model/call-next';
import { TICKET_STATES } from './model/ticket-state';

export { PRIORITIES, TICKET_STATES };
export const TICKET_SOURCES = ['reception', 'kiosk', 'appointment', 'phone'] as const;
export const COUNTER_STATES = ['open', 'paused', 'closed'] as const;
export const PROFILE_MODES = ['groupOrder', 'longestWait'] as const;
export const PRIORITY_LABELS: Record<(typeof PRIORITIES)[number], string> = {
  normal: '普通',
  appointment: '预约',
  green: '绿色通道',
  vip: '帮办代办企业',
  transfer: '转办',
};

const Id = T.String({ minLength: 1, maxLength: 64 });
const Text = (max: number) => T.String({ minLength: 1, maxLength: max });
const Phone = T.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+\\- ]+$' });
const ItemCode = T.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' });
const Minutes = (max: number) => T.Integer({ minimum: 0, maximum: max });

export const NoQuery = T.Object({}, { additionalProperties: false });
export const IdParams = T.Object({ id: Id }, { additionalProperties: false });
export const SiteParams = T.Object({ siteId: Id }, { additionalProperties: false });

// ---- groups ----
export const GroupBody = T.Object(
  {
    code: T.String({ minLength: 1, maxLength: 1, description: '号段字母 A–Z / the letter of the number series' }),
    name: Text(100),
    targetWaitMinutes: T.Integer({ minimum: 1, maximum: 480 }),
    itemCodes: T.Array(ItemCode, { maxItems: 500 }),
    departmentId: T.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type GroupBody = Static<typeof GroupBody>;
export const GroupPatch = T.Partial(
  T.Object(
    {
      name: Text(100),
      targetWaitMinutes: T.Integer({ minimum: 1, maximum: 480 }),
      itemCodes: T.Array(ItemCode, { maxItems: 500 }),
      departmentId: Nullable(Id),
      active: T.Boolean(),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false, minProperties: 1 },
);
export type GroupPatch = Static<typeof GroupPatch>;
export const Group = T.Object({
  id: T.String(),
  siteId: T.String(),
  code: T.String(),
  name: T.String(),
  targetWaitMinutes: T.Number(),
  itemCodes: T.Array(T.String()),
  departmentId: MaybeString,
  active: T.Boolean(),
  updatedAt: At,
});
export const GroupList = T.Object({ items: T.Array(Group) });

// ---- counters ----
const HeadStarts = T.Object(
  {
    normal: T.Optional(Minutes(600)),
    appointment: T.Optional(Minutes(600)),
    green: T.Optional(Minutes(600)),
    vip: T.Optional(Minutes(600)),
    transfer: T.Optional(Minutes(600)),
  },
  { additionalProperties: false },
);
export const ProfileBody = T.Object(
  {
    /** the groups it calls from, in order */
    groupIds: T.Array(Id, { minItems: 1, maxItems: 26 }),
    mode: OneOf(PROFILE_MODES),
    /** minutes of waiting credited per priority (default: appointment 15, 绿色通道 20, VIP 10, transfer 30) */
    headStartMinutes: T.Optional(HeadStarts),
    /** real wait after which a ticket is called before any priority (default 60) */
    fairnessCapMinutes: T.Optional(T.Integer({ minimum: 1, maximum: 600 })),
  },
  { additionalProperties: false },
);
export type ProfileBody = Static<typeof ProfileBody>;
export const CounterBody = T.Object(
  {
    number: T.String({ minLength: 1, maxLength: 10, pattern: '^[A-Za-z0-9-]+$' }),
    name: Text(100),
    profile: ProfileBody,
  },
  { additionalProperties: false },
);
export type CounterBody = Static<typeof CounterBody>;
export const CounterPatch = T.Partial(
  T.Object({ name: Text(100), profile: ProfileBody }, { additionalProperties: false }),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);
export type CounterPatch = Static<typeof CounterPatch>;
export const Profile = T.Object({
  groupIds: T.Array(T.String()),
  mode: T.String(),
  headStartMinutes: T.Record(T.String(), T.Number()),
  fairnessCapMinutes: T.Number(),
});
export const Counter = T.Object({
  id: T.String(),
  siteId: T.String(),
  number: T.String(),
  name: T.String(),
  profile: Profile,
  state: T.String(),
  pauseReason: MaybeString,
  clerkId: MaybeString,
  clerkName: MaybeString,
  updatedAt: At,
});
export const CounterList = T.Object({ items: T.Array(Counter) });
export const PauseBody = T.Object({ reason: Text(200) }, { additionalProperties: false });

// ---- tickets ----
export const IssueBody = T.Object(
  {
    groupId: Id,
    source: T.Optional(OneOf(TICKET_SOURCES)),
    priority: T.Optional(OneOf(PRIORITIES)),
    phone: T.Optional(Phone),
  },
  { additionalProperties: false },
);
export type IssueBody = Static<typeof IssueBody>;
export const Ticket = T.Object({
  id: T.String(),
  siteId: T.String(),
  groupId: T.String(),
  groupCode: T.String(),
  number: T.String(),
  source: T.String(),
  priority: T.String(),
  priorityLabel: T.String(),
  state: T.String(),
  issuedAt: At,
  calledAt: MaybeAt,
  servedAt: MaybeAt,
  finishedAt: MaybeAt,
  counterId: MaybeString,
  forCounterId: MaybeString,
  recalls: T.Number(),
  callReason: MaybeString,
  outcome: Nullable(T.Object({ itemCodes: T.Array(T.String()), caseNumbers: T.Array(T.String()), note: MaybeString })),
  /** masked: 139****5678 */
  phone: MaybeString,
});
export const Issued = T.Object({
  ticket: Ticket,
  /** tickets called before this one (0: next) */
  placeInLine: MaybeNumber,
  /** with the id, opens the phone page (/api/services/hall/tickets/:id/status?token=) */
  token: T.String(),
});
export const TicketsQuery = T.Object(
  { state: T.Optional(OneOf(TICKET_STATES)), limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
export const TicketList = T.Object({ items: T.Array(Ticket) });
export const TicketEvent = T.Object({
  action: T.String(),
  fromState: MaybeString,
  toState: T.String(),
  groupId: T.String(),
  counterId: MaybeString,
  reason: MaybeString,
  actorName: MaybeString,
  at: At,
});
export const TicketDetail = T.Object({ ticket: Ticket, history: T.Array(TicketEvent) });
export const CallResult = T.Object({
  /** null when nobody this counter may call is waiting */
  ticket: Nullable(Ticket),
  reason: MaybeString,
  /** the voice announcement: 请 A023 号到 5 号窗口 */
  announcement: MaybeString,
});
export const CallBody = T.Object({ ticketId: Id, reason: Text(200) }, { additionalProperties: false });
export const TicketActionBody = T.Object({ counterId: Id }, { additionalProperties: false });
export const TransferBody = T.Object(
  {
    counterId: Id,
    /** to another group's queue… */
    toGroupId: T.Optional(Id),
    /** …or to one counter in particular */
    toCounterId: T.Optional(Id),
    reason: T.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;
export const FinishBody = T.Object(
  {
    counterId: Id,
    itemCodes: T.Array(ItemCode, { maxItems: 20 }),
    caseNumbers: T.Optional(
      T.Array(T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }), { maxItems: 20 }),
    ),
    note: T.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type FinishBody = Static<typeof FinishBody>;

// ---- public: the hall screen and the phone page ----
export const Screen = T.Object({
  siteId: T.String(),
  siteName: T.String(),
  at: At,
  calls: T.Array(
    T.Object({
      number: T.String(),
      counterNumber: T.String(),
      counterName: T.String(),
      at: At,
      recall: T.Boolean(),
      announcement: T.String(),
    }),
  ),
  waiting: T.Array(
    T.Object({
      groupId: T.String(),
      code: T.String(),
      name: T.String(),
      waiting: T.Number(),
      targetWaitMinutes: T.Number(),
      /** the longest current wait, minutes */
      longestWaitMinutes: T.Number(),
    }),
  ),
});
export const StatusQuery = T.Object(
  { token: T.String({ minLength: 4, maxLength: 32, pattern: '^[a-z0-9]+$' }) },
  { additionalProperties: false },
);
export const PhoneStatus = T.Object({
  number: T.String(),
  state: T.String(),
  groupName: T.String(),
  siteName: T.String(),
  issuedAt: At,
  calledAt: MaybeAt,
  placeInLine: MaybeNumber,
  counterNumber: MaybeString,
  announcement: MaybeString,
});
export const NoBody = T.Object({}, { additionalProperties: false });
export const OkResult = T.Object({ ok: T.Boolean() });

/** Notifications to citizens and units: the outbox list and a unit's notice bell. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, Instant, MaybeAt, MaybeString } from '../../../platform/contract';

export const OutboxEntry = T.Object({
  id: T.String(),
  orderId: MaybeString,
  orderNumber: MaybeString,
  channel: T.String(),
  /** A citizen's number stays masked here, as everywhere outside an audited reveal. */
  recipient: MaybeString,
  recipientKind: T.String(),
  recipientName: MaybeString,
  template: T.String(),
  title: T.String(),
  text: T.String(),
  status: T.String(),
  attempts: T.Number(),
  createdAt: At,
  sentAt: MaybeAt,
  error: MaybeString,
});
export type OutboxEntry = Static<typeof OutboxEntry>;
export const OutboxList = T.Object({ items: T.Array(OutboxEntry) });

export const UnitNotice = T.Object({
  id: T.String(),
  orderId: MaybeString,
  orderNumber: MaybeString,
  unitId: T.String(),
  unitName: MaybeString,
  template: T.String(),
  title: T.String(),
  text: T.String(),
  createdAt: At,
  unread: T.Boolean(),
});
export type UnitNotice = Static<typeof UnitNotice>;
export const UnitNotices = T.Object({ items: T.Array(UnitNotice), unread: T.Number(), seenAt: At });
export type UnitNotices = Static<typeof UnitNotices>;
export const NoticesQuery = T.Object(
  { limit: T.Optional(T.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { additionalProperties: false },
);
export const SeenBody = T.Object({ until: T.Optional(Instant()) }, { additionalProperties: false });
export const SeenResult = T.Object({ seenAt: At });
export const OutboxQuery = T.Object(
  {
    orderId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    status: T.Optional(T.Union([T.Literal('pending'), T.Literal('sent'), T.Literal('failed')])),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

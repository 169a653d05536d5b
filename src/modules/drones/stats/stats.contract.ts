/** Flight statistics (imports only TypeBox and contract blocks). */
import { Type as T } from '@sinclair/typebox';
import { OneOf } from '../../../platform/contract';

export const STATS_KEYS = ['dock', 'scenario', 'org', 'month'] as const;
export const StatsQuery = T.Object({
  by: OneOf(STATS_KEYS),
  from: T.Optional(T.Integer({ minimum: 0 })),
  to: T.Optional(T.Integer({ minimum: 0 })),
});
const Row = T.Object({
  key: T.String(),
  missions: T.Integer(),
  sorties: T.Integer(),
  hours: T.Number(),
  km: T.Number(),
  ok: T.Integer(),
  failed: T.Integer(),
});
export const FlightStats = T.Object({
  by: OneOf(STATS_KEYS),
  from: T.Number(),
  to: T.Number(),
  rows: T.Array(Row),
  total: Row,
});

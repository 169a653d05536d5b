/** What the cases' parts share. */
import type { Kysely } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';

export type Db = Kysely<DB> | Tx;
export const CASE_ENTITY = 'svc_case';

import { localMs } from '../../../platform/calendar/local-time';
import type { PlatformContext } from '../../../platform/context';
import type { IsWorkingDay } from './model';

/** The platform calendar (holidays, 调休, admin-entered years) as the case model's day predicate. */
export const workingDaysOf =
  (p: PlatformContext): IsWorkingDay =>
  (date) =>
    p.calendar.isWorkday(localMs(date, '12:00'));

/** Drafts are kept this long before the expiry job closes them. */
export const DRAFT_DAYS = 30;
export const DAY_MS = 86_400_000;

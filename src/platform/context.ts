import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { DB } from '../schema';
import type { AuditContext } from './audit';
import type { EventTail } from './bus';
import type { Clock } from './clock';
import type { DialectName } from './db/connect';
import type { JobRunner } from './jobs';
import type { Work } from './transact';
import type { CalendarService } from './calendar-service';
import type { ObjectStorage, Storage } from './storage';

/** What every module's service is given: infrastructure, no business. */
export interface PlatformContext {
  config: Config;
  db: Kysely<DB>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  events: EventTail;
  jobs: JobRunner;
  calendar: CalendarService;
  storage: Storage;
  /** S3-compatible store for dock media (embedded server or S3_ENDPOINT); usable once the app has started. */
  objectStore: ObjectStorage;
  /** One use case, one transaction: state + audit + events. */
  transact<T>(ctx: AuditContext, fn: (w: Work) => Promise<T>): Promise<T>;
}

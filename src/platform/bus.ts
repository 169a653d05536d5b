import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../schema';
import type { Tx } from './db/connect';
import { dialectOf } from './db/columns';
import { newId } from './ids';
import { insertRow, insertRows } from './db/rows';

export interface DomainEvent {
  seq: number;
  id: string;
  type: string;
  entityType: string | null;
  entityId: string | null;
  data: Record<string, unknown>;
  at: number;
}

export interface NewEvent {
  type: string;
  entityType?: string;
  entityId?: string;
  data?: Record<string, unknown>;
}

const CHANNEL = 'yiwang_events';

/**
 * Writes the event to the outbox in the caller's transaction: it exists exactly when the state
 * change does. On PostgreSQL NOTIFY is transactional too, so other nodes wake only after commit.
 */
export async function emitEvent(trx: Tx, event: NewEvent, at: number): Promise<void> {
  await insertRow(trx, 'events', {
    id: newId(at),
    type: event.type,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    data: JSON.stringify(event.data ?? {}),
    at,
  } as any);
  if (dialectOf(trx as unknown as Kysely<any>) === 'postgres') {
    await sql`select pg_notify(${CHANNEL}, '')`.execute(trx);
  }
}

/** Several events in one insert (and one NOTIFY): a batch of use cases committing together. */
export async function emitEvents(trx: Tx, items: ReadonlyArray<{ event: NewEvent; at: number }>): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map(({ event, at }) => ({
    id: newId(at),
    type: event.type,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    data: JSON.stringify(event.data ?? {}),
    at,
  }));
  await insertRows(trx, 'events', rows as any);
  if (dialectOf(trx as unknown as Kysely<any>) === 'postgres') {
    await sql`select pg_notify(${CHANNEL}, '')`.execute(trx);
  }
}

export type EventListener = (event: DomainEvent) => void;

/**
 * Tails the outbox and hands every new event to this node's listeners (WebSocket push,
 * caches). Work that must happen once across nodes is a job, not a listener.
 */
export class EventTail {
  private listeners = new Set<EventListener>();
  private cursor = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private pgClient: pg.Client | null = null;
  private stopped = false;

  constructor(
    private db: Kysely<DB>,
    private opts: { pollMs?: number; databaseUrl?: string | null; pgSchema?: string } = {},
  ) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    const last = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirst();
    this.cursor = Number(last?.m ?? 0);
    this.timer = setInterval(() => this.poll(), this.opts.pollMs ?? 1000);
    this.timer.unref();
    if (this.opts.databaseUrl && dialectOf(this.db) === 'postgres') {
      await this.listenPg(this.opts.databaseUrl);
    }
  }

  private async listenPg(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {
      this.pgClient = null;
      if (!this.stopped) setTimeout(() => this.listenPg(url).catch(() => {}), 2000).unref();
    });
    await client.connect();
    client.on('notification', () => this.poll());
    await client.query(`LISTEN ${CHANNEL}`);
    this.pgClient = client;
  }

  /** Called after a local commit so this node's listeners see the event at once. */
  poke(): void {
    void this.poll();
  }

  async poll(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const rows = await this.db
          .selectFrom('events')
          .selectAll()
          .where('seq', '>', this.cursor)
          .orderBy('seq')
          .limit(500)
          .execute();
        for (const r of rows) {
          this.cursor = Number(r.seq);
          const event: DomainEvent = {
            seq: Number(r.seq),
            id: r.id,
            type: r.type,
            entityType: r.entity_type,
            entityId: r.entity_id,
            data: JSON.parse(r.data),
            at: Number(r.at),
          };
          for (const l of this.listeners) {
            try {
              l(event);
            } catch {
              // a listener's failure must not stop delivery to the others
            }
          }
        }
        if (rows.length === 500) this.again = true;
      } while (this.again && !this.stopped);
    } catch {
      // database briefly unavailable: the next poll retries from the same cursor
    } finally {
      this.running = false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pgClient) await this.pgClient.end().catch(() => {});
  }
}

import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../platform/db/connect';
import type { PlatformContext } from '../../../platform/context';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import { enqueueJob, jobRow, JOB_INSERT } from '../../../platform/jobs';
import { type Work, workIn } from '../../../platform/transact';
import type { Envelope } from '../dji/envelope';
import type { CloudApiGateway } from '../dji/gateway';
import { replyResult } from '../dji/services';
import {
  answerCommand,
  markSent,
  answeredAttempt,
  type CommandRow,
  findCommand,
  insertCommand,
  updateCommand,
} from './missions.repo';

export const COMMAND_JOB = { send: 'drones.command.send', check: 'drones.command.check' } as const;
/** DJI's own cloud waits 3 s for a services_reply and retries twice with a new tid. */
export const REPLY_WAIT_MS = 3000;
export const ATTEMPTS = 3;

export type CommandOutcome =
  | { kind: 'accepted'; output: unknown }
  | { kind: 'refused'; code: number }
  | { kind: 'timeout' };
/** Runs in the transaction that records the outcome, with a Work for its audit rows and events. */
export type OutcomeHandler = (w: Work, command: CommandRow, outcome: CommandOutcome) => Promise<void>;

/**
 * Commands to docks, exactly once across nodes and restarts: queued in the use case's transaction,
 * published by a job (its lease makes one node send it), checked by a second job after the wait —
 * a reply may reach any node, so the waiting happens in the database, not in a process. Without a
 * reply the command goes again with a new tid, like DJI's cloud; after the last attempt it has
 * timed out. Outcomes go to the handler of the business (`bid`) in the transaction that records them.
 */
export class DockCommands {
  private outcome: OutcomeHandler = async () => {};

  constructor(
    private p: PlatformContext,
    private gateway: () => CloudApiGateway | null,
  ) {
    p.jobs.register(COMMAND_JOB.send, (trx, job) => this.send(trx, String(job.payload.tid)));
    p.jobs.register(COMMAND_JOB.check, (trx, job) => this.check(trx, String(job.payload.tid)));
  }

  onOutcome(h: OutcomeHandler): void {
    this.outcome = h;
  }

  /** Queues a command in the caller's transaction; returns its tid. */
  queue(w: Work, gatewaySn: string, method: string, data: unknown, bid: string, requestedBy: string | null): string {
    const tid = randomUUID();
    w.append('drone_commands', {
      tid,
      bid,
      gateway_sn: gatewaySn,
      method,
      data: JSON.stringify(data),
      status: 'queued',
      attempt: 1,
      first_tid: tid,
      result_code: null,
      output: null,
      sent_at: w.now,
      replied_at: null,
      requested_by: requestedBy,
    });
    w.append(
      'jobs',
      jobRow(COMMAND_JOB.send, { runAt: w.now, payload: { tid }, dedupeKey: `drones.cmd.send:${tid}` }, w.now),
      JOB_INSERT,
    );
    return tid;
  }

  private async send(trx: Tx, tid: string): Promise<void> {
    const c = await findCommand(trx, tid);
    if (!c || c.status !== 'queued') return;
    const gateway = this.gateway();
    if (!gateway) throw new Error('MQTT is not running: the command waits for the broker');
    const now = this.p.clock.now();
    await gateway.sendService(c.gateway_sn, c.method, JSON.parse(c.data), { tid: c.tid, bid: c.bid });
    // only a command still queued becomes 'sent': a reply quicker than this transaction has already
    // answered it (seen on PostgreSQL), and no row lock is held while the broker is waited for
    await markSent(trx, tid, now);
    await enqueueJob(trx, COMMAND_JOB.check, { runAt: now + REPLY_WAIT_MS, payload: { tid } }, now);
  }

  private async check(trx: Tx, tid: string): Promise<void> {
    const c = await findCommand(trx, tid);
    if (!c || c.status !== 'sent') return;
    const now = this.p.clock.now();
    // an earlier attempt's reply may have arrived meanwhile
    if (await answeredAttempt(trx, c.first_tid)) {
      await updateCommand(trx, tid, { status: 'superseded' });
      return;
    }
    if (c.attempt < ATTEMPTS) {
      const next = randomUUID();
      await updateCommand(trx, tid, { status: 'superseded' });
      await insertCommand(trx, {
        ...c,
        tid: next,
        status: 'queued',
        attempt: c.attempt + 1,
        sent_at: now,
        replied_at: null,
      });
      await enqueueJob(trx, COMMAND_JOB.send, { runAt: now, payload: { tid: next } }, now);
      return;
    }
    await updateCommand(trx, tid, { status: 'timeout', replied_at: now });
    await workIn(trx, now, SYSTEM_CONTEXT, (w) => this.outcome(w, c, { kind: 'timeout' }));
  }

  /** A services_reply: the first answer of any attempt counts; later ones change nothing. */
  async reply(gatewaySn: string, msg: Envelope): Promise<void> {
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const trx = w.trx;
      const c = await findCommand(trx, msg.tid);
      if (!c || c.gateway_sn !== gatewaySn) return;
      if (await answeredAttempt(trx, c.first_tid)) return;
      const result = replyResult(msg.data);
      const now = w.now;
      const output = msg.data.output ?? msg.data.info ?? null;
      const r = await answerCommand(trx, c.tid, {
        status: result === 0 ? 'accepted' : 'refused',
        result_code: result,
        output: output === null ? null : JSON.stringify(output),
        replied_at: now,
      });
      if (Number(r.numUpdatedRows) === 0 && c.status !== 'superseded') return;
      if (c.status === 'superseded')
        await updateCommand(trx, c.tid, {
          status: result === 0 ? 'accepted' : 'refused',
          result_code: result,
          replied_at: now,
        });
      await this.outcome(w, c, result === 0 ? { kind: 'accepted', output } : { kind: 'refused', code: result ?? -1 });
    });
  }
}

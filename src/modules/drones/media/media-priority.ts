import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import type { Tx } from '../../../platform/db/connect';
import { notFound } from '../../../platform/errors';
import { enqueueJob } from '../../../platform/jobs';
import { workIn } from '../../../platform/transact';
import type { DockCommands } from '../missions/commands.service';
import { FLIGHT_ENTITY } from '../missions/flights.service';
import { isFinished, type FlightState } from '../missions/flight-state';
import { PRIORITIZE, flightForMedia, prioritizeOf, uploadedOfFlight } from './priority.repo';

export const PRIORITY_JOB = 'drones.media.prioritize';

/**
 * Priority upload of an emergency flight's media: when it ends, the dock is told to upload that
 * flight's pictures before any other's (`upload_flighttask_media_prioritize { flight_id }`). Every
 * node sees the flight's end on the event stream and enqueues one job under the flight's dedupe key,
 * so the command is queued once across nodes; the job checks again that none was sent.
 */
export class MediaPriority {
  constructor(
    private p: PlatformContext,
    private commands: DockCommands,
  ) {
    p.jobs.register(PRIORITY_JOB, (trx, job) => this.run(trx, String(job.payload.flightId)));
    p.events.subscribe((e) => {
      if (e.type !== 'drones.flight.changed' || !e.entityId) return;
      if (!isFinished(e.data.state as FlightState)) return;
      const now = p.clock.now();
      void enqueueJob(
        p.db,
        PRIORITY_JOB,
        { runAt: now, payload: { flightId: e.entityId }, dedupeKey: `drones.media.prioritize:${e.entityId}` },
        now,
      ).catch((err) => p.logger.warn({ err, flightId: e.entityId }, 'could not queue the media priority job'));
    });
  }

  private async run(trx: Tx, flightId: string): Promise<void> {
    const f = await flightForMedia(trx, flightId);
    // only an emergency flight that took off has media to ask for first
    if (f?.kind !== 'emergency' || f.executed_at === null) return;
    if (await prioritizeOf(trx, flightId)) return;
    await workIn(trx, this.p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      this.commands.queue(w, f.dock_sn, PRIORITIZE, { flight_id: f.id }, f.id, null);
      w.audit({ action: 'drones.media.prioritized', entityType: FLIGHT_ENTITY, entityId: f.id });
      w.emit({
        type: 'drones.media.prioritized',
        entityType: FLIGHT_ENTITY,
        entityId: f.id,
        data: { id: f.id, dockSn: f.dock_sn },
      });
    });
  }

  /** Uploaded against expected for one flight, and the priority upload's state. */
  async progress(flightId: string) {
    const f = await flightForMedia(this.p.db, flightId);
    if (!f) throw notFound('flight');
    const [uploaded, cmd] = await Promise.all([
      uploadedOfFlight(this.p.db, flightId),
      prioritizeOf(this.p.db, flightId),
    ]);
    return {
      flightId,
      kind: f.kind,
      uploaded,
      expected: f.media_count,
      prioritize: cmd
        ? { status: cmd.status, resultCode: cmd.result_code, sentAt: cmd.sent_at, repliedAt: cmd.replied_at }
        : null,
      note:
        f.kind === 'emergency'
          ? null
          : '非应急航班，媒体按机场默认顺序上传 / not an emergency flight: media upload in the dock’s own order',
    };
  }
}

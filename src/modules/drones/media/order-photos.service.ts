import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { saveFile } from '../../../platform/files';
import type { Work } from '../../../platform/transact';
import type { Envelope } from '../dji/envelope';
import { parseFileUpload } from '../dji/media';
import { findFlight } from '../missions/missions.repo';
import { MEDIA_ENTITY } from './media.service';
import { markAttached, mediaByKey, photoAttached } from './order-photos.repo';

/** How the pictures reach a work order (wired by the app through the orders module: a timeline step with them). */
export interface OrderPhotosPort {
  attachPhotos(w: Work, orderId: string, input: { fileIds: string[]; flightId: string; note: string }): Promise<void>;
}

const DRONE_CONTEXT: AuditContext = { actorId: null, actorName: '无人机 / drone', ip: null };

/**
 * The pictures of a flight sent to a work order (emergency, 核查) are attached to that order as
 * they arrive: after `file_upload_callback` recorded one, its bytes become an order file and the
 * order's timeline gets a step showing it — once per picture, however often the dock repeats the
 * callback or whichever node receives it (the drone_order_photos key, in the step's transaction).
 */
export class OrderPhotos {
  constructor(
    private p: PlatformContext,
    private orders: OrderPhotosPort | null,
  ) {}

  /** After the media callback; never throws (a picture not attached must not fail the dock's callback). */
  async afterUpload(gatewaySn: string, msg: Envelope): Promise<boolean> {
    try {
      return await this.attach(gatewaySn, msg);
    } catch (err) {
      this.p.logger.warn({ err: (err as Error).message, sn: gatewaySn }, 'drone picture not attached to its order');
      return false;
    }
  }

  private async attach(gatewaySn: string, msg: Envelope): Promise<boolean> {
    if (!this.orders || msg.method !== 'file_upload_callback') return false;
    const m = parseFileUpload(msg.data);
    if (!m?.flightId) return false;
    const flight = await findFlight(this.p.db, m.flightId);
    if (!flight?.order_id || flight.dock_sn !== gatewaySn) return false;
    const media = await mediaByKey(this.p.db, m.objectKey);
    if (!media || (await photoAttached(this.p.db, media.id))) return false;
    const data = await this.p.objectStore.get(media.object_key);
    // a video or another type the order files do not take stays in the drone gallery only
    const fileId = data ? await saveFile(this.p, DRONE_CONTEXT, data, media.name) : null;
    if (!fileId) return false;
    const orderId = flight.order_id;
    return this.p.transact(DRONE_CONTEXT, async (w) => {
      const fresh = await markAttached(w.trx, {
        media_id: media.id,
        order_id: orderId,
        flight_id: flight.id,
        file_id: fileId,
        created_at: w.now,
      });
      if (!fresh) return false;
      await this.orders!.attachPhotos(w, orderId, {
        fileIds: [fileId],
        flightId: flight.id,
        note: `${flight.kind === 'verify' ? '无人机核查照片' : '无人机照片'}：${flight.name} / drone picture of ${flight.name}`,
      });
      w.audit({
        action: 'drones.media.attached_to_order',
        entityType: MEDIA_ENTITY,
        entityId: media.id,
        after: { orderId, fileId, flightId: flight.id },
      });
      return true;
    });
  }
}

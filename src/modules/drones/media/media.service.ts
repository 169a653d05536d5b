import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { parseFileUpload } from '../dji/media';
import type { Envelope } from '../dji/envelope';
import { UnusableMessage } from '../dji/gateway';
import { countMediaOfFlight, insertMedia, listMedia, type MediaRow } from './media.repo';

export const MEDIA_ENTITY = 'drone_media';
/** Browsers get a presigned link to each picture, valid this long. */
const VIEW_URL_TTL_S = 3600;

/**
 * Media from `file_upload_callback`: the dock has put a picture into the object store; the record
 * (flight, place, time) is kept once per object key, however often the dock repeats the callback.
 */
export class DroneMedia {
  constructor(private p: PlatformContext) {}

  async callback(gatewaySn: string, msg: Envelope, at: number): Promise<number> {
    const m = parseFileUpload(msg.data);
    if (!m) throw new UnusableMessage('bad_media_callback');
    // a dock may only report objects under the prefix it was given
    if (!m.objectKey.startsWith(`media/${gatewaySn}/`) && !m.objectKey.startsWith(`${gatewaySn}/`))
      throw new UnusableMessage('foreign_object_key');
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const id = newId(w.now);
      const fresh = await insertMedia(w.trx, {
        id,
        object_key: m.objectKey,
        name: m.name,
        dock_sn: gatewaySn,
        flight_id: m.flightId,
        lng: m.point?.lng ?? null,
        lat: m.point?.lat ?? null,
        absolute_altitude: m.absoluteAltitude,
        relative_altitude: m.relativeAltitude,
        gimbal_yaw: m.gimbalYaw,
        drone_model_key: m.droneModelKey,
        payload_model_key: m.payloadModelKey,
        taken_at: m.createdAt ?? at,
        created_at: w.now,
      });
      if (!fresh) return;
      const count = m.flightId ? Number((await countMediaOfFlight(w.trx, m.flightId)).n) : null;
      w.emit({
        type: 'drones.media.uploaded',
        entityType: MEDIA_ENTITY,
        entityId: id,
        data: { id, flightId: m.flightId, dockSn: gatewaySn, uploaded: count, expected: m.expectedCount },
      });
    });
    return 0;
  }

  list(f: { id?: string; flightId?: string; dockSn?: string; from?: number; to?: number }): Promise<MediaRow[]> {
    return listMedia(this.p.db, { ...f, limit: 500 });
  }

  url(row: MediaRow): Promise<string> {
    return this.p.objectStore.presignGet(row.object_key, VIEW_URL_TTL_S);
  }
}

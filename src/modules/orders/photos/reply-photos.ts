/**
 * 处置后照片: the photos a unit sends with its reply (提交办结). The check is a pure function over
 * the stored files' facts; `checkReplyPhotos` reads those facts and `linkReplyPhotos` stores the
 * links, both inside the action's transaction (a refused reply links nothing).
 */
import { badRequest } from '../../../platform/errors';
import type { Work } from '../../../platform/transact';
import type { ActionType } from '../model';
import { attachedFileIds, fileFacts, insertOrderFiles, type StoredFileFacts } from './photos.repo';

export const MAX_REPLY_PHOTOS = 9;
/** The stage of a reply's photos in order_files. */
export const AFTER_STAGE = 'after';
/** The actions that take photos: the unit's reply. */
export const PHOTO_ACTIONS: ReadonlySet<ActionType> = new Set(['submit_reply']);

export type PhotoRefusal = { code: string; message: string; ids: string[] };

/**
 * Why these ids may not be a reply's photos, or null: at most nine, no repeats, each a stored
 * image uploaded by this user and not attached anywhere yet.
 */
export function refusePhotos(
  ids: readonly string[],
  files: readonly StoredFileFacts[],
  uploaderId: string | null,
  attached: readonly string[],
): PhotoRefusal | null {
  if (ids.length > MAX_REPLY_PHOTOS)
    return {
      code: 'too_many_photos',
      message: `最多 ${MAX_REPLY_PHOTOS} 张照片 / at most ${MAX_REPLY_PHOTOS} photos`,
      ids: [],
    };
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length)
    return {
      code: 'duplicate_photo',
      message: `照片重复 / the same photo twice: ${repeated.join(', ')}`,
      ids: repeated,
    };
  const byId = new Map(files.map((f) => [f.id, f]));
  // someone else's upload counts as missing: its existence is none of this caller's business
  const missing = ids.filter((id) => byId.get(id) === undefined || byId.get(id)!.created_by !== uploaderId);
  if (missing.length)
    return {
      code: 'unknown_attachment',
      message: `请先上传照片（POST /api/files）/ upload the photos first; unknown: ${missing.join(', ')}`,
      ids: missing,
    };
  const notImages = ids.filter((id) => !byId.get(id)!.content_type.startsWith('image/'));
  if (notImages.length)
    return {
      code: 'not_an_image',
      message: `处置后照片只能是图片 / photos must be images: ${notImages.join(', ')}`,
      ids: notImages,
    };
  const used = ids.filter((id) => attached.includes(id));
  if (used.length)
    return {
      code: 'attachment_in_use',
      message: `照片已附在其他工单或步骤上 / already attached elsewhere: ${used.join(', ')}`,
      ids: used,
    };
  return null;
}

/** Reads the files' facts and refuses with 400 unless the ids may be this user's reply photos. */
export async function checkReplyPhotos(w: Work, ids: readonly string[], uploaderId: string | null): Promise<void> {
  const files = await fileFacts(w.trx, ids);
  const since = Math.min(...files.map((f) => f.created_at), w.now) - 60_000; // nodes' clocks may differ a little
  const attached = await attachedFileIds(
    w.trx,
    files.map((f) => f.id),
    since,
  );
  const bad = refusePhotos(ids, files, uploaderId, attached);
  if (bad) throw badRequest(bad.code, bad.message, { ids: bad.ids });
}

export async function linkReplyPhotos(w: Work, orderId: string, ids: readonly string[]): Promise<void> {
  await insertOrderFiles(
    w.trx,
    ids.map((id) => ({
      file_id: id,
      order_id: orderId,
      stage: AFTER_STAGE,
      created_at: w.now,
      created_by: w.ctx.actorId,
    })),
  );
}

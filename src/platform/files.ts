import { FileParams, UploadedFile } from './api.contract';
import { Binary } from './contract';
import multipart from '@fastify/multipart';
import type { Http } from './http';
import type { PlatformContext } from './context';
import type { AuditContext } from './audit';
import { auditContext } from './request-context';
import { badRequest, forbidden, notFound } from './errors';
import { newId } from './ids';
import { can, type Principal } from './auth/principal';
import { requirePrincipal } from './auth/hooks';
import { sha256Hex } from './storage';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Photos and documents people attach to requests; anything else is refused. */
const ALLOWED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf', 'video/mp4']);

/** Sniffs the real type from the first bytes: the client's claimed content type is not trusted. */
export function sniffType(buf: Buffer): string | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    buf.length >= 12 &&
    buf.subarray(0, 4).toString('latin1') === 'RIFF' &&
    buf.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (buf.length >= 6 && buf.subarray(0, 6).toString('latin1').startsWith('GIF8')) return 'image/gif';
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 12 && buf.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  return null;
}

/**
 * Who may upload, and who sees every file (others see only what they uploaded): the permissions
 * of the module whose records carry attachments (orders: whoever may register an order uploads;
 * staff who read orders see every attachment).
 */
export interface FilePolicy {
  upload: string;
  readAll: string;
}

/** Uploads (multipart, one file per request) and downloads of stored files. */
export async function fileRoutes(app: Http, p: PlatformContext, policies: readonly FilePolicy[]) {
  // one module's upload permission goes on the route (and its route × role record); with several,
  // the route admits any signed-in user and the handler asks for any one of them
  const uploads = [...new Set(policies.map((x) => x.upload))];
  const permission = uploads.length === 1 ? uploads[0] : 'authenticated';
  const mayUpload = (pr: Principal) => uploads.some((u) => can(pr, u));
  const readsAll = (pr: Principal) => policies.some((x) => can(pr, x.readAll));
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

  app.post(
    '/api/files',
    {
      config: { permission },
      schema: {
        tags: ['platform'],
        summary: '上传附件（照片、PDF）/ upload one file (multipart/form-data, field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedFile },
      },
      // the multipart body is validated here, not by a JSON schema
      validatorCompiler: () => () => true,
    },
    async (req, reply) => {
      if (!mayUpload(requirePrincipal(req)))
        throw forbidden(`需要权限 ${uploads.join(' | ')} / requires permission ${uploads.join(' or ')}`, {
          permission: uploads,
        });
      if (!req.isMultipart()) throw badRequest('not_multipart', 'send multipart/form-data with one field named "file"');
      const part = await req.file().catch(() => undefined);
      if (!part) throw badRequest('no_file', 'no file in the request');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch {
        throw badRequest('body_too_large', `a file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
      }
      if (data.length === 0) throw badRequest('empty_file', 'the file is empty');
      const type = sniffType(data);
      if (!type || !ALLOWED_TYPES.has(type))
        throw badRequest('unsupported_file', 'only JPEG, PNG, WebP, GIF, PDF and MP4 files are accepted');
      const id = newId(p.clock.now());
      const key = `${id.slice(0, 6)}/${id}`;
      await p.storage.put(key, data);
      const name = (part.filename || 'file').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120);
      await p.transact(auditContext(req), async (w) => {
        await w.trx
          .insertInto('files')
          .values({
            id,
            name,
            content_type: type,
            size: data.length,
            sha256: sha256Hex(data),
            storage_key: key,
            created_at: w.now,
            created_by: w.ctx.actorId,
          })
          .execute();
        w.audit({ action: 'file.upload', entityType: 'file', entityId: id, after: { name, type, size: data.length } });
      });
      return reply.status(201).send({ id, name, contentType: type, size: data.length, url: `/api/files/${id}` });
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: '下载附件 / download a file',
        params: FileParams,
        response: { 200: Binary('application/octet-stream', 'the file, with its stored content type') },
      },
    },
    async (req, reply) => {
      const row = await p.db.selectFrom('files').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      // staff who read the records see their attachments; anyone else (a citizen) only what they uploaded
      const pr = requirePrincipal(req);
      if (!row || (!readsAll(pr) && row.created_by !== pr.id)) throw notFound('file');
      const data = await p.storage.get(row.storage_key);
      if (!data) throw notFound('file content');
      return reply
        .type(row.content_type)
        .header('cache-control', 'private, max-age=86400')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(data);
    },
  );
}

/**
 * Stores bytes a module has (a drone picture from the object store, say) as a platform file, as
 * an upload would: type-sniffed, kept in storage, its row and audit entry in one transaction.
 * Returns the file id, or null when the type is not one uploads accept.
 */
export async function saveFile(
  p: PlatformContext,
  ctx: AuditContext,
  data: Buffer,
  name: string,
): Promise<string | null> {
  const type = sniffType(data);
  if (!type || !ALLOWED_TYPES.has(type) || data.length === 0 || data.length > MAX_FILE_BYTES) return null;
  const id = newId(p.clock.now());
  const key = `${id.slice(0, 6)}/${id}`;
  await p.storage.put(key, data);
  const clean = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || 'file';
  await p.transact(ctx, async (w) => {
    await w.trx
      .insertInto('files')
      .values({
        id,
        name: clean,
        content_type: type,
        size: data.length,
        sha256: sha256Hex(data),
        storage_key: key,
        created_at: w.now,
        created_by: w.ctx.actorId,
      })
      .execute();
    w.audit({
      action: 'file.upload',
      entityType: 'file',
      entityId: id,
      after: { name: clean, type, size: data.length },
    });
  });
  return id;
}

/**
 * The ids that do not name a stored file (attachments must be uploaded first); with `uploadedBy`,
 * files someone else uploaded count as missing too (a citizen attaches only their own).
 */
export async function missingFiles(p: PlatformContext, ids: readonly string[], uploadedBy?: string): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = p.db
    .selectFrom('files')
    .select('id')
    .where('id', 'in', [...ids]);
  if (uploadedBy !== undefined) q = q.where('created_by', '=', uploadedBy);
  const rows = await q.execute();
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

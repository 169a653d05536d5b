import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { saveFile } from '../../../platform/files';
import { newId } from '../../../platform/ids';
import { findMedia } from '../media/media.repo';
import type { OrderPhotosPort } from '../media/order-photos.service';
import { ALGORITHMS, type Algorithm, isAutomatic, orderText, repeats, SAME_THING } from './algorithms';
import {
  type FindingRow,
  findByExternal,
  findFinding,
  insertFinding,
  listFindings,
  lockFinding,
  openNear,
  updateFinding,
} from './findings.repo';

export const FINDING_ENTITY = 'drone_finding';

/** How the drones module reaches the work-order intake (wired by the app: orders' api). */
export interface OrdersPort {
  create(
    ctx: AuditContext,
    input: {
      channel: 'drone';
      title: string;
      description: string;
      categoryCode?: string;
      urgency: 'normal' | 'urgent' | 'emergency';
      address?: string;
      location: { lng: number; lat: number };
      attachments: string[];
      sourceRef: string;
    },
    idempotencyKey: string,
  ): Promise<{ id: string; number: string }>;
  /** Pictures of a flight sent to the order, attached in the caller's transaction (media/order-photos.service.ts). */
  attachPhotos?: OrderPhotosPort['attachPhotos'];
}

export interface SubmitFinding {
  algorithm: Algorithm;
  confidence: number;
  lng: number;
  lat: number;
  address?: string;
  box?: [number, number, number, number];
  mediaId?: string;
  flightId?: string;
  externalId?: string;
}

/**
 * AI findings: posted by recognition services (API key), merged when they repeat an open finding
 * of the same thing, reviewed by a pilot or dispatcher — or confirmed at once above the
 * algorithm's threshold — and confirmed ones become work orders through the intake, with the
 * picture and the place, routed like any other request.
 */
export class Findings {
  constructor(
    private p: PlatformContext,
    private orders: OrdersPort | null,
  ) {}

  list(status?: string): Promise<FindingRow[]> {
    return listFindings(this.p.db, { status, limit: 500 });
  }

  async get(id: string): Promise<FindingRow> {
    const f = await findFinding(this.p.db, id);
    if (!f) throw notFound('finding');
    return f;
  }

  async submit(
    ctx: AuditContext,
    source: string,
    input: SubmitFinding,
  ): Promise<{ finding: FindingRow; merged: boolean; replayed: boolean }> {
    if (!(input.algorithm in ALGORITHMS)) throw badRequest('unknown_algorithm', `unknown algorithm ${input.algorithm}`);
    if (input.externalId) {
      const again = await findByExternal(this.p.db, source, input.externalId);
      if (again) return { finding: again, merged: again.status === 'merged', replayed: true };
    }
    const media = input.mediaId ? await findMedia(this.p.db, input.mediaId) : null;
    if (input.mediaId && !media) throw badRequest('unknown_media', `no drone picture ${input.mediaId}`);
    const now = this.p.clock.now();
    const near = await openNear(this.p.db, input.algorithm, input.lng, input.lat, now - SAME_THING.days * 86_400_000);
    const same = repeats(
      near.map((n) => ({ id: n.id, algorithm: n.algorithm, lng: n.lng, lat: n.lat, createdAt: n.created_at })),
      { algorithm: input.algorithm, lng: input.lng, lat: input.lat, at: now },
    );
    const id = newId(now);
    const finding = await this.p.transact(ctx, async (w) => {
      await insertFinding(w.trx, {
        id,
        algorithm: input.algorithm,
        confidence: input.confidence,
        status: same ? 'merged' : 'pending',
        lng: input.lng,
        lat: input.lat,
        address: input.address ?? null,
        box: input.box ? JSON.stringify(input.box) : null,
        media_id: media?.id ?? null,
        flight_id: input.flightId ?? media?.flight_id ?? null,
        dock_sn: media?.dock_sn ?? null,
        external_id: input.externalId ?? null,
        source,
        merged_into: same?.id ?? null,
        repeats: 0,
        order_id: null,
        order_number: null,
        reviewed_by: null,
        reviewed_at: null,
        note: null,
        created_at: w.now,
        updated_at: w.now,
      });
      if (same) {
        const target = await lockFinding(w.trx, same.id, this.p.dialect);
        if (target) await updateFinding(w.trx, same.id, { repeats: target.repeats + 1, updated_at: w.now });
      }
      w.audit({
        action: same ? 'drones.finding.merged' : 'drones.finding.submitted',
        entityType: FINDING_ENTITY,
        entityId: id,
        after: { algorithm: input.algorithm, confidence: input.confidence, mergedInto: same?.id ?? null },
      });
      w.emit({
        type: 'drones.finding.changed',
        entityType: FINDING_ENTITY,
        entityId: same?.id ?? id,
        data: { id: same?.id ?? id, status: same ? 'repeated' : 'pending' },
      });
      return (await findFinding(w.trx, id))!;
    });
    if (!same && isAutomatic(input.algorithm, input.confidence) && this.orders) {
      const confirmed = await this.confirm(
        { actorId: null, actorName: `auto (${source})`, ip: null },
        id,
        '置信度超过自动立案阈值 / above the automatic threshold',
      );
      return { finding: confirmed, merged: false, replayed: false };
    }
    return { finding, merged: !!same, replayed: false };
  }

  async review(ctx: AuditContext, id: string, decision: 'confirm' | 'dismiss', note?: string): Promise<FindingRow> {
    if (decision === 'confirm') return this.confirm(ctx, id, note ?? null);
    return this.p.transact(ctx, async (w) => {
      const f = await lockFinding(w.trx, id, this.p.dialect);
      if (!f) throw notFound('finding');
      if (f.status !== 'pending')
        throw conflict('finding_reviewed', `该发现已处理（${f.status}）/ the finding is already ${f.status}`);
      await updateFinding(w.trx, id, {
        status: 'dismissed',
        reviewed_by: ctx.actorName,
        reviewed_at: w.now,
        note: note ?? null,
        updated_at: w.now,
      });
      w.audit({
        action: 'drones.finding.dismissed',
        entityType: FINDING_ENTITY,
        entityId: id,
        after: { note: note ?? null },
      });
      w.emit({
        type: 'drones.finding.changed',
        entityType: FINDING_ENTITY,
        entityId: id,
        data: { id, status: 'dismissed' },
      });
      return (await findFinding(w.trx, id))!;
    });
  }

  /** Into a work order: the intake (idempotent per finding, so a retry after a failure finds the same order), then the link. */
  private async confirm(ctx: AuditContext, id: string, note: string | null): Promise<FindingRow> {
    if (!this.orders) throw conflict('orders_unavailable', '工单模块未启用 / the work-order module is not mounted');
    const f = await this.get(id);
    if (f.status !== 'pending')
      throw conflict('finding_reviewed', `该发现已处理（${f.status}）/ the finding is already ${f.status}`);
    const algorithm = f.algorithm as Algorithm;
    const attachments: string[] = [];
    if (f.media_id) {
      const media = await findMedia(this.p.db, f.media_id);
      const data = media ? await this.p.objectStore.get(media.object_key) : null;
      const fileId = data && media ? await saveFile(this.p, ctx, data, media.name) : null;
      if (fileId) attachments.push(fileId);
    }
    const a = ALGORITHMS[algorithm];
    const text = orderText(algorithm, f.confidence, f.address);
    const order = await this.orders.create(
      ctx,
      {
        channel: 'drone',
        ...text,
        ...(a.category ? { categoryCode: a.category } : {}),
        urgency: a.urgency,
        ...(f.address ? { address: f.address } : {}),
        location: { lng: f.lng, lat: f.lat },
        attachments,
        sourceRef: `drone-finding:${f.id}`,
      },
      `drone-finding:${f.id}`,
    );
    return this.p.transact(ctx, async (w) => {
      const now = await lockFinding(w.trx, id, this.p.dialect);
      if (!now) throw notFound('finding');
      await updateFinding(w.trx, id, {
        status: 'confirmed',
        order_id: order.id,
        order_number: order.number,
        reviewed_by: ctx.actorName,
        reviewed_at: w.now,
        note,
        updated_at: w.now,
      });
      w.audit({
        action: 'drones.finding.confirmed',
        entityType: FINDING_ENTITY,
        entityId: id,
        after: { orderId: order.id, orderNumber: order.number },
      });
      w.emit({
        type: 'drones.finding.changed',
        entityType: FINDING_ENTITY,
        entityId: id,
        data: { id, status: 'confirmed', orderNumber: order.number },
      });
      return (await findFinding(w.trx, id))!;
    });
  }
}

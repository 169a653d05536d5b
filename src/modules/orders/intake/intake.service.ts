import type { IntakeResult } from '../contract';
import type { Principal } from '../../../platform/auth/principal';
import type { AuditContext } from '../../../platform/audit';
import { badRequest } from '../../../platform/errors';
import { idempotent } from '../../../platform/idempotency';
import { newId } from '../../../platform/ids';
import type { CoordSystem } from '../../../platform/geo';
import { GroupCommit } from '../../../platform/group-commit';
import type { OrdersDeps } from '../deps';
import { timelineRow, type OrderActions } from '../actions/actions.service';
import { nextOrderNumber } from './numbers';
import { decideRoute, reasonZh } from '../routing/routing';
import { findDuplicates } from './duplicates';
import { FRESH_LIFECYCLE, type OrderRow } from '../row';
import { orderView, type OrderLookups } from '../queries/order.view';
import { missingFiles } from '../../../platform/files';
import { insertRow } from '../../../platform/db/rows';

import { CHANNELS, isValidPhone, normalisePhone, type Channel } from '../contract';

export { CHANNELS, type Channel };
const CITIZEN_CHANNELS: readonly Channel[] = ['web', 'wechat'];

export interface NewOrderInput {
  channel: Channel;
  title?: string;
  description: string;
  categoryCode?: string;
  urgency?: 'normal' | 'urgent' | 'emergency';
  address?: string;
  location?: { lng: number; lat: number; crs?: CoordSystem };
  reporter?: { name?: string; phone?: string };
  attachments?: string[];
  sourceRef?: string;
  needsVisit?: boolean;
}

export type { IntakeResult };

/** Intake: a request from any channel becomes a work order — located, classified, routed, checked for duplicates. */
export class OrderIntake {
  /** Intakes arriving while a commit is in flight share the next one (platform/group-commit.ts). */
  private commits: GroupCommit;

  constructor(
    private d: OrdersDeps,
    private actions: OrderActions,
    private lookups: OrderLookups,
  ) {
    this.commits = new GroupCommit({ db: d.p.db, clock: d.p.clock, afterCommit: () => d.p.events.poke() });
  }

  async create(principal: Principal | null, ctx: AuditContext, input: NewOrderInput, idempotencyKey?: string) {
    const scope = `orders.create:${principal?.id ?? 'public'}`;
    return idempotent<IntakeResult>(this.d.p.db, scope, idempotencyKey, input, async (remember) => {
      const prepared = await this.prepare(principal, input);
      const result = await this.commits.run(ctx, async (w) => {
        const number = await nextOrderNumber(w.trx, w.now);
        const row: OrderRow = { ...prepared.row, id: newId(w.now), number, created_at: w.now, updated_at: w.now };
        await insertRow(w.trx, 'orders', row);
        w.append(
          'order_events',
          timelineRow(
            w,
            row.id,
            'order.created',
            null,
            row.state,
            null,
            {
              channel: row.channel,
              suggestions: prepared.suggestions.slice(0, 3),
              route: prepared.route,
              duplicates: prepared.duplicates.map((x) => x.id),
            },
            null,
          ),
        );
        w.audit({
          action: 'order.create',
          entityType: 'order',
          entityId: row.id,
          after: { number, channel: row.channel, category: row.category_code, state: row.state },
        });
        w.emit({
          type: 'order.created',
          entityType: 'order',
          entityId: row.id,
          data: { number, channel: row.channel },
        });
        for (const hook of this.d.hooks)
          await hook(w, {
            before: null,
            after: row,
            event: { type: 'order.created', data: { orderId: row.id } },
            actor: principal,
          });
        let final = row;
        if (prepared.route?.autoDispatch) {
          final = await this.actions.performAsSystem(
            w,
            row,
            { type: 'dispatch', unitId: prepared.route.unitId },
            { note: `自动分拨：${reasonZh(prepared.route.reason)}` },
          );
        }
        const body: IntakeResult = {
          order: orderView(final, w.now, this.lookups),
          suggestions: prepared.suggestions.map((s) => ({ ...s, path: this.d.categories.pathName(s.categoryCode) })),
          route: prepared.route,
          duplicates: prepared.duplicates,
        };
        await remember(w.trx, 201, body, w.now);
        return { status: 201, body };
      });
      return result;
    });
  }

  /** Everything that needs no lock: location, classification, routing, duplicate search. */
  private async prepare(principal: Principal | null, input: NewOrderInput) {
    const p = this.d.p;
    const now = p.clock.now();
    const description = input.description.trim();
    if (!description) throw badRequest('invalid_request', 'description must not be empty');
    const phone = input.reporter?.phone?.trim();
    if (phone && !isValidPhone(phone))
      throw badRequest(
        'invalid_phone',
        `电话号码“${phone}”无效：请填写11位手机号、带区号的固话或5位服务号码 / the phone number "${phone}" is not a mobile (11 digits), a landline or a 5-digit service number`,
        { field: 'reporter.phone' },
      );
    const citizen = principal?.roles.includes('citizen') ? principal : null;
    // a citizen writes in through the web/H5 page or WeChat; the other channels are the centre's and machines'
    if (citizen && !CITIZEN_CHANNELS.includes(input.channel)) {
      throw badRequest(
        'invalid_channel',
        `a citizen reports through ${CITIZEN_CHANNELS.join(' or ')}, not ${input.channel}`,
      );
    }
    const title = (input.title?.trim() || description.slice(0, 30)).slice(0, 100);
    if (input.categoryCode && !this.d.categories.isActiveLeaf(input.categoryCode)) {
      throw badRequest('invalid_category', `category ${input.categoryCode} is not an active leaf category`);
    }
    const missing = await missingFiles(p, input.attachments ?? [], citizen ? citizen.id : undefined);
    if (missing.length)
      throw badRequest(
        'unknown_attachment',
        `upload attachments first (POST /api/files); unknown: ${missing.join(', ')}`,
      );
    let located = null;
    if (input.location) {
      located = await this.d.geo.locate(input.location.lng, input.location.lat, input.location.crs ?? 'WGS84');
    }
    const suggestions = this.d.classifier.suggest(`${title} ${description}`, 3);
    const top = suggestions[0] ?? null;
    const categoryCode = input.categoryCode ?? top?.categoryCode ?? null;
    const category = this.d.categories.get(categoryCode);
    // staff (and systems by API key) who pick a category are sure of it; a citizen's pick is a hint,
    // as sure as the classifier is of it, so it never auto-dispatches on its own
    const confirmed = !!input.categoryCode && !citizen;
    const confidence = confirmed
      ? 1
      : input.categoryCode
        ? (suggestions.find((s) => s.categoryCode === input.categoryCode)?.confidence ?? 0)
        : (top?.confidence ?? null);
    const route = decideRoute({
      categoryCode,
      departmentType: category?.department_type ?? null,
      communityCode: located?.community?.code ?? null,
      confidence,
      categoryConfirmed: confirmed,
      rules: await this.d.rules(),
      units: this.d.units.all(),
    });
    const point = located ? located.point : null;
    const duplicates = await findDuplicates(p.db, {
      point,
      communityCode: located?.community?.code ?? null,
      text: `${title} ${description}`,
      now,
      address: input.address,
      categoryCode,
    });
    const row: Omit<OrderRow, 'id' | 'number' | 'created_at' | 'updated_at'> = {
      channel: input.channel,
      category_code: categoryCode,
      suggested_category: top?.categoryCode ?? null,
      suggestion_confidence: top?.confidence ?? null,
      request_type: category?.request_type ?? null,
      title,
      description,
      address: input.address?.trim() || null,
      lng: point ? point[0] : null,
      lat: point ? point[1] : null,
      community_code: located?.community?.code ?? null,
      grid_code: located?.grid?.code ?? null,
      reporter_name: input.reporter?.name?.trim() || null,
      reporter_phone: input.reporter?.phone?.trim() ? normalisePhone(input.reporter.phone) : null,
      reporter_user_id: citizen?.id ?? null,
      urgency: input.urgency ?? 'normal',
      state: 'pending_dispatch',
      unit_id: null,
      main_order_id: null,
      needs_visit: input.needsVisit === false ? 0 : 1,
      attachments: JSON.stringify(input.attachments ?? []),
      source_ref: input.sourceRef ?? null,
      ...FRESH_LIFECYCLE,
      version: 1,
      demo: 0,
    };
    return { row: row as OrderRow, suggestions, route, duplicates };
  }
}

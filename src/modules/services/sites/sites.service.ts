/** Sites and windows: load → rules → save, each change one transaction with its audit row and event. */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import { localDateKey } from '../../../platform/calendar';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { SERVICES_EVENTS, SITE_ENTITY, WINDOW_ENTITY } from '../events';
import { type OrgLookup, requireOrgs } from '../org-check';
import { hoursProblems, type OpeningHours, periodsOn, weekdayOf } from './hours';
import type { SiteBody, SiteDays, SitePatch, WindowBody, WindowPatch } from './sites.contract';
import {
  findSite,
  findSiteByCode,
  findWindow,
  findWindowByNumber,
  insertSites,
  insertWindows,
  itemCounts,
  listSites,
  updateSite,
  updateWindow,
  windowsOf,
} from './sites.repo';
import { siteView, windowView } from './sites.view';

const DAY = 86_400_000;

function checkHours(h: OpeningHours) {
  const problems = hoursProblems(h);
  if (problems.length)
    throw badRequest('invalid_hours', `营业时间有误 / invalid opening hours: ${problems.join('; ')}`, { problems });
}

function checkHalls(halls: SiteBody['halls']) {
  const codes = halls.map((h) => h.code);
  if (new Set(codes).size !== codes.length) throw badRequest('duplicate_hall', '大厅编码重复 / duplicate hall codes');
}

export class SitesService {
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
  ) {}

  async list(kind?: string) {
    const sites = await listSites(this.p.db, kind);
    const windows = await windowsOf(
      this.p.db,
      sites.map((s) => s.id),
    );
    const counts = await itemCounts(this.p.db);
    return sites.map((s) =>
      siteView(
        s,
        windows.filter((w) => w.site_id === s.id),
        counts.get(s.id) ?? 0,
      ),
    );
  }

  async get(id: string) {
    const s = await findSite(this.p.db, id);
    if (!s) throw notFound('site');
    const counts = await itemCounts(this.p.db);
    return siteView(s, await windowsOf(this.p.db, [id]), counts.get(id) ?? 0);
  }

  async create(ctx: AuditContext, body: SiteBody) {
    checkHours(body.hours as OpeningHours);
    checkHalls(body.halls);
    await requireOrgs(this.orgs, [body.communityOrgId]);
    if (await findSiteByCode(this.p.db, body.code))
      throw conflict('site_code_taken', `站点编码 ${body.code} 已存在 / code taken`);
    const id = newId(this.p.clock.now());
    await this.p.transact(ctx, async (w) => {
      await insertSites(w.trx, [
        {
          id,
          code: body.code,
          name: body.name,
          kind: body.kind,
          address: body.address,
          lng: body.lng,
          lat: body.lat,
          phone: body.phone ?? null,
          halls: JSON.stringify(body.halls),
          hours: JSON.stringify(body.hours),
          community_org_id: body.communityOrgId ?? null,
          created_at: w.now,
          updated_at: w.now,
        },
      ]);
      w.audit({ action: 'services.site.created', entityType: SITE_ENTITY, entityId: id, after: body });
      w.emit({
        type: SERVICES_EVENTS.siteChanged,
        entityType: SITE_ENTITY,
        entityId: id,
        data: { id, code: body.code },
      });
    });
    return this.get(id);
  }

  async update(ctx: AuditContext, id: string, patch: Static<typeof SitePatch>) {
    if (patch.hours) checkHours(patch.hours as OpeningHours);
    if (patch.halls) checkHalls(patch.halls);
    await requireOrgs(this.orgs, [patch.communityOrgId]);
    const before = await findSite(this.p.db, id);
    if (!before) throw notFound('site');
    await this.p.transact(ctx, async (w) => {
      await updateSite(w.trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.address !== undefined ? { address: patch.address } : {}),
        ...(patch.lng !== undefined ? { lng: patch.lng } : {}),
        ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.halls !== undefined ? { halls: JSON.stringify(patch.halls) } : {}),
        ...(patch.hours !== undefined ? { hours: JSON.stringify(patch.hours) } : {}),
        ...(patch.communityOrgId !== undefined ? { community_org_id: patch.communityOrgId } : {}),
        updated_at: w.now,
      });
      w.audit({ action: 'services.site.updated', entityType: SITE_ENTITY, entityId: id, before, after: patch });
      w.emit({
        type: SERVICES_EVENTS.siteChanged,
        entityType: SITE_ENTITY,
        entityId: id,
        data: { id, code: before.code },
      });
    });
    return this.get(id);
  }

  async addWindow(ctx: AuditContext, siteId: string, body: Static<typeof WindowBody>) {
    const site = await findSite(this.p.db, siteId);
    if (!site) throw notFound('site');
    if (body.hallCode && !(JSON.parse(site.halls) as Array<{ code: string }>).some((h) => h.code === body.hallCode))
      throw badRequest('unknown_hall', `站点没有大厅 ${body.hallCode} / the site has no hall ${body.hallCode}`);
    await requireOrgs(this.orgs, [body.departmentId]);
    if (await findWindowByNumber(this.p.db, siteId, body.number))
      throw conflict('window_number_taken', `窗口号 ${body.number} 已存在 / window number taken`);
    const id = newId(this.p.clock.now());
    await this.p.transact(ctx, async (w) => {
      await insertWindows(w.trx, [
        {
          id,
          site_id: siteId,
          number: body.number,
          hall_code: body.hallCode ?? null,
          kind: body.kind,
          name: body.name,
          department_id: body.departmentId ?? null,
          active: 1,
          created_at: w.now,
          updated_at: w.now,
        },
      ]);
      w.audit({
        action: 'services.window.created',
        entityType: WINDOW_ENTITY,
        entityId: id,
        after: { siteId, ...body },
      });
      w.emit({
        type: SERVICES_EVENTS.windowChanged,
        entityType: WINDOW_ENTITY,
        entityId: id,
        data: { id, siteId, number: body.number, active: true },
      });
    });
    return windowView((await findWindow(this.p.db, id))!);
  }

  async updateWindow(ctx: AuditContext, id: string, patch: Static<typeof WindowPatch>) {
    const before = await findWindow(this.p.db, id);
    if (!before) throw notFound('window');
    if (patch.hallCode) {
      const site = (await findSite(this.p.db, before.site_id))!;
      if (!(JSON.parse(site.halls) as Array<{ code: string }>).some((h) => h.code === patch.hallCode))
        throw badRequest('unknown_hall', `站点没有大厅 ${patch.hallCode} / the site has no hall ${patch.hallCode}`);
    }
    await requireOrgs(this.orgs, [patch.departmentId]);
    await this.p.transact(ctx, async (w) => {
      await updateWindow(w.trx, id, {
        ...(patch.hallCode !== undefined ? { hall_code: patch.hallCode } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: w.now,
      });
      w.audit({ action: 'services.window.updated', entityType: WINDOW_ENTITY, entityId: id, before, after: patch });
      w.emit({
        type: SERVICES_EVENTS.windowChanged,
        entityType: WINDOW_ENTITY,
        entityId: id,
        data: { id, siteId: before.site_id, number: before.number, active: patch.active ?? before.active === 1 },
      });
    });
    return windowView((await findWindow(this.p.db, id))!);
  }

  /** The opening periods of each day from `from` (YYYY-MM-DD, default today), with the calendar's kind of day. */
  async days(id: string, from: string | undefined, count: number): Promise<Static<typeof SiteDays>> {
    const s = await findSite(this.p.db, id);
    if (!s) throw notFound('site');
    const hours = JSON.parse(s.hours) as OpeningHours;
    const startKey = from ?? localDateKey(this.p.clock.now());
    const start = Date.parse(`${startKey}T00:00:00+08:00`);
    if (!Number.isFinite(start) || localDateKey(start) !== startKey)
      throw badRequest('invalid_date', `日期无效 / no such date ${startKey}`);
    const year = Number(startKey.slice(0, 4));
    if (year < 1901 || year > 2298) throw badRequest('invalid_date', '日期超出日历范围 / outside the calendar');
    const days: Static<typeof SiteDays>['days'] = [];
    for (let i = 0; i < count; i++) {
      const ms = start + i * DAY + 12 * 3_600_000;
      const kind = this.p.calendar.dayKind(ms);
      days.push({ date: localDateKey(ms), kind, periods: periodsOn(hours, weekdayOf(ms), kind) });
    }
    return { siteId: id, days };
  }
}

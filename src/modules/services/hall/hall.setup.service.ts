/** The hall's set-up (admin): service groups and counters with their work profiles, one transaction per change. */
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { type OrgLookup, requireOrgs } from '../org-check';
import type { CounterBody, CounterPatch, GroupBody, GroupPatch, ProfileBody } from './hall.contract';
import { HALL_COUNTER_ENTITY, HALL_EVENTS, HALL_GROUP_ENTITY } from './hall.events';
import { storedProfile } from './hall.profile';
import {
  counterHasTickets,
  countersOf,
  deleteCounter,
  deleteGroup,
  findCounter,
  findCounterByNumber,
  findGroup,
  findGroupByCode,
  groupHasTickets,
  groupsOf,
  insertCounter,
  insertGroup,
  siteName,
  updateCounter,
  updateGroup,
} from './hall.repo';
import { counterView, groupView } from './hall.view';

export class HallSetup {
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
  ) {}

  private async site(siteId: string) {
    if ((await siteName(this.p.db, siteId)) === null) throw notFound('site');
  }

  async groups(siteId: string) {
    await this.site(siteId);
    return (await groupsOf(this.p.db, siteId)).map(groupView);
  }

  async counters(siteId: string) {
    await this.site(siteId);
    return (await countersOf(this.p.db, siteId)).map(counterView);
  }

  async createGroup(ctx: AuditContext, siteId: string, b: GroupBody) {
    await this.site(siteId);
    if (!/^[A-Z]$/.test(b.code))
      throw badRequest('invalid_code', '号段须为一个大写字母 A–Z / the code is one letter A–Z');
    await requireOrgs(this.orgs, [b.departmentId ?? null]);
    if (await findGroupByCode(this.p.db, siteId, b.code))
      throw conflict('group_code_taken', `号段 ${b.code} 已被本站点使用 / code taken at this site`);
    const id = newId(this.p.clock.now());
    await this.p.transact(ctx, async (w) => {
      const row = {
        id,
        site_id: siteId,
        code: b.code,
        name: b.name,
        target_wait_min: b.targetWaitMinutes,
        item_codes: JSON.stringify(b.itemCodes),
        department_id: b.departmentId ?? null,
        active: 1,
        created_at: w.now,
        updated_at: w.now,
      };
      await insertGroup(w.trx, row);
      w.audit({ action: 'services.hall.group.created', entityType: HALL_GROUP_ENTITY, entityId: id, after: row });
      w.emit({
        type: HALL_EVENTS.groupChanged,
        entityType: HALL_GROUP_ENTITY,
        entityId: id,
        data: { id, siteId, code: b.code, change: 'created' },
      });
    });
    return groupView((await findGroup(this.p.db, id))!);
  }

  async patchGroup(ctx: AuditContext, id: string, b: GroupPatch) {
    const before = await findGroup(this.p.db, id);
    if (!before) throw notFound('group');
    if (b.departmentId !== undefined) await requireOrgs(this.orgs, [b.departmentId]);
    await this.p.transact(ctx, async (w) => {
      const patch = {
        ...(b.name !== undefined ? { name: b.name } : {}),
        ...(b.targetWaitMinutes !== undefined ? { target_wait_min: b.targetWaitMinutes } : {}),
        ...(b.itemCodes !== undefined ? { item_codes: JSON.stringify(b.itemCodes) } : {}),
        ...(b.departmentId !== undefined ? { department_id: b.departmentId } : {}),
        ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
        updated_at: w.now,
      };
      await updateGroup(w.trx, id, patch);
      w.audit({
        action: 'services.hall.group.updated',
        entityType: HALL_GROUP_ENTITY,
        entityId: id,
        before,
        after: patch,
      });
      w.emit({
        type: HALL_EVENTS.groupChanged,
        entityType: HALL_GROUP_ENTITY,
        entityId: id,
        data: { id, siteId: before.site_id, code: before.code, change: 'updated' },
      });
    });
    return groupView((await findGroup(this.p.db, id))!);
  }

  /** Deletes a group nobody ever took a ticket of; one with tickets is deactivated instead (active: false). */
  async removeGroup(ctx: AuditContext, id: string) {
    const before = await findGroup(this.p.db, id);
    if (!before) throw notFound('group');
    await this.p.transact(ctx, async (w) => {
      if (await groupHasTickets(w.trx, id))
        throw conflict('group_in_use', '该分组已有取号记录，请停用 / the group has tickets: deactivate it instead');
      const users = (await countersOf(w.trx, before.site_id)).filter((c) => c.profile.includes(`"${id}"`));
      if (users.length)
        throw conflict(
          'group_in_profile',
          `窗口 ${users.map((c) => c.number).join('、')} 的工作配置仍含该分组 / counters still call from it`,
        );
      await deleteGroup(w.trx, id);
      w.audit({ action: 'services.hall.group.deleted', entityType: HALL_GROUP_ENTITY, entityId: id, before });
      w.emit({
        type: HALL_EVENTS.groupChanged,
        entityType: HALL_GROUP_ENTITY,
        entityId: id,
        data: { id, siteId: before.site_id, code: before.code, change: 'deleted' },
      });
    });
    return { ok: true };
  }

  private async checkProfile(siteId: string, p: ProfileBody) {
    if (new Set(p.groupIds).size !== p.groupIds.length)
      throw badRequest('invalid_profile', '工作配置中的分组重复 / a group appears twice in the profile');
    const mine = new Set((await groupsOf(this.p.db, siteId)).map((g) => g.id));
    const unknown = p.groupIds.filter((g) => !mine.has(g));
    if (unknown.length)
      throw badRequest('invalid_profile', '工作配置含有本站点以外的分组 / groups not of this site', {
        groupIds: unknown,
      });
  }

  async createCounter(ctx: AuditContext, siteId: string, b: CounterBody) {
    await this.site(siteId);
    await this.checkProfile(siteId, b.profile);
    if (await findCounterByNumber(this.p.db, siteId, b.number))
      throw conflict('counter_number_taken', `${b.number} 号窗口已存在 / counter number taken`);
    const id = newId(this.p.clock.now());
    await this.p.transact(ctx, async (w) => {
      const row = {
        id,
        site_id: siteId,
        number: b.number,
        name: b.name,
        profile: JSON.stringify(storedProfile(b.profile)),
        state: 'closed',
        pause_reason: null,
        clerk_id: null,
        clerk_name: null,
        created_at: w.now,
        updated_at: w.now,
      };
      await insertCounter(w.trx, row);
      w.audit({ action: 'services.hall.counter.created', entityType: HALL_COUNTER_ENTITY, entityId: id, after: row });
      w.emit({
        type: HALL_EVENTS.counterChanged,
        entityType: HALL_COUNTER_ENTITY,
        entityId: id,
        data: { id, siteId, number: b.number, state: 'closed', change: 'created' },
      });
    });
    return counterView((await findCounter(this.p.db, id))!);
  }

  async patchCounter(ctx: AuditContext, id: string, b: CounterPatch) {
    const before = await findCounter(this.p.db, id);
    if (!before) throw notFound('counter');
    if (b.profile) await this.checkProfile(before.site_id, b.profile);
    await this.p.transact(ctx, async (w) => {
      const patch = {
        ...(b.name !== undefined ? { name: b.name } : {}),
        ...(b.profile ? { profile: JSON.stringify(storedProfile(b.profile)) } : {}),
        updated_at: w.now,
      };
      await updateCounter(w.trx, id, patch);
      w.audit({
        action: 'services.hall.counter.updated',
        entityType: HALL_COUNTER_ENTITY,
        entityId: id,
        before,
        after: patch,
      });
      w.emit({
        type: HALL_EVENTS.counterChanged,
        entityType: HALL_COUNTER_ENTITY,
        entityId: id,
        data: { id, siteId: before.site_id, number: before.number, state: before.state, change: 'updated' },
      });
    });
    return counterView((await findCounter(this.p.db, id))!);
  }

  async removeCounter(ctx: AuditContext, id: string) {
    const before = await findCounter(this.p.db, id);
    if (!before) throw notFound('counter');
    await this.p.transact(ctx, async (w) => {
      if (await counterHasTickets(w.trx, id))
        throw conflict('counter_in_use', '该窗口已有叫号记录 / the counter has served tickets');
      await deleteCounter(w.trx, id);
      w.audit({ action: 'services.hall.counter.deleted', entityType: HALL_COUNTER_ENTITY, entityId: id, before });
      w.emit({
        type: HALL_EVENTS.counterChanged,
        entityType: HALL_COUNTER_ENTITY,
        entityId: id,
        data: { id, siteId: before.site_id, number: before.number, state: before.state, change: 'deleted' },
      });
    });
    return { ok: true };
  }
}

/** 业务分组 / 虚拟组织 groups (created, renamed, deleted by admins or by the catalogue sync) and the channel tree. */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import {
  camerasInGroup,
  childGroups,
  countsByCivil,
  countsByGroup,
  deleteGroup,
  findGroup,
  type GroupRow,
  listGroups,
  upsertGroups,
} from './cameras.repo';
import { checkGroupId, GROUP_TYPES } from './gbt28181';
import { areaTree, groupTree, type TreeNode } from './tree';
import type { Group, GroupBody } from './video.contract';

export const GROUP_ENTITY = 'brain_video_group';

export const groupView = (g: GroupRow): Static<typeof Group> => ({
  id: g.id,
  name: g.name,
  kind: g.kind as 'business_group' | 'virtual_org',
  parentId: g.parent_id,
  updatedAt: g.updated_at,
});

export class VideoGroups {
  constructor(private p: PlatformContext) {}

  list(): Promise<GroupRow[]> {
    return listGroups(this.p.db);
  }

  async tree(by: 'area' | 'group'): Promise<TreeNode[]> {
    if (by === 'area')
      return areaTree(
        (await countsByCivil(this.p.db)).map((r) => ({ civil: r.civil_code, n: Number(r.n), up: Number(r.up ?? 0) })),
      );
    const [groups, counts] = await Promise.all([listGroups(this.p.db), countsByGroup(this.p.db)]);
    return groupTree(
      groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind, parentId: g.parent_id })),
      counts.map((r) => ({ group: r.group_id, n: Number(r.n), up: Number(r.up ?? 0) })),
    );
  }

  /** Creates or renames/moves a group: 215 业务分组 at the top, 216 虚拟组织 under a group. */
  async put(ctx: AuditContext, id: string, body: Static<typeof GroupBody>): Promise<GroupRow> {
    const check = checkGroupId(id);
    if (!check.ok) throw badRequest('invalid_group_id', check.message, { part: check.part });
    const kind = check.parts.type === GROUP_TYPES.businessGroup ? 'business_group' : 'virtual_org';
    const parentId = body.parentId ?? null;
    if (kind === 'business_group' && parentId)
      throw badRequest('invalid_parent', '业务分组位于顶层，不能有上级 / a business group (215) has no parent');
    if (kind === 'virtual_org' && !parentId)
      throw badRequest(
        'invalid_parent',
        '虚拟组织须属于业务分组或虚拟组织 / a virtual organisation (216) needs a parent',
      );
    if (parentId === id) throw badRequest('invalid_parent', '不能以自己为上级 / a group cannot be its own parent');
    return this.p.transact(ctx, async (w) => {
      if (parentId) {
        // walking up from the parent must not reach this group (no cycles)
        let at: string | null = parentId;
        for (let depth = 0; at; depth++) {
          const g = await findGroup(w.trx, at);
          if (!g) throw badRequest('unknown_parent', `上级分组 ${at} 不存在 / parent group ${at} does not exist`);
          if (g.id === id || depth > 50)
            throw badRequest('invalid_parent', '分组不能成环 / groups cannot form a cycle');
          at = g.parent_id;
        }
      }
      const before = await findGroup(w.trx, id);
      await upsertGroups(w.trx, [
        {
          id,
          name: body.name,
          kind,
          parent_id: parentId,
          source: before?.source ?? 'manual',
          demo: before?.demo ?? 0,
          created_at: before?.created_at ?? w.now,
          updated_at: w.now,
        },
      ]);
      w.audit({
        action: before ? 'brain.group.updated' : 'brain.group.created',
        entityType: GROUP_ENTITY,
        entityId: id,
        before: before ? { name: before.name, parentId: before.parent_id } : undefined,
        after: { name: body.name, parentId },
      });
      w.emit({ type: 'brain.group.changed', entityType: GROUP_ENTITY, entityId: id, data: { id } });
      return (await findGroup(w.trx, id))!;
    });
  }

  /** Deletes an empty group (no cameras, no child groups). */
  async remove(ctx: AuditContext, id: string): Promise<void> {
    await this.p.transact(ctx, async (w) => {
      const g = await findGroup(w.trx, id);
      if (!g) throw notFound('group');
      if ((await camerasInGroup(w.trx, id)) > 0 || (await childGroups(w.trx, id)).length > 0)
        throw conflict('group_not_empty', '分组下仍有摄像机或子分组 / the group still has cameras or groups');
      await deleteGroup(w.trx, id);
      w.audit({ action: 'brain.group.deleted', entityType: GROUP_ENTITY, entityId: id, before: { name: g.name } });
      w.emit({ type: 'brain.group.changed', entityType: GROUP_ENTITY, entityId: id, data: { id, deleted: true } });
    });
  }
}

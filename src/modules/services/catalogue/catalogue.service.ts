/** Catalogue items: create, edit the draft, publish a version, withdraw; each one transaction with audit and event. */
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { ITEM_ENTITY, SERVICES_EVENTS } from '../events';
import type { OrgLookup } from '../org-check';
import type { ItemGuide } from './catalogue.contract';
import {
  deleteItem,
  findItem,
  findVersion,
  hasChildren,
  type ItemFilter,
  listItems,
  listVersions,
  lockItem,
  updateItem,
} from './catalogue.repo';
import { itemRowView, itemView } from './catalogue.view';
import { batchProblems, type GuideEntry, type WriteResult, writeEntries } from './catalogue.write';
import { unindex } from './search/search.repo';

/** 400 invalid_guide with every problem as { path, message } in details.problems. */
function refuse(problems: Array<{ path: string; message: string }>) {
  return badRequest(
    'invalid_guide',
    `办事指南有 ${problems.length} 处问题：${problems[0].message} / the guide has ${problems.length} problem(s)`,
    { problems },
  );
}

export class CatalogueService {
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
  ) {}

  async list(f: ItemFilter) {
    const { rows, total } = await listItems(this.p.db, f);
    return { items: rows.map(itemRowView), total };
  }

  async get(id: string) {
    const r = await findItem(this.p.db, id);
    if (!r) throw notFound('item');
    return itemView(r, await listVersions(this.p.db, id));
  }

  async version(id: string, version: number) {
    const v = await findVersion(this.p.db, id, version);
    if (!v) throw notFound('version');
    return v;
  }

  /**
   * Checks and writes a batch of guides in one transaction (nothing written if any is refused):
   * the editor's single guide and the import's whole file alike.
   */
  async saveMany(
    ctx: AuditContext,
    entries: readonly GuideEntry[],
    opts: { publish: boolean; note?: string | null; action: string },
  ): Promise<
    | { result: WriteResult; problems: null }
    | { result: null; problems: Awaited<ReturnType<typeof batchProblems>>['problems'] }
  > {
    const orgs = await this.orgs();
    const { problems, existing, names } = await batchProblems(this.p, entries, orgs);
    if (problems.length) return { result: null, problems };
    const result = await this.p.transact(ctx, async (w) => {
      // re-read inside: a concurrent edit between the checks and here is refused, not overwritten
      for (const [id, before] of existing) {
        const now = await lockItem(w.trx, id, this.p.dialect);
        if (!now || now.updated_at !== before.updated_at)
          throw conflict(
            'item_changed',
            '事项已被他人修改，请刷新后重试 / the item changed meanwhile; reload and retry',
          );
      }
      const r = await writeEntries(w, entries, existing, orgs, {
        publish: opts.publish,
        always: entries.length === 1,
        note: opts.note ?? null,
        by: ctx.actorName,
        names,
      });
      if (entries.length === 1) {
        const id = entries[0].id;
        const g = entries[0].guide;
        const published = r.published[0];
        w.audit({
          action: opts.action,
          entityType: ITEM_ENTITY,
          entityId: id,
          before: existing.get(id)?.draft ?? null,
          after: g,
        });
        w.emit({
          type: published ? SERVICES_EVENTS.itemPublished : SERVICES_EVENTS.itemChanged,
          entityType: ITEM_ENTITY,
          entityId: id,
          data: {
            id,
            name: g.name,
            version: published?.version ?? null,
            change: r.created.length ? 'created' : 'updated',
          },
        });
      } else {
        const summary = { created: r.created.length, updated: r.updated.length, published: r.published.length };
        w.audit({
          action: opts.action,
          entityType: ITEM_ENTITY,
          entityId: null,
          after: { ...summary, items: entries.length },
        });
        w.emit({ type: SERVICES_EVENTS.catalogueImported, entityType: ITEM_ENTITY, data: summary });
      }
      return r;
    });
    return { result, problems: null };
  }

  private async saveOne(
    ctx: AuditContext,
    id: string,
    guide: ItemGuide,
    publish: boolean,
    action: string,
    note?: string,
  ) {
    const r = await this.saveMany(ctx, [{ id, guide }], { publish, note, action });
    if (r.problems) throw refuse(r.problems);
    return this.get(id);
  }

  async create(ctx: AuditContext, guide: ItemGuide) {
    return this.saveOne(ctx, newId(this.p.clock.now()), guide, false, 'services.item.created');
  }

  async update(ctx: AuditContext, id: string, guide: ItemGuide) {
    if (!(await findItem(this.p.db, id))) throw notFound('item');
    return this.saveOne(ctx, id, guide, false, 'services.item.updated');
  }

  /** A new version from the draft (refused when nothing changed since the last one). */
  async publish(ctx: AuditContext, id: string, note?: string) {
    const item = await findItem(this.p.db, id);
    if (!item) throw notFound('item');
    if (item.status === 'published' && item.draft_dirty === 0)
      throw conflict(
        'nothing_to_publish',
        `草稿与第 ${item.version} 版相同 / the draft equals version ${item.version}`,
      );
    if (item.parent_id) {
      const parent = await findItem(this.p.db, item.parent_id);
      if (parent?.status !== 'published')
        throw conflict('parent_unpublished', '请先发布上级事项 / publish the parent item first');
    }
    return this.saveOne(ctx, id, JSON.parse(item.draft) as ItemGuide, true, 'services.item.published', note);
  }

  /** Withdraws a published item from the catalogue (its versions stay readable); deletes one never published. */
  async remove(ctx: AuditContext, id: string) {
    const item = await findItem(this.p.db, id);
    if (!item) throw notFound('item');
    if (await hasChildren(this.p.db, id))
      throw conflict('item_has_children', '请先处理下级事项 / the item has sub items or tasks');
    const deleted = item.version === 0;
    if (!deleted && item.status === 'withdrawn') throw conflict('already_withdrawn', '事项已撤销 / already withdrawn');
    return this.p.transact(ctx, async (w) => {
      const now = await lockItem(w.trx, id, this.p.dialect);
      if (!now || now.updated_at !== item.updated_at)
        throw conflict('item_changed', '事项已被他人修改 / the item changed meanwhile');
      if (deleted) await deleteItem(w.trx, id);
      else {
        await updateItem(w.trx, id, { status: 'withdrawn', updated_at: w.now });
        await unindex(w.trx, [id]);
      }
      w.audit({
        action: deleted ? 'services.item.deleted' : 'services.item.withdrawn',
        entityType: ITEM_ENTITY,
        entityId: id,
        before: { status: item.status, version: item.version },
      });
      w.emit({
        type: SERVICES_EVENTS.itemChanged,
        entityType: ITEM_ENTITY,
        entityId: id,
        data: { id, name: item.name, version: item.version, change: deleted ? 'deleted' : 'withdrawn' },
      });
      return { id, status: deleted ? ('draft' as const) : ('withdrawn' as const), deleted, at: w.now };
    });
  }
}

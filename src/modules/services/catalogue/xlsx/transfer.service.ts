/** .xlsx export and import of the catalogue: a bad file is refused whole, with its problems by sheet, row and column. */
import type { AuditContext } from '../../../../platform/audit';
import type { PlatformContext } from '../../../../platform/context';
import { badRequest } from '../../../../platform/errors';
import { newId } from '../../../../platform/ids';
import type { OrgLookup } from '../../org-check';
import { listSites } from '../../sites/sites.repo';
import type { ImportError, ItemGuide } from '../catalogue.contract';
import { allItems, findItemsByCode } from '../catalogue.repo';
import type { CatalogueService } from '../catalogue.service';
import { codeOf, type GuideEntry } from '../catalogue.write';
import { exportCatalogue } from './export';
import { type ParsedItem, parseWorkbook, placeOf } from './import-parse';
import { SHEETS } from './layout';

const refuse = (errors: ImportError[]) =>
  badRequest(
    'invalid_file',
    `导入文件有 ${errors.length} 处错误，未导入任何事项 / ${errors.length} problem(s); nothing was imported`,
    { errors: errors.slice(0, 500) },
  );

export class CatalogueTransfer {
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
    private items: CatalogueService,
  ) {}

  async exportXlsx(): Promise<Buffer> {
    const [rows, orgs, sites] = [await allItems(this.p.db), await this.orgs(), await listSites(this.p.db)];
    const codeById = new Map(rows.map((r) => [r.id, r.code]));
    const siteCode = new Map(sites.map((s) => [s.id, s.code]));
    return exportCatalogue(
      rows.map((r) => ({
        code: r.code,
        parentCode: r.parent_id ? (codeById.get(r.parent_id) ?? null) : null,
        guide: JSON.parse(r.draft) as ItemGuide,
      })),
      { department: (id) => orgs.get(id)?.name ?? id, site: (id) => siteCode.get(id) ?? id },
    );
  }

  async importXlsx(ctx: AuditContext, data: Buffer, publish: boolean) {
    const orgs = await this.orgs();
    const orgByText = new Map<string, string>();
    for (const o of orgs.values()) {
      orgByText.set(o.name, o.id);
      orgByText.set(o.code, o.id);
    }
    const siteByText = new Map<string, string>();
    for (const s of await listSites(this.p.db)) {
      siteByText.set(s.code, s.id);
      siteByText.set(s.name, s.id);
    }
    const { items, errors } = await parseWorkbook(data, {
      department: (t) => orgByText.get(t) ?? null,
      site: (t) => siteByText.get(t) ?? null,
      codeOf: (g) => codeOf(g as ItemGuide),
    });
    if (errors.length) throw refuse(errors);
    if (items.length === 0)
      throw refuse([{ sheet: SHEETS.items, row: 2, column: null, message: '没有事项 / no items' }]);

    // ids: the existing item of each code, new ones for the rest; parents by code, in the file or the catalogue
    const parentCodes = items.flatMap((i) => (i.parentCode ? [i.parentCode] : []));
    const known = new Map(
      (await findItemsByCode(this.p.db, [...new Set([...items.map((i) => i.code), ...parentCodes])])).map((r) => [
        r.code,
        r.id,
      ]),
    );
    const now = this.p.clock.now();
    const idOf = new Map(items.map((i) => [i.code, known.get(i.code) ?? newId(now)]));
    const entries: GuideEntry[] = [];
    for (const it of items) {
      if (it.parentCode) {
        const parentId = idOf.get(it.parentCode) ?? known.get(it.parentCode);
        if (!parentId) errors.push(placeOf(it, 'parentId', `上级事项 ${it.parentCode} 不存在 / no such parent item`));
        else it.guide.parentId = parentId;
      }
      entries.push({ id: idOf.get(it.code)!, guide: it.guide });
    }
    if (errors.length) throw refuse(errors);
    const r = await this.items.saveMany(ctx, entries, {
      publish,
      action: 'services.catalogue.imported',
      note: '批量导入 / imported',
    });
    if (r.problems) throw refuse(r.problems.map((pr) => placeOf(items[pr.entry] as ParsedItem, pr.path, pr.message)));
    return {
      created: r.result.created.length,
      updated: r.result.updated.length,
      unchanged: r.result.unchanged.length,
      published: r.result.published.length,
    };
  }
}

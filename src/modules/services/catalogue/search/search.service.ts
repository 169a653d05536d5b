/** The public side of the catalogue: search, its filters, the 办事指南 of an item and its material list for given answers. */
import type { Static } from '@sinclair/typebox';
import type { PlatformContext } from '../../../../platform/context';
import { badRequest, notFound } from '../../../../platform/errors';
import { sitesById } from '../../sites/sites.repo';
import {
  type Guide,
  type ItemGuide,
  LIFE_EVENT_LABELS,
  type MaterialsResult,
  type SearchQuery,
} from '../catalogue.contract';
import { findItem, findVersion } from '../catalogue.repo';
import { hitView } from '../catalogue.view';
import { materialsFor } from '../situations';
import { facets, findPublished, search } from './search.repo';
import { isInitialsQuery, queryTerms } from './tokenize';

export class CatalogueSearch {
  constructor(private p: PlatformContext) {}

  async search(q: Static<typeof SearchQuery>) {
    const text = q.q?.trim() ?? '';
    const terms = text ? queryTerms(text) : [];
    const initials = isInitialsQuery(text) ? text.toLowerCase() : undefined;
    if (text && terms.length === 0 && !initials)
      // a single character or only stop words: nothing to look up in the index
      return { items: [], total: 0, terms: [] };
    const { rows, total } = await search(this.p.db, {
      terms,
      initials,
      department: q.department,
      site: q.site,
      lifeEvent: q.lifeEvent,
      onlineDepth: q.onlineDepth,
      itemType: q.itemType,
      limit: q.limit ?? 20,
      offset: q.offset ?? 0,
    });
    return { items: rows.map(hitView), total, terms };
  }

  async filters() {
    const f = await facets(this.p.db);
    return {
      departments: f.departments.map((d) => ({ id: d.department_id, name: d.department_name, count: Number(d.n) })),
      lifeEvents: f.lifeEvents.map((l) => ({
        key: l.life_event as keyof typeof LIFE_EVENT_LABELS,
        label: LIFE_EVENT_LABELS[l.life_event as keyof typeof LIFE_EVENT_LABELS] ?? l.life_event,
        count: Number(l.n),
      })),
      sites: f.sites.map((s) => ({ id: s.id, name: s.name, count: Number(s.n) })),
    };
  }

  /** The current published guide, or (with `version`) any published version — also of a withdrawn item. */
  async guide(itemId: string, version?: number): Promise<Static<typeof Guide>> {
    const item = await findItem(this.p.db, itemId);
    if (!item || item.version === 0) throw notFound('guide');
    const published = await findPublished(this.p.db, itemId);
    if (version === undefined && !published) throw notFound('guide');
    const v = await findVersion(this.p.db, itemId, version ?? published!.version);
    if (!v) throw notFound('version');
    const guide = JSON.parse(v.guide) as ItemGuide;
    const parents: Static<typeof Guide>['parents'] = [];
    for (let id = item.parent_id, n = 0; id && n < 3; n++) {
      const parent = await findItem(this.p.db, id);
      if (!parent) break;
      parents.unshift({ id: parent.id, name: parent.name, level: parent.level as 'main' });
      id = parent.parent_id;
    }
    const sites = await sitesById(this.p.db, guide.siteIds);
    return {
      itemId,
      code: item.code,
      version: v.version,
      publishedAt: v.published_at,
      withdrawn: item.status === 'withdrawn',
      departmentName: published?.department_name ?? (await this.departmentName(guide)),
      parents,
      sites: sites.map((s) => ({ id: s.id, name: s.name, address: s.address })),
      guide,
    };
  }

  private async departmentName(g: ItemGuide): Promise<string> {
    return g.implementingBody;
  }

  /** The questions to show and the materials to bring for these answers (办理情形 → 材料清单). */
  async materials(itemId: string, answers: Record<string, string[]>): Promise<Static<typeof MaterialsResult>> {
    const published = await findPublished(this.p.db, itemId);
    if (!published) throw notFound('guide');
    const v = (await findVersion(this.p.db, itemId, published.version))!;
    const r = materialsFor(JSON.parse(v.guide) as ItemGuide, answers);
    if (r.invalid.length)
      throw badRequest('invalid_answers', `回答有误：${r.invalid[0].question} ${r.invalid[0].message}`, {
        invalid: r.invalid,
      });
    return { version: v.version, questions: r.questions, unanswered: r.unanswered, materials: r.materials };
  }
}

/** Item rows → contract responses. */
import type { Static } from '@sinclair/typebox';
import type { Item, ItemGuide, ItemRow, SearchHit } from './catalogue.contract';
import type { ItemRecord, VersionRecord } from './catalogue.repo';
import type { CatalogueRecord } from './search/search.repo';

type Row = Static<typeof ItemRow>;

export const itemRowView = (r: ItemRecord): Row => ({
  id: r.id,
  code: r.code,
  level: r.level as Row['level'],
  parentId: r.parent_id,
  name: r.name,
  departmentId: r.department_id,
  status: r.status as Row['status'],
  version: r.version,
  draftDirty: r.draft_dirty === 1,
  updatedAt: r.updated_at,
});

export const itemView = (
  r: ItemRecord,
  versions: Array<Pick<VersionRecord, 'version' | 'note' | 'published_at' | 'published_by'>>,
): Static<typeof Item> => ({
  ...itemRowView(r),
  draft: JSON.parse(r.draft) as ItemGuide,
  versions: versions.map((v) => ({
    version: v.version,
    note: v.note,
    publishedAt: v.published_at,
    publishedBy: v.published_by,
  })),
  createdAt: r.created_at,
});

type Hit = Static<typeof SearchHit>;
export const hitView = (c: CatalogueRecord & { score: number }): Hit => ({
  itemId: c.item_id,
  code: c.code,
  level: c.level as Hit['level'],
  name: c.name,
  departmentId: c.department_id,
  departmentName: c.department_name,
  itemType: c.item_type as Hit['itemType'],
  caseType: c.case_type as Hit['caseType'],
  onlineDepth: c.online_depth as Hit['onlineDepth'],
  visits: c.visits,
  mailable: c.mailable === 1,
  promisedDays: c.promised_days,
  score: c.score,
});

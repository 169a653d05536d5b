/** The category tree in the database: loading, seeding, editing, and the time limits it carries. */
import type { Queryable } from '../../../platform/db/connect';
import { CATEGORIES, categoryPathName } from './categories-seed';
import type { OrdersTables } from '../tables';
import { anyCategory, insertCategory, listCategories } from './categories.repo';

export type CategoryRow = OrdersTables['order_categories'];

export interface CategoryView {
  code: string;
  parentCode: string | null;
  name: string;
  path: string;
  level: number;
  leaf: boolean;
  requestType: string | null;
  departmentType: string | null;
  limits: {
    signHours: number;
    contactDays: number;
    completeDays: { normal: number; urgent: number; emergency: number };
  } | null;
  active: boolean;
}

export function categoryView(r: CategoryRow, byCode: Map<string, CategoryRow>): CategoryView {
  const names: string[] = [];
  for (let c: CategoryRow | undefined = r; c; c = c.parent_code ? byCode.get(c.parent_code) : undefined)
    names.unshift(c.name);
  return {
    code: r.code,
    parentCode: r.parent_code,
    name: r.name,
    path: names.join(' › '),
    level: Number(r.level),
    leaf: !!r.leaf,
    requestType: r.request_type,
    departmentType: r.department_type,
    limits: r.leaf
      ? {
          signHours: Number(r.sign_hours),
          contactDays: Number(r.contact_days),
          completeDays: {
            normal: Number(r.complete_normal),
            urgent: Number(r.complete_urgent),
            emergency: Number(r.complete_emergency),
          },
        }
      : null,
    active: !!r.active,
  };
}

/** Inserts the seed tree when the table is empty (base configuration, not demo data). */
export async function ensureCategories(db: Queryable): Promise<boolean> {
  if (await anyCategory(db)) return false;
  let sort = 0;
  for (const c of CATEGORIES) {
    await insertCategory(db, {
      code: c.code,
      parent_code: c.parentCode,
      name: c.name,
      level: c.level,
      leaf: c.leaf ? 1 : 0,
      request_type: c.leaf ? c.requestType : null,
      department_type: c.leaf ? c.departmentType : null,
      sign_hours: c.leaf ? c.limits.signHours : null,
      contact_days: c.leaf ? c.limits.contactDays : null,
      complete_normal: c.leaf ? c.limits.completeDays.normal : null,
      complete_urgent: c.leaf ? c.limits.completeDays.urgent : null,
      complete_emergency: c.leaf ? c.limits.completeDays.emergency : null,
      active: 1,
      sort: sort++,
    });
  }
  return true;
}

/** An in-memory copy of the tree: read on every intake, changed rarely (reloaded on change). */
export class CategoryCache {
  private rows = new Map<string, CategoryRow>();

  async load(db: Queryable): Promise<void> {
    const rows = await listCategories(db);
    this.rows = new Map(rows.map((r) => [r.code, r]));
  }

  get(code: string | null | undefined): CategoryRow | undefined {
    return code ? this.rows.get(code) : undefined;
  }

  view(code: string): CategoryView | undefined {
    const r = this.rows.get(code);
    return r ? categoryView(r, this.rows) : undefined;
  }

  all(): CategoryView[] {
    return [...this.rows.values()].map((r) => categoryView(r, this.rows));
  }

  pathName(code: string | null): string | null {
    if (!code) return null;
    return this.view(code)?.path ?? categoryPathName(code) ?? code;
  }

  isActiveLeaf(code: string): boolean {
    const r = this.rows.get(code);
    return !!r && !!r.leaf && !!r.active;
  }
}

/**
 * Editing the category tree: the rules a new or changed category must keep, its row, audit entry
 * and change event in one transaction, then the cache reloaded.
 */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import type { CategoryBody, CategoryPatch } from '../contract';
import type { OrdersTables } from '../tables';
import type { CategoryCache, CategoryView } from './categories';
import { insertCategory, updateCategory } from './categories.repo';

type CategoryRow = OrdersTables['order_categories'];

/** Adds a category under its parent (at most three levels; a leaf needs its types and limits). */
export async function createCategory(
  p: PlatformContext,
  categories: CategoryCache,
  ctx: AuditContext,
  b: Static<typeof CategoryBody>,
): Promise<CategoryView> {
  if (categories.get(b.code)) throw conflict('duplicate_code', `category ${b.code} exists`);
  const parent = b.parentCode ? categories.get(b.parentCode) : null;
  if (b.parentCode && !parent) throw badRequest('unknown_parent', `parent ${b.parentCode} does not exist`);
  if (parent?.leaf) throw badRequest('parent_is_leaf', `category ${b.parentCode} is a leaf; it cannot have children`);
  if (parent && !b.code.startsWith(parent.code))
    throw badRequest('invalid_code', `a child's code starts with its parent's (${parent.code})`);
  if (b.leaf && (!b.limits || !b.departmentType || !b.requestType))
    throw badRequest('missing_field', 'a leaf needs requestType, departmentType and limits');
  const level = parent ? Number(parent.level) + 1 : 1;
  if (level > 3) throw badRequest('too_deep', 'categories are at most three levels deep');
  await p.transact(ctx, async (w) => {
    const row = {
      code: b.code,
      parent_code: b.parentCode,
      name: b.name,
      level,
      leaf: b.leaf ? 1 : 0,
      request_type: b.requestType ?? null,
      department_type: b.departmentType ?? null,
      sign_hours: b.limits?.signHours ?? null,
      contact_days: b.limits?.contactDays ?? null,
      complete_normal: b.limits?.completeDays.normal ?? null,
      complete_urgent: b.limits?.completeDays.urgent ?? null,
      complete_emergency: b.limits?.completeDays.emergency ?? null,
      active: 1,
      sort: 10_000,
    };
    await insertCategory(w.trx, row);
    w.audit({ action: 'orders.category.create', entityType: 'order_category', entityId: b.code, after: row });
    w.emit({ type: 'orders.categories_changed', data: { code: b.code } });
  });
  await categories.load(p.db);
  return categories.view(b.code)!;
}

/** Renames, (de)activates or retypes a category; only a leaf carries time limits. */
export async function editCategory(
  p: PlatformContext,
  categories: CategoryCache,
  ctx: AuditContext,
  code: string,
  b: Static<typeof CategoryPatch>,
): Promise<CategoryView> {
  const before = categories.get(code);
  if (!before) throw notFound('category');
  if (b.limits && !before.leaf) throw badRequest('not_leaf', 'only leaf categories carry time limits');
  await p.transact(ctx, async (w) => {
    const patch: Partial<CategoryRow> = {};
    if (b.name !== undefined) patch.name = b.name;
    if (b.active !== undefined) patch.active = b.active ? 1 : 0;
    if (b.departmentType !== undefined) patch.department_type = b.departmentType;
    if (b.limits)
      Object.assign(patch, {
        sign_hours: b.limits.signHours,
        contact_days: b.limits.contactDays,
        complete_normal: b.limits.completeDays.normal,
        complete_urgent: b.limits.completeDays.urgent,
        complete_emergency: b.limits.completeDays.emergency,
      });
    if (Object.keys(patch).length) await updateCategory(w.trx, before.code, patch);
    w.audit({
      action: 'orders.category.update',
      entityType: 'order_category',
      entityId: before.code,
      before,
      after: { ...before, ...patch },
    });
    w.emit({ type: 'orders.categories_changed', data: { code: before.code } });
  });
  await categories.load(p.db);
  return categories.view(before.code)!;
}

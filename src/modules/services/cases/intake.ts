/** What a new case needs from the catalogue and the applicant: the guide version, its terms, the material list. */
import { AppError, badRequest, notFound } from '../../../platform/errors';
import type { ItemGuide } from '../catalogue/catalogue.contract';
import { findItem, findVersion } from '../catalogue/catalogue.repo';
import { materialsFor } from '../catalogue/situations';
import { applicantIdProblem } from './applicant';
import type { NewCaseBody } from './cases.contract';
import type { Db } from './deps';
import { isSiteCode } from './model';
import { termsOf } from './terms';

/** The item's published guide: the latest version, or the one a case runs under. */
export async function loadGuide(db: Db, itemId: string, version?: number) {
  const item = await findItem(db, itemId);
  if (!item) throw notFound('item');
  if (version === undefined && (item.status !== 'published' || item.version < 1))
    throw new AppError(409, 'item_not_published', '事项未发布或已停用，暂不能申请 / the item is not published');
  const v = await findVersion(db, itemId, version ?? item.version);
  if (!v) throw notFound('version');
  const guide = JSON.parse(v.guide) as ItemGuide;
  return { item: { ...item, version: v.version }, guide, terms: termsOf(item.id, item.code, v.version, guide) };
}

export function checkApplicant(a: NewCaseBody['applicant'], now: number) {
  const { idNo, problem } = applicantIdProblem(a.kind, a.idNo, now);
  if (problem) throw badRequest('invalid_id_number', problem, { field: 'applicant.idNo' });
  return { idNo };
}

/** The applicant's own material list for the situation answers (an invalid answer is a 400). */
export function materialRows(guide: ItemGuide, situation: Record<string, string[]>, now: number) {
  const r = materialsFor(guide, situation);
  if (r.invalid.length)
    throw badRequest(
      'invalid_situation',
      `办理情形有误：${r.invalid.map((i) => `${i.question} ${i.message}`).join('；')}`,
      { invalid: r.invalid },
    );
  return r.materials.map((m) => ({
    material_id: m.key,
    name: m.name,
    required: m.required ? 1 : 0,
    status: 'pending',
    comment: null,
    updated_at: now,
  }));
}

/** The site's code as 办件编号 letters: A–Z without I and O, 2–6 of them (GC-XZZX → GCXZZX). */
export function numberCode(siteCode: string): string {
  const letters = siteCode
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .replace(/[IO]/g, '');
  const code = (letters.length >= 2 ? letters : `${letters}GC`).slice(0, 6);
  return isSiteCode(code) ? code : 'GC';
}

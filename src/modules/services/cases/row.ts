/** The case rows ⇄ the model's CaseSnapshot. */
import type { Updateable } from 'kysely';
import type { CaseRows } from './cases.repo';
import type { CasesTables } from './cases.tables';
import type { CaseSnapshot, CaseState, Channel, ItemTerms } from './model';

const json = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));
const text = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export function snapshotOf({ row, parts, pauses, materials }: CaseRows): CaseSnapshot {
  return {
    id: row.id,
    number: row.number,
    state: row.state as CaseState,
    item: JSON.parse(row.item_terms) as ItemTerms,
    channel: row.channel as Channel,
    applicantId: applicantKey(row.applicant_user_id, row.applicant_id_no),
    applicantName: row.applicant_name,
    agent: json(row.agent),
    siteId: row.site_id,
    departmentId: row.department_id,
    issueSiteId: row.issue_site_id,
    materials: materials.map((m) => ({ id: m.material_id, name: m.name })),
    createdAt: Number(row.created_at),
    draftExpiresAt: Number(row.draft_expires_at),
    preReview: JSON.parse(row.pre_review),
    submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
    originals: json(row.originals),
    acceptedAt: row.accepted_at === null ? null : Number(row.accepted_at),
    acceptedBy: row.accepted_by,
    corrections: JSON.parse(row.corrections),
    pauses: pauses.map((p) => ({
      kind: p.kind as 'correction' | 'special_step',
      ref: p.ref,
      label: p.label,
      from: Number(p.from_at),
      to: p.to_at === null ? null : Number(p.to_at),
    })),
    stepIndex: row.step_index,
    steps: JSON.parse(row.review_steps),
    parts: parts.map((p) => ({
      id: p.id,
      departmentId: p.department_id,
      name: p.name,
      doneAt: p.done_at === null ? null : Number(p.done_at),
      doneBy: p.done_by,
      opinion: p.opinion,
    })),
    extension: json(row.extension),
    fee: json(row.fee),
    decision: json(row.decision),
    delivery: json(row.delivery),
    rating: json(row.rating),
    closing: json(row.closing),
  };
}

/** The model's applicantId: the account that applies, or the ID number of a window applicant without one. */
export const applicantKey = (userId: string | null, idNo: string) => userId ?? `id:${idNo}`;

/** The case row's columns a patch changes (pauses and parts are rows of their own: see the service). */
export function rowPatchOf(p: Partial<CaseSnapshot>): Updateable<CasesTables['svc_cases']> {
  const out: Updateable<CasesTables['svc_cases']> = {};
  if (p.state !== undefined) out.state = p.state;
  if (p.number !== undefined) out.number = p.number;
  if (p.preReview !== undefined) out.pre_review = JSON.stringify(p.preReview);
  if (p.submittedAt !== undefined) out.submitted_at = p.submittedAt;
  if (p.originals !== undefined) out.originals = text(p.originals);
  if (p.acceptedAt !== undefined) out.accepted_at = p.acceptedAt;
  if (p.acceptedBy !== undefined) out.accepted_by = p.acceptedBy;
  if (p.corrections !== undefined) out.corrections = JSON.stringify(p.corrections);
  if (p.stepIndex !== undefined) out.step_index = p.stepIndex;
  if (p.steps !== undefined) out.review_steps = JSON.stringify(p.steps);
  if (p.extension !== undefined) out.extension = text(p.extension);
  if (p.fee !== undefined) out.fee = text(p.fee);
  if (p.decision !== undefined) {
    out.decision = text(p.decision);
    out.outcome = p.decision?.outcome ?? null;
    out.decided_at = p.decision?.at ?? null;
  }
  if (p.delivery !== undefined) out.delivery = text(p.delivery);
  if (p.rating !== undefined) out.rating = text(p.rating);
  if (p.closing !== undefined) out.closing = text(p.closing);
  if (p.issueSiteId !== undefined) out.issue_site_id = p.issueSiteId;
  return out;
}

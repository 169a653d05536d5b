/** Case rows → contract responses (ID numbers and phones masked). */
import type { Static } from '@sinclair/typebox';
import { maskIdNo, maskPhone } from './applicant';
import type { CaseDetail, CaseRow, Clock } from './cases.contract';
import type { CaseRecord, CaseRows, StepRecordRow } from './cases.repo';
import {
  ACTION_INFO,
  STATE_LABELS,
  currentStep,
  type CaseSnapshot,
  type CaseState,
  type WorkingDayClock,
} from './model';

const n = (v: number | null) => (v === null ? null : Number(v));
const terms = (r: CaseRecord) => JSON.parse(r.item_terms) as { name: string };

export function caseRowView(r: CaseRecord): Static<typeof CaseRow> {
  return {
    id: r.id,
    number: r.number,
    itemId: r.item_id,
    itemName: terms(r).name,
    itemVersion: r.item_version,
    kind: r.kind,
    channel: r.channel,
    state: r.state as CaseState,
    stateLabel: STATE_LABELS[r.state as CaseState]?.zh ?? r.state,
    applicantName: r.applicant_name,
    applicantIdNo: maskIdNo(r.applicant_id_no),
    siteId: r.site_id,
    departmentId: r.department_id,
    createdAt: Number(r.created_at),
    submittedAt: n(r.submitted_at),
    acceptedAt: n(r.accepted_at),
    dueAt: n(r.due_at),
  };
}

export function clockView(c: WorkingDayClock | null): Static<typeof Clock> | null {
  if (!c) return null;
  const { limitDays, startDate, dueDate, dueAt, elapsedDays, remainingDays, overdueDays, pausedDays, status } = c;
  return { limitDays, startDate, dueDate, dueAt, elapsedDays, remainingDays, overdueDays, pausedDays, status };
}

export const stepLabel = (action: string) =>
  action in ACTION_INFO
    ? ACTION_INFO[action as keyof typeof ACTION_INFO].zh
    : action === 'create'
      ? '创建申请'
      : action;

export function caseDetailView(
  rows: CaseRows,
  c: CaseSnapshot,
  steps: StepRecordRow[],
  extra: Pick<CaseDetail, 'clock' | 'legalClock' | 'preReviewClock' | 'actions' | 'documents'>,
): CaseDetail {
  const r = rows.row;
  return {
    ...caseRowView(r),
    applicantKind: r.applicant_kind,
    applicantPhone: maskPhone(r.applicant_phone),
    situation: JSON.parse(r.situation),
    form: JSON.parse(r.form),
    agent: c.agent,
    decidedSiteId: r.decided_site_id,
    issueSiteId: r.issue_site_id,
    draftExpiresAt: Number(r.draft_expires_at),
    stepName: c.state === 'accepted' ? currentStep(c).name : null,
    outcome: r.outcome,
    decidedAt: n(r.decided_at),
    trackingNo: c.delivery?.trackingNo ?? null,
    deliveryMethod: c.delivery?.method ?? null,
    materials: rows.materials.map((m) => ({
      id: m.material_id,
      name: m.name,
      required: m.required === 1,
      status: m.status,
      comment: m.comment,
    })),
    parts: c.parts.map((p) => ({
      id: p.id,
      departmentId: p.departmentId,
      name: p.name,
      doneAt: p.doneAt,
      opinion: p.opinion,
    })),
    pauses: c.pauses.map((p) => ({ kind: p.kind, label: p.label, from: p.from, to: p.to })),
    corrections: c.corrections.map((k) => ({
      seq: k.seq,
      noticedAt: k.noticedAt,
      dueAt: k.dueAt,
      suppliedAt: k.suppliedAt,
      items: k.items.map((i) => ({ materialId: i.materialId, name: i.name, problem: i.problem })),
    })),
    preReview: c.preReview.map((p) => ({
      submittedAt: p.submittedAt,
      endedAt: p.endedAt,
      result: p.result,
      comments: p.comments.map((m) => ({ materialId: m.materialId, comment: m.comment })),
    })),
    steps: steps.map((s) => ({
      seq: s.seq,
      action: s.action,
      label: stepLabel(s.action),
      from: s.from_state,
      to: s.to_state,
      by: s.actor_id,
      role: s.role,
      at: Number(s.at),
      comment: s.comment,
    })),
    fee: c.fee ? { amount: c.fee.amount, status: c.fee.status, receiptNo: c.fee.receiptNo } : null,
    extensionDays: c.extension?.days ?? null,
    ...extra,
  };
}

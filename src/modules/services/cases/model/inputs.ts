/** The shape of each action's input: 400s before any rule about the case is looked at. */
import type { ActionType } from './actions';
import type { Validators } from './context';
import { first, refuse, requireText, type Refusal } from './guards';
import type { CaseSnapshot } from './types';

const none = () => null;
const oneOf = (value: unknown, allowed: readonly string[], field: string): Refusal | null =>
  typeof value === 'string' && allowed.includes(value)
    ? null
    : refuse('invalid_input', `${field} 须为 ${allowed.join(' / ')} / ${field} must be one of ${allowed.join(', ')}`);
const optionalString = (value: unknown, field: string): Refusal | null =>
  value === undefined || typeof value === 'string' ? null : refuse('invalid_input', `${field} 须为文本 / must be text`);
const knownMaterial = (c: CaseSnapshot, id: unknown): Refusal | null =>
  c.materials.some((m) => m.id === id)
    ? null
    : refuse('unknown_material', `材料 ${String(id)} 不在本件材料清单中 / not a material of this case`);
const nonEmptyList = (value: unknown, field: string): Refusal | null =>
  Array.isArray(value) && value.length > 0
    ? null
    : refuse('missing_field', `${field} 至少一项 / ${field} needs at least one entry`);
const stringList = (value: unknown, field: string): Refusal | null =>
  value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    ? null
    : refuse('invalid_input', `${field} 须为文本列表 / ${field} must be a list of texts`);

function decisionInput(a: { outcome: unknown; text: unknown; reason?: unknown; legalBasis?: unknown }) {
  return first(
    oneOf(a.outcome, ['granted', 'refused'], 'outcome'),
    requireText(a.text, 'text'),
    a.outcome === 'refused' ? requireText(a.reason, 'reason') : optionalString(a.reason, 'reason'),
    optionalString(a.legalBasis, 'legalBasis'),
  );
}

export const VALIDATORS: Validators<ActionType> = {
  save_draft: none,
  expire_draft: none,
  request_pre_review: none,
  return_pre_review: (a, c) => {
    const list = nonEmptyList(a.comments, 'comments');
    if (list) return list;
    for (const x of a.comments) {
      const bad = first(knownMaterial(c, x?.materialId), requireText(x?.comment, 'comment'));
      if (bad) return bad;
    }
    return null;
  },
  pass_pre_review: (a) => optionalString(a.note, 'note'),
  submit: none,
  record_originals: (a) =>
    first(
      oneOf(a.method, ['window', 'mail'], 'method'),
      a.method === 'mail' ? requireText(a.trackingNo, 'trackingNo') : optionalString(a.trackingNo, 'trackingNo'),
    ),
  accept: none,
  accept_and_decide: decisionInput,
  reject: (a) => first(requireText(a.reason, 'reason'), requireText(a.legalBasis, 'legalBasis')),
  request_correction: (a, c) => {
    const list = nonEmptyList(a.items, 'items');
    if (list) return list;
    const seen = new Set<string>();
    for (const i of a.items) {
      const bad = first(
        requireText(i?.name, 'name'),
        requireText(i?.problem, 'problem'),
        i?.materialId === null ? null : knownMaterial(c, i?.materialId),
      );
      if (bad) return bad;
      const key = i.materialId ?? `name:${i.name.trim()}`;
      if (seen.has(key)) return refuse('invalid_input', `「${i.name}」重复 / "${i.name}" is listed twice`);
      seen.add(key);
    }
    return null;
  },
  supply_correction: (a) => first(stringList(a.materialIds ?? null, 'materialIds'), stringList(a.names, 'names')),
  pass_step: (a) => requireText(a.opinion, 'opinion'),
  return_step: (a) => requireText(a.opinion, 'opinion'),
  complete_part: (a) => first(requireText(a.partId, 'partId'), requireText(a.opinion, 'opinion')),
  start_special_step: (a) => requireText(a.code, 'code'),
  end_special_step: (a) => optionalString(a.note, 'note'),
  extend_limit: (a) =>
    first(
      Number.isSafeInteger(a.days) && a.days > 0
        ? null
        : refuse('invalid_input', 'days 须为正整数 / days must be a positive integer'),
      requireText(a.reason, 'reason'),
    ),
  record_fee: (a) =>
    first(
      Number.isSafeInteger(a.amount) && a.amount >= 0
        ? null
        : refuse('invalid_input', 'amount 须为非负整数（分） / amount must be a whole number of fen ≥ 0'),
      requireText(a.basis, 'basis'),
      oneOf(a.status, ['paid', 'waived'], 'status'),
      a.status === 'paid' ? requireText(a.receiptNo, 'receiptNo') : optionalString(a.receiptNo, 'receiptNo'),
    ),
  decide: decisionInput,
  deliver: (a) => {
    const method = oneOf(a.method, ['window', 'mail', 'electronic'], 'method');
    if (method) return method;
    if (a.method === 'mail') return first(requireText(a.carrier, 'carrier'), requireText(a.trackingNo, 'trackingNo'));
    if (a.method === 'electronic') return requireText(a.licenceId, 'licenceId');
    const r = a.recipient;
    if (!r || typeof r !== 'object') return refuse('missing_field', '缺少领取人 / recipient is required');
    return first(
      oneOf(r.kind, ['applicant', 'proxy'], 'recipient.kind'),
      requireText(r.name, 'recipient.name'),
      oneOf(r.proof, ['receipt', 'id_card'], 'recipient.proof'),
      // 委托他人领取: the written authorisation is part of the record
      r.kind === 'proxy'
        ? requireText(r.authorisation, 'recipient.authorisation')
        : optionalString(r.authorisation, 'recipient.authorisation'),
    );
  },
  rate: (a) =>
    first(
      Number.isInteger(a.level) && a.level >= 1 && a.level <= 5
        ? null
        : refuse('invalid_input', 'level 须为 1–5 / level must be 1 to 5'),
      optionalString(a.comment, 'comment'),
    ),
  withdraw: (a) => requireText(a.reason, 'reason'),
  return_case: (a) => requireText(a.reason, 'reason'),
};

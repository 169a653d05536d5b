/**
 * Orders and timeline steps as Open311 records. Pure. What is published: the request's text,
 * place, category, unit and dates. Never the reporter (name, phone, account): Open311's GET
 * methods need no key, so anyone may read them. Phone and ID-card numbers that people type
 * into their descriptions are masked too.
 */
import { maskIdCard, maskPhone } from '../identity';
import { toBeijingIso } from './params';
import { open311Status, updateMeaning } from './status';

/** The columns of `orders` the facade reads (no reporter columns on purpose). */
export const REQUEST_COLUMNS = [
  'id',
  'number',
  'state',
  'category_code',
  'description',
  'reply',
  'unit_id',
  'urgency',
  'address',
  'lat',
  'lng',
  'created_at',
  'updated_at',
  'closed_at',
  'cancelled_at',
  'completion_deadline',
  'main_order_id',
] as const;

export interface RequestRow {
  id: string;
  number: string;
  state: string;
  category_code: string | null;
  description: string;
  reply: string | null;
  unit_id: string | null;
  urgency: string;
  address: string | null;
  lat: number | string | null;
  lng: number | string | null;
  created_at: number | string;
  updated_at: number | string;
  closed_at: number | string | null;
  cancelled_at: number | string | null;
  completion_deadline: number | string | null;
  main_order_id: string | null;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface ViewLookups {
  unitName(id: string | null): string | null;
  categoryName(code: string | null): string | null;
  /** The service notice of a category and urgency (no order number). */
  notice(code: string | null, urgency: string): string | null;
  /** Numbers of main orders, by id, for merged requests. */
  mainNumbers: ReadonlyMap<string, string>;
}

const STATE_NOTES: Record<string, string> = {
  pending_dispatch: '待分拨 / waiting to be assigned',
  pending_sign: '已分拨，待责任单位签收 / assigned; waiting for the unit to accept it',
  handling: '办理中 / in progress',
  pending_review: '办理结果审核中 / the result is being reviewed',
  pending_visit: '已办理，待回访 / done; a follow-up call will check the result',
  closed: '已办结 / closed',
  archived: '已办结 / closed',
  cancelled: '已撤销 / cancelled',
  merged: '重复反映，已合并 / duplicate',
};

// ── media_url: kept as the description's last line, read back from there ────────────────────

const MEDIA_LINE = '照片/附件 media_url: ';

export function withMediaUrl(description: string, mediaUrl: string | undefined): string {
  return mediaUrl ? `${description}\n\n${MEDIA_LINE}${mediaUrl}` : description;
}

export function splitMediaUrl(description: string): { text: string; mediaUrl: string | null } {
  const at = description.lastIndexOf(`\n\n${MEDIA_LINE}`);
  if (at < 0) return { text: description, mediaUrl: null };
  const url = description.slice(at + 2 + MEDIA_LINE.length).trim();
  return /^https?:\/\/\S+$/.test(url)
    ? { text: description.slice(0, at), mediaUrl: url }
    : { text: description, mediaUrl: null };
}

/** Mobile numbers and ID-card numbers written into free text, masked. */
export function redact(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])/g, (m) => maskIdCard(m) ?? m)
    .replace(
      /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g,
      (m) => maskPhone(m.replace(/[- ]/g, '')) ?? m,
    );
}

const num = (v: number | string | null): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: number | string | null): string | null =>
  v === null || v === undefined ? null : toBeijingIso(Number(v));

export function requestView(r: RequestRow, l: ViewLookups): Open311Request {
  const status = open311Status(r.state);
  const { text, mediaUrl } = splitMediaUrl(r.description);
  const replied = r.reply && ['pending_visit', 'closed', 'archived'].includes(r.state);
  const mainNumber = r.main_order_id ? l.mainNumbers.get(r.main_order_id) : undefined;
  const notes =
    r.state === 'merged' && mainNumber
      ? `重复反映，已合并至 ${mainNumber} / duplicate of ${mainNumber}`
      : replied
        ? redact(r.reply!)
        : (STATE_NOTES[r.state] ?? null);
  // for closed requests the spec wants the date it was closed
  const closedAt =
    status === 'closed' ? (num(r.closed_at) ?? num(r.cancelled_at) ?? num(r.updated_at)) : num(r.updated_at);
  return {
    service_request_id: r.number,
    status,
    status_notes: notes,
    service_name: l.categoryName(r.category_code),
    service_code: r.category_code,
    description: redact(text),
    agency_responsible: l.unitName(r.unit_id),
    service_notice: l.notice(r.category_code, r.urgency),
    requested_datetime: iso(r.created_at)!,
    updated_datetime: iso(closedAt)!,
    expected_datetime: iso(r.completion_deadline),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: num(r.lat),
    long: num(r.lng),
    media_url: mediaUrl,
  };
}

// ── GET servicerequestupdates ───────────────────────────────────────────────────────────────

export interface EventRow {
  id: string;
  order_id: string;
  number: string;
  at: number | string;
  type: string;
  to_state: string | null;
  unit_id: string | null;
  note: string | null;
  data: string;
}

export interface Open311Update {
  update_id: string;
  service_request_id: string;
  status: string;
  description: string;
  updated_datetime: string;
  media_url: string;
}

/**
 * One published step. `approvedReply` is the reply the centre approved (for reply_approved,
 * the latest reply the unit submitted before it). Staff notes (reasons for suspension,
 * cancellation, rejection…) are internal and not published.
 */
export function updateView(
  e: EventRow,
  l: { unitName(id: string | null): string | null; approvedReply?: string | null },
): Open311Update | null {
  const meaning = updateMeaning(e.type, e.to_state);
  if (!meaning) return null;
  let zh = meaning.zh;
  let en = meaning.en;
  if (e.type === 'order.dispatched') {
    const unit = l.unitName(e.unit_id);
    if (unit) zh = `已分拨至${unit}`;
  } else if (e.type === 'order.extension_approved') {
    const granted = numberIn(e.data, 'grantedDeadline');
    if (granted !== null) {
      zh += `至 ${toBeijingIso(granted).slice(0, 16).replace('T', ' ')}`;
      en += ` to ${toBeijingIso(granted)}`;
    }
  }
  const reply =
    e.type === 'order.direct_replied'
      ? (textIn(e.data, 'reply') ?? e.note)
      : e.type === 'order.reply_approved'
        ? (l.approvedReply ?? null)
        : null;
  const description = reply ? `${zh}：${redact(reply)}` : `${zh} / ${en}`;
  return {
    update_id: e.id,
    service_request_id: e.number,
    status: meaning.status,
    description,
    updated_datetime: toBeijingIso(Number(e.at)),
    media_url: '',
  };
}

function parsed(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

function numberIn(json: string, key: string): number | null {
  const v = parsed(json)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function textIn(json: string, key: string): string | null {
  const v = parsed(json)[key];
  return typeof v === 'string' && v ? v : null;
}

/**
 * Open311 inputs, parsed and checked without I/O: the format suffix, form bodies, the POST
 * fields, and the query strings of GET requests and GET servicerequestupdates.
 *
 * The spec's rule for optional arguments: an empty parameter is the same as a missing one.
 * Every problem found is reported (the spec's error response is a list), not only the first.
 */

export type Format = 'json' | 'xml';

/** One entry of the spec's error list. `code` is the HTTP status, as the spec's examples have it. */
export interface Open311Error {
  code: number;
  description: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Open311Error[] };

/** A parsed form or JSON body, or a query string: text values, repeated keys as lists. */
export type Fields = Record<string, unknown>;

export const DAY_MS = 86_400_000;
/** The spec's longest start_date..end_date span, and its default window. */
export const MAX_WINDOW_DAYS = 90;
/** The spec's "first 1000 requests": the largest page. */
export const MAX_PAGE_SIZE = 1000;
export const MAX_DESCRIPTION = 4000;
const BEIJING_MS = 8 * 3_600_000;

export function parseFormat(text: string | undefined): Format | null {
  const f = (text ?? '').toLowerCase();
  return f === 'json' || f === 'xml' ? f : null;
}

/** The suffix of a path (`/open311/v2/requests.xml?x` → 'xml'); for errors outside a route. */
export function formatOfUrl(url: string): Format | null {
  const path = url.split('?')[0];
  const m = /\.([A-Za-z]+)$/.exec(path);
  return m ? parseFormat(m[1]) : null;
}

/** `application/x-www-form-urlencoded` → fields; a key given twice becomes a list. */
export function parseFormBody(text: string): Fields {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

// ── field readers ──────────────────────────────────────────────────────────────────────────

/** Collects problems while fields are read, so one response can list them all. */
class Reader {
  readonly errors: Open311Error[] = [];
  constructor(private f: Fields) {}

  fail(description: string, code = 400): undefined {
    this.errors.push({ code, description });
    return undefined;
  }

  has(name: string): boolean {
    return this.text(name, Infinity, true) !== undefined;
  }

  /** A single text value ('' = absent). Numbers from JSON bodies are taken as their text. */
  text(name: string, max: number, quiet = false): string | undefined {
    let v = Object.prototype.hasOwnProperty.call(this.f, name) ? this.f[name] : undefined;
    if (Array.isArray(v)) {
      const given = v.filter((x) => x !== '' && x !== null && x !== undefined);
      if (given.length > 1) return quiet ? undefined : this.fail(`${name} was given more than once`);
      v = given[0];
    }
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
    if (typeof v !== 'string') return quiet ? undefined : this.fail(`${name} must be text`);
    const t = v.trim();
    if (t === '') return undefined;
    if (t.length > max) return quiet ? undefined : this.fail(`${name} must be at most ${max} characters`);
    return t;
  }

  /** A comma-separated list (repeated keys are joined too), trimmed, without blanks. */
  list(name: string, maxItems: number, maxEach: number): string[] {
    const raw = Object.prototype.hasOwnProperty.call(this.f, name) ? this.f[name] : undefined;
    const given = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    if (!given.every((x) => typeof x === 'string' || typeof x === 'number')) {
      this.fail(`${name} must be text`);
      return [];
    }
    const parts = given
      .flatMap((x) => String(x).split(','))
      .map((x) => x.trim())
      .filter(Boolean);
    if (parts.length > maxItems) {
      this.fail(`${name} lists at most ${maxItems} values`);
      return [];
    }
    const long = parts.find((p) => p.length > maxEach);
    if (long !== undefined) {
      this.fail(`each ${name} must be at most ${maxEach} characters`);
      return [];
    }
    return [...new Set(parts)];
  }

  number(name: string, min: number, max: number): number | undefined {
    const t = this.text(name, 40);
    if (t === undefined) return undefined;
    const n = Number(t);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) || !Number.isFinite(n))
      return this.fail(`${name} must be a decimal number`);
    if (n < min || n > max) return this.fail(`${name} must be between ${min} and ${max}`);
    return n;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const t = this.text(name, 20);
    if (t === undefined) return undefined;
    if (!/^\d+$/.test(t)) return this.fail(`${name} must be a whole number`);
    const n = Number(t);
    if (n < min || n > max) return this.fail(`${name} must be between ${min} and ${max}`);
    return n;
  }

  date(name: string): number | undefined {
    const t = this.text(name, 40);
    if (t === undefined) return undefined;
    const ms = parseW3cDate(t);
    return ms === null ? this.fail(`${name} must be an ISO 8601 date/time such as 2026-03-01T00:00:00+08:00`) : ms;
  }

  result<T>(value: T): Parsed<T> {
    return this.errors.length ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

/**
 * A W3C-profile ISO 8601 instant (YYYY-MM-DD, or with Thh:mm[:ss[.s]] and Z or ±hh:mm).
 * Leniency, documented: a time without a zone and a bare date are Beijing time; a space in
 * place of the zone's '+' (an unencoded '+' in a query string) is read as '+'.
 */
export function parseW3cDate(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2}|\s\d{2}:?\d{2})?)?$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', frac = '', zone] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    h = Number(hh),
    min = Number(mi),
    s = Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || s > 59 || year < 1970 || year > 2200)
    return null;
  const local = Date.UTC(year, month - 1, day, h, min, s, Number(frac.slice(0, 3).padEnd(3, '0')));
  if (new Date(local).getUTCDate() !== day) return null; // 2026-02-30
  let offset = BEIJING_MS;
  if (zone) {
    const z = zone.trim();
    if (z.toUpperCase() === 'Z') offset = 0;
    else {
      const zm = /^([+-]?)(\d{2}):?(\d{2})$/.exec(z)!;
      const mins = Number(zm[2]) * 60 + Number(zm[3]);
      if (Number(zm[2]) > 14 || Number(zm[3]) > 59) return null;
      offset = (zm[1] === '-' ? -1 : 1) * mins * 60_000;
    }
  }
  return local - offset;
}

/** Epoch ms → `2026-03-02T09:00:00+08:00` (Beijing time, whole seconds). */
export function toBeijingIso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + BEIJING_MS).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

// ── POST /requests ─────────────────────────────────────────────────────────────────────────

export interface Submission {
  serviceCode: string;
  lat?: number;
  long?: number;
  addressString?: string;
  addressId?: string;
  /** attribute[code]=v and attribute[code][]=v, by code; values as given. */
  attributes: Record<string, string[]>;
  email?: string;
  deviceId?: string;
  accountId?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  description?: string;
  mediaUrl?: string;
}

/** The api_key of a POST body (or query string), if any; checked before anything else. */
export function apiKeyOf(body: Fields, query: Fields): string | undefined {
  // no length limit here: an over-long key is an invalid key (403), not a missing one
  return new Reader(body).text('api_key', Infinity, true) ?? new Reader(query).text('api_key', Infinity, true);
}

/**
 * `attribute[code]=v`, `attribute[code][]=v` (form bodies), and in JSON bodies also
 * `{"attribute": {"code": "v" | ["v", …]}}`.
 */
export function attributesOf(body: Fields): Parsed<Record<string, string[]>> {
  const out: Record<string, string[]> = Object.create(null);
  const errors: Open311Error[] = [];
  const add = (code: string, v: unknown) => {
    if (!/^[\w.-]{1,64}$/.test(code)) {
      errors.push({ code: 400, description: `attribute code '${code.slice(0, 64)}' is not valid` });
      return;
    }
    const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null && x !== '');
    for (const x of values) {
      if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') {
        errors.push({ code: 400, description: `attribute[${code}] must be text` });
        return;
      }
      if (String(x).length > 1000) {
        errors.push({ code: 400, description: `attribute[${code}] must be at most 1000 characters` });
        return;
      }
    }
    if (values.length) (out[code] ??= []).push(...values.map((x) => String(x).trim()).filter(Boolean));
  };
  for (const [key, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]*)\](\[\])?$/.exec(key);
    if (m) add(m[1], v);
    else if (key === 'attribute' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, x] of Object.entries(v as Record<string, unknown>)) add(code, x);
    } else if (key === 'attribute' && v !== undefined && v !== null && v !== '') {
      errors.push({ code: 400, description: 'attribute must be given as attribute[code]=value' });
    }
  }
  if (Object.keys(out).length > 50) errors.push({ code: 400, description: 'at most 50 attributes may be given' });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** The fields of POST /requests, checked for form only; the service and attributes are checked later. */
export function parseSubmission(body: Fields): Parsed<Submission> {
  const r = new Reader(body);
  const serviceCode = r.text('service_code', 40);
  if (serviceCode === undefined && !r.errors.length) r.fail('service_code is required');
  const lat = r.number('lat', -90, 90);
  const long = r.number('long', -180, 180);
  const latGiven = r.has('lat'),
    longGiven = r.has('long');
  if (latGiven !== longGiven) r.fail('lat and long must be sent together');
  const addressString = r.text('address_string', 200);
  const addressId = r.text('address_id', 64);
  const located = (lat !== undefined && long !== undefined) || addressString !== undefined || addressId !== undefined;
  if (!located && !latGiven && !longGiven)
    r.fail('a location is required: lat and long, or address_string, or address_id');
  const email = r.text('email', 254);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) r.fail('email is not an email address');
  const rawPhone = r.text('phone', 40);
  const phone = rawPhone?.replace(/[\s().-]/g, '');
  if (phone !== undefined && !/^\+?[0-9]{5,20}$/.test(phone)) r.fail('phone must be a phone number (5–20 digits)');
  const description = r.text('description', MAX_DESCRIPTION);
  const mediaUrl = r.text('media_url', 1000);
  if (mediaUrl !== undefined && !isHttpUrl(mediaUrl)) r.fail('media_url must be an http(s) URL');
  const firstName = r.text('first_name', 50);
  const lastName = r.text('last_name', 50);
  const deviceId = r.text('device_id', 100);
  const accountId = r.text('account_id', 100);
  const attributes = attributesOf(body);
  if (!attributes.ok) r.errors.push(...attributes.errors);
  return r.result({
    serviceCode: serviceCode ?? '',
    lat,
    long,
    addressString,
    addressId,
    attributes: attributes.ok ? attributes.value : {},
    email,
    deviceId,
    accountId,
    firstName,
    lastName,
    phone,
    description,
    mediaUrl,
  });
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !/\s/.test(s);
  } catch {
    return false;
  }
}

// ── GET /requests and GET /servicerequestupdates ──────────────────────────────────────────

export interface Window {
  start: number;
  end: number;
}

export interface Page {
  page: number;
  pageSize: number;
}

export interface RequestQuery extends Page {
  /** When given, the only filter (the spec: it "overrides all other arguments"). */
  ids: string[];
  serviceCodes: string[];
  window: Window;
  status: Array<'open' | 'closed'>;
}

/**
 * start_date/end_date: both given → that span (at most 90 days); one given → 90 days from or
 * to it; none → the last 90 days up to `now`. Bounds are inclusive.
 */
function windowOf(r: Reader, now: number): Window {
  const start = r.date('start_date');
  const end = r.date('end_date');
  const span = MAX_WINDOW_DAYS * DAY_MS;
  const w: Window =
    start !== undefined && end !== undefined
      ? { start, end }
      : start !== undefined
        ? { start, end: start + span }
        : end !== undefined
          ? { start: end - span, end }
          : { start: now - span, end: now };
  if (w.start > w.end) r.fail('start_date must not be after end_date');
  else if (w.end - w.start > span) r.fail(`start_date and end_date may span at most ${MAX_WINDOW_DAYS} days`);
  return w;
}

function pageOf(r: Reader): Page {
  return {
    page: r.integer('page', 1, 100_000) ?? 1,
    pageSize: r.integer('page_size', 1, MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE,
  };
}

export function parseRequestQuery(query: Fields, now: number): Parsed<RequestQuery> {
  const r = new Reader(query);
  const ids = r.list('service_request_id', MAX_PAGE_SIZE, 40).map((s) => s.toUpperCase());
  const paging = pageOf(r);
  if (ids.length) return r.result({ ids, serviceCodes: [], window: { start: 0, end: 0 }, status: [], ...paging });
  const serviceCodes = r.list('service_code', 200, 40);
  const status = r.list('status', 2, 10);
  const bad = status.filter((s) => s !== 'open' && s !== 'closed');
  if (bad.length) r.fail(`status must be open or closed (got ${bad.join(', ')})`);
  const window = windowOf(r, now);
  return r.result({ ids: [], serviceCodes, window, status: status as RequestQuery['status'], ...paging });
}

export interface UpdatesQuery extends Page {
  window: Window;
}

export function parseUpdatesQuery(query: Fields, now: number): Parsed<UpdatesQuery> {
  const r = new Reader(query);
  const window = windowOf(r, now);
  return r.result({ window, ...pageOf(r) });
}

import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  attributesOf,
  formatOfUrl,
  parseFormBody,
  parseFormat,
  parseRequestQuery,
  parseSubmission,
  parseUpdatesQuery,
  parseW3cDate,
  toBeijingIso,
} from './params';

const NOW = Date.parse('2026-03-02T01:00:00Z');

describe('formats', () => {
  it('knows json and xml only, from a parameter or a URL', () => {
    expect(parseFormat('json')).toBe('json');
    expect(parseFormat('XML')).toBe('xml');
    expect(parseFormat('html')).toBeNull();
    expect(parseFormat(undefined)).toBeNull();
    expect(formatOfUrl('/open311/v2/requests.xml?x=1.json')).toBe('xml');
    expect(formatOfUrl('/open311/v2/requests')).toBeNull();
  });
});

describe('parseW3cDate / toBeijingIso', () => {
  it('reads the W3C profile with Z or an offset', () => {
    expect(parseW3cDate('2010-01-01T00:00:00Z')).toBe(Date.UTC(2010, 0, 1));
    expect(parseW3cDate('1994-11-05T08:15:30-05:00')).toBe(Date.parse('1994-11-05T13:15:30Z'));
    expect(parseW3cDate('2026-03-02T09:00:00.5+08:00')).toBe(NOW + 500);
    expect(parseW3cDate('2026-03-02T09:00+0800')).toBe(NOW);
  });
  it('takes a bare date or a zoneless time as Beijing time, and a space for an unencoded +', () => {
    expect(parseW3cDate('2026-03-02')).toBe(Date.parse('2026-03-01T16:00:00Z'));
    expect(parseW3cDate('2026-03-02T09:00:00')).toBe(NOW);
    expect(parseW3cDate('2026-03-02T09:00:00 08:00')).toBe(NOW);
  });
  it('refuses impossible dates and junk', () => {
    for (const s of [
      '2026-02-30',
      '2026-13-01',
      '2026-03-01T24:00:00Z',
      '2026-03-01T00:00:00+15:00',
      'yesterday',
      '',
      '9999-01-01',
      '2026-3-1',
    ]) {
      expect(parseW3cDate(s), s).toBeNull();
    }
  });
  it('writes Beijing time with +08:00 and whole seconds', () => {
    expect(toBeijingIso(NOW + 999)).toBe('2026-03-02T09:00:00+08:00');
    expect(toBeijingIso(Date.parse('2026-03-01T16:30:00Z'))).toBe('2026-03-02T00:30:00+08:00');
  });
});

describe('form bodies and attributes', () => {
  it('parses a form with repeated keys as lists', () => {
    const f = parseFormBody(
      'api_key=k&attribute%5Burgency%5D=urgent&attribute[tags][]=a&attribute[tags][]=b&description=a+b%0Ac',
    );
    expect(f.api_key).toBe('k');
    expect(f['attribute[urgency]']).toBe('urgent');
    expect(f['attribute[tags][]']).toEqual(['a', 'b']);
    expect(f.description).toBe('a b\nc');
    expect(Object.getPrototypeOf(parseFormBody('__proto__=x'))).toBeNull();
  });
  it('reads attribute[code], attribute[code][] and a JSON attribute object', () => {
    expect(attributesOf({ 'attribute[urgency]': 'urgent', 'attribute[tags][]': ['a', 'b'] })).toEqual({
      ok: true,
      value: { urgency: ['urgent'], tags: ['a', 'b'] },
    });
    expect(attributesOf({ attribute: { urgency: 'emergency', n: 5 } })).toEqual({
      ok: true,
      value: { urgency: ['emergency'], n: ['5'] },
    });
    expect(attributesOf({ attribute: 'x' }).ok).toBe(false);
    expect(attributesOf({ 'attribute[]': 'x' }).ok).toBe(false);
    expect(attributesOf({ attribute: { urgency: { deep: 1 } } }).ok).toBe(false);
  });
});

describe('parseSubmission', () => {
  const base = { api_key: 'k', service_code: '010401' };
  it('needs a service code and a location, and lists every problem', () => {
    const r = parseSubmission({ lat: 'abc', long: '500', email: 'x', phone: 'call me', media_url: 'ftp://x' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.description)).toEqual([
        'service_code is required',
        'lat must be a decimal number',
        'long must be between -180 and 180',
        'email is not an email address',
        'phone must be a phone number (5–20 digits)',
        'media_url must be an http(s) URL',
      ]);
    const none = parseSubmission(base);
    expect(!none.ok && none.errors[0].description).toMatch(/location is required/);
  });
  it('treats empty parameters as missing and cleans phone numbers', () => {
    const r = parseSubmission({
      ...base,
      address_string: ' 海五路 ',
      lat: '',
      long: '',
      email: '',
      phone: '(0757) 8622-1234',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { addressString: '海五路', lat: undefined, phone: '075786221234', email: undefined },
    });
  });
  it('reads numbers from JSON bodies and refuses lists for single fields', () => {
    expect(parseSubmission({ ...base, lat: 23.03, long: 113.15 })).toMatchObject({
      ok: true,
      value: { lat: 23.03, long: 113.15 },
    });
    expect(parseSubmission({ ...base, address_id: 'P1', service_code: ['a', 'b'] }).ok).toBe(false);
    expect(parseSubmission({ ...base, address_id: { a: 1 } }).ok).toBe(false);
    expect(parseSubmission({ ...base, address_id: 'P1', description: 'x'.repeat(4001) }).ok).toBe(false);
  });
});

describe('GET query strings', () => {
  it('defaults to the last 90 days and the first 1000', () => {
    expect(parseRequestQuery({}, NOW)).toEqual({
      ok: true,
      value: {
        ids: [],
        serviceCodes: [],
        status: [],
        window: { start: NOW - 90 * DAY_MS, end: NOW },
        page: 1,
        pageSize: 1000,
      },
    });
  });
  it('lets service_request_id override the rest, even invalid rest', () => {
    const r = parseRequestQuery({ service_request_id: 'gc1, GC2,,gc1', status: 'bogus', start_date: 'bogus' }, NOW);
    expect(r).toMatchObject({ ok: true, value: { ids: ['GC1', 'GC2'] } });
  });
  it('reads comma lists and repeated keys; checks status, windows and pages', () => {
    expect(parseRequestQuery({ service_code: ['01,02', '03'], status: 'open' }, NOW)).toMatchObject({
      ok: true,
      value: { serviceCodes: ['01', '02', '03'], status: ['open'] },
    });
    const start = '2026-01-01T00:00:00Z';
    expect(parseRequestQuery({ start_date: start }, NOW)).toMatchObject({
      ok: true,
      value: { window: { start: Date.parse(start), end: Date.parse(start) + 90 * DAY_MS } },
    });
    for (const bad of [
      { status: 'pending' },
      { start_date: '2025-01-01', end_date: '2026-01-01' },
      { start_date: '2026-02-01', end_date: '2026-01-01' },
      { page: '0' },
      { page_size: '1001' },
      { page: '1.5' },
    ]) {
      expect(parseRequestQuery(bad, NOW).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseUpdatesQuery({ end_date: '2026-03-01T00:00:00Z' }, NOW)).toMatchObject({
      ok: true,
      value: { window: { end: Date.parse('2026-03-01T00:00:00Z') } },
    });
  });
});

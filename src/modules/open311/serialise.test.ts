import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { render, renderErrors, toXml } from './serialise';
import { redact, requestView, splitMediaUrl, updateView, withMediaUrl, type RequestRow } from './views';
import { open311Status, statesOf, updateMeaning } from './status';

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ parseTagValue: false }).parse(xml);
};

describe('serialise', () => {
  it("wraps lists in the spec's elements and keeps JSON a bare list", () => {
    const xml = toXml('service_requests', [{ service_request_id: 'GC1', lat: null, ok: true }]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>')).toBe(true);
    expect(parse(xml).service_requests.request).toEqual({ service_request_id: 'GC1', lat: '', ok: 'true' });
    expect(render('json', 'service_requests', [{ a: 1 }])).toEqual({
      body: '[{"a":1}]',
      contentType: 'application/json; charset=utf-8',
    });
    expect(toXml('services', [])).toContain('<services></services>');
    expect(
      parse(toXml('service_request_updates', [{ update_id: 'u' }])).service_requests_updates.request_update.update_id,
    ).toBe('u');
  });

  it('names nested lists: endpoints/endpoint, formats/format, attributes/attribute, values/value', () => {
    const d = parse(
      toXml('discovery', { changeset: 'c', endpoints: [{ formats: ['text/xml', 'application/json'] }] }),
    ).discovery;
    expect(d.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    const s = parse(
      toXml('service_definition', {
        service_code: '01',
        attributes: [{ code: 'u', values: [{ key: 'a', name: 'A' }] }],
      }),
    ).service_definition;
    expect(s.attributes.attribute.values.value).toEqual({ key: 'a', name: 'A' });
  });

  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    const xml = toXml('errors', [{ code: 400, description: 'a<b>&c\u0001\u0008\ud800 ]]> 😀' }]);
    expect(parse(xml).errors.error.description).toBe('a<b>&c ]]> 😀');
    expect(renderErrors('json', [{ code: 403, description: 'no' }]).body).toBe('[{"code":403,"description":"no"}]');
  });
});

describe('views and statuses', () => {
  const row: RequestRow = {
    id: 'o1',
    number: 'GC2026030200001',
    state: 'merged',
    category_code: '010401',
    description: withMediaUrl('灯坏了 13812345678', 'https://x/y.jpg'),
    reply: null,
    unit_id: null,
    urgency: 'normal',
    address: null,
    lat: '23.1',
    lng: 113.2,
    created_at: '1772413200000',
    updated_at: 1772413260000,
    closed_at: null,
    cancelled_at: null,
    completion_deadline: null,
    main_order_id: 'o0',
  };
  const l = {
    unitName: () => null,
    categoryName: () => '路灯故障',
    notice: () => null,
    mainNumbers: new Map([['o0', 'GC2026030200000']]),
  };

  it('maps states to open/closed as documented', () => {
    expect(['closed', 'archived', 'cancelled', 'merged'].map(open311Status)).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
    ]);
    expect(
      ['pending_dispatch', 'pending_sign', 'handling', 'pending_review', 'pending_visit'].map(open311Status),
    ).toEqual(Array(5).fill('open'));
    expect(statesOf(['open', 'closed'])).toHaveLength(9);
  });

  it('publishes a request without the reporter, media_url split back out, numbers as numbers', () => {
    const v = requestView(row, l);
    expect(v).toMatchObject({
      status: 'closed',
      description: '灯坏了 138****5678',
      media_url: 'https://x/y.jpg',
      lat: 23.1,
      long: 113.2,
      status_notes: expect.stringContaining('GC2026030200000'),
    });
    expect(v.requested_datetime).toBe('2026-03-02T09:00:00+08:00');
    expect(v.updated_datetime).toBe('2026-03-02T09:01:00+08:00');
    expect(splitMediaUrl('plain')).toEqual({ text: 'plain', mediaUrl: null });
  });

  it('masks phone and ID-card numbers typed into text', () => {
    expect(redact('call 13812345678 or +86 138-1234-5678, id 44060219900101123X, order GC2026030200001')).toBe(
      'call 138****5678 or +86****5678, id 4406**********123X, order GC2026030200001',
    );
  });

  it('turns timeline steps into mySociety statuses, internal steps into nothing', () => {
    expect(updateMeaning('order.visited', 'handling')?.status).toBe('reopen');
    expect(updateMeaning('order.visited', 'closed')?.status).toBe('closed');
    expect(updateMeaning('order.urged', null)).toBeNull();
    const e = {
      id: 'e1',
      order_id: 'o1',
      number: 'GC1',
      at: 1772413200000,
      type: 'order.dispatched',
      to_state: 'pending_sign',
      unit_id: 'u1',
      note: '内部备注',
      data: '{}',
    };
    expect(updateView(e, { unitName: () => '城管' })).toEqual({
      update_id: 'e1',
      service_request_id: 'GC1',
      status: 'investigating',
      description: '已分拨至城管 / assigned to the responsible unit',
      updated_datetime: '2026-03-02T09:00:00+08:00',
      media_url: '',
    });
    expect(
      updateView({ ...e, type: 'order.suspended', note: '内部原因' }, { unitName: () => null })?.description,
    ).not.toContain('内部原因');
    expect(updateView({ ...e, type: 'order.return_requested' }, { unitName: () => null })).toBeNull();
  });
});

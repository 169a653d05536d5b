import { describe, expect, it } from 'vitest';
import { attributesOf, matchesQ, parseQ } from './q';

const e = {
  id: 'urn:ngsi-ld:AirQualityObserved:A1',
  type: 'AirQualityObserved',
  pm25: { type: 'Property', value: 80, observedAt: '2026-03-02T01:00:00Z' },
  airQualityIndex: { type: 'Property', value: 120 },
  name: { type: 'Property', value: '站 1' },
  category: { type: 'Property', value: ['air_quality'] },
  address: { type: 'Property', value: { streetAddress: '桂城' } },
  dateObserved: { type: 'Property', value: '2026-03-02' },
};
const m = (q: string) => matchesQ(parseQ(q), e);

describe('NGSI-LD q', () => {
  it('compares numbers, strings and booleans', () => {
    for (const q of [
      'pm25==80',
      'pm25!=81',
      'pm25>79',
      'pm25>=80',
      'pm25<81',
      'pm25<=80',
      'name=="站 1"',
      'category=="air_quality"',
    ])
      expect(m(q), q).toBe(true);
    for (const q of ['pm25==81', 'pm25!=80', 'pm25>80', 'pm25<80', 'name=="x"', 'pm25>"a"', 'flag==true'])
      expect(m(q), q).toBe(false);
  });
  it('AND binds tighter than OR; parentheses group', () => {
    expect(m('pm25>100;airQualityIndex>100|name=="站 1"')).toBe(true);
    expect(m('pm25>100;(airQualityIndex>100|name=="站 1")')).toBe(false);
    expect(m('pm25>50;airQualityIndex<200')).toBe(true);
  });
  it('lists, ranges, existence, members and dates', () => {
    expect(m('pm25==70,80,90')).toBe(true);
    expect(m('pm25!=70,90')).toBe(true);
    expect(m('pm25==70..90')).toBe(true);
    expect(m('pm25==81..90')).toBe(false);
    expect(m('pm25')).toBe(true);
    expect(m('pm10')).toBe(false);
    expect(m('pm10!=1')).toBe(false);
    expect(m('address[streetAddress]=="桂城"')).toBe(true);
    expect(m('dateObserved>=2026-03-01')).toBe(true);
    expect(m('pm25>-1')).toBe(true);
  });
  it('names the attributes a query reads', () => {
    expect(attributesOf(parseQ('pm25>1;(aqi<2|pm25==3)'))).toEqual(['pm25', 'aqi']);
  });
  it('refuses malformed queries as BadRequestData and pattern operators as OperationNotSupported', () => {
    for (const q of [
      '',
      'pm25>',
      'pm25>>1',
      '(pm25>1',
      'pm25>1)',
      'pm25>x',
      'pm25>1,2',
      '"a"==1',
      'a[b==1',
      'a=="x',
      'x'.repeat(2001),
    ])
      expect(() => parseQ(q), q).toThrow(expect.objectContaining({ status: 400, code: 'BadRequestData' }));
    expect(() => parseQ('name~="a.*"')).toThrow(
      expect.objectContaining({ status: 422, code: 'OperationNotSupported' }),
    );
    expect(() => parseQ('('.repeat(20) + 'a' + ')'.repeat(20))).toThrow(expect.objectContaining({ status: 400 }));
  });
});

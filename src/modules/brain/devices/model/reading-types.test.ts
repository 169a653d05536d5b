import { describe, expect, it } from 'vitest';
import {
  checkReading,
  checkValues,
  DEVICE_TYPE_SPECS,
  DEVICE_TYPES,
  type DeviceType,
  MAX_FUTURE_SKEW_MS,
  type MetricSpec,
  parseMessage,
} from './reading-types';

/** A valid value for a metric: the middle of its range, or false. */
const good = (m: MetricSpec) =>
  m.kind === 'boolean' ? false : m.kind === 'integer' ? Math.round((m.min! + m.max!) / 2) : (m.min! + m.max!) / 2;
const valid = (t: DeviceType) =>
  Object.fromEntries(DEVICE_TYPE_SPECS[t].metrics.filter((m) => m.required).map((m) => [m.key, good(m)]));

describe('device reading schemas', () => {
  it('has a spec for every type, with a cadence, units and closed ranges for numbers', () => {
    expect(Object.keys(DEVICE_TYPE_SPECS).sort()).toEqual([...DEVICE_TYPES].sort());
    for (const t of DEVICE_TYPES) {
      const s = DEVICE_TYPE_SPECS[t];
      expect(s.type).toBe(t);
      expect(s.cadenceS).toBeGreaterThan(0);
      expect(s.metrics.some((m) => m.required)).toBe(true);
      expect(new Set(s.metrics.map((m) => m.key)).size).toBe(s.metrics.length);
      for (const m of s.metrics)
        if (m.kind !== 'boolean') {
          expect(m.min, `${t}.${m.key}`).toBeTypeOf('number');
          expect(m.max!).toBeGreaterThan(m.min!);
        }
    }
  });

  it('names the units the issue asks for', () => {
    const unit = (t: DeviceType, k: string) => DEVICE_TYPE_SPECS[t].metrics.find((m) => m.key === k)?.unit;
    expect(unit('water_level', 'level')).toBe('m');
    expect(unit('air_quality', 'pm25')).toBe('µg/m³');
    expect(unit('air_quality', 'pm10')).toBe('µg/m³');
    expect(unit('noise', 'laeq')).toBe('dB(A)');
    expect(unit('hydrant_pressure', 'pressure')).toBe('MPa');
    expect(unit('outfall_quality', 'cod')).toBe('mg/L');
    expect(unit('outfall_quality', 'ammonia')).toBe('mg/L');
    expect(unit('gas_leak', 'lel')).toBe('%LEL');
    expect(unit('manhole_cover', 'tilt')).toBe('°');
    expect(unit('street_light', 'power')).toBe('W');
  });

  describe.each(DEVICE_TYPES)('%s', (t) => {
    const spec = DEVICE_TYPE_SPECS[t];
    it('accepts the required metrics and every optional one', () => {
      expect(checkValues(t, valid(t))).toEqual({ ok: true, values: valid(t) });
      const all = Object.fromEntries(spec.metrics.map((m) => [m.key, good(m)]));
      expect(checkValues(t, all)).toEqual({ ok: true, values: all });
    });

    it.each(spec.metrics.filter((m) => m.kind !== 'boolean').map((m) => [m.key, m] as const))(
      'takes %s at both bounds and refuses it just outside',
      (_k, m) => {
        for (const v of [m.min!, m.max!]) expect(checkValues(t, { ...valid(t), [m.key]: v }).ok).toBe(true);
        const step = m.kind === 'integer' ? 1 : 0.001;
        for (const v of [m.min! - step, m.max! + step])
          expect(checkValues(t, { ...valid(t), [m.key]: v })).toMatchObject({
            ok: false,
            reason: 'out_of_range',
            field: m.key,
          });
      },
    );

    it.each(spec.metrics.map((m) => [m.key, m] as const))('refuses %s of the wrong type', (_k, m) => {
      const wrong = m.kind === 'boolean' ? [1, 'true', {}] : ['1', true, [1], {}];
      for (const w of wrong)
        expect(checkValues(t, { ...valid(t), [m.key]: w })).toMatchObject({
          ok: false,
          reason: 'wrong_type',
          field: m.key,
        });
      if (m.kind === 'integer')
        expect(checkValues(t, { ...valid(t), [m.key]: 1.5 })).toMatchObject({ reason: 'wrong_type' });
    });

    it.each(spec.metrics.filter((m) => m.required).map((m) => [m.key] as const))('requires %s', (k) => {
      const v: Record<string, unknown> = valid(t);
      delete v[k];
      expect(checkValues(t, v)).toMatchObject({ ok: false, reason: 'missing_field', field: k });
      expect(checkValues(t, { ...valid(t), [k]: null })).toMatchObject({ ok: false, reason: 'missing_field' });
    });

    it('refuses a field the type does not report, and a non-object', () => {
      expect(checkValues(t, { ...valid(t), temperature: 20 })).toMatchObject({
        ok: false,
        reason: 'unknown_field',
        field: 'temperature',
      });
      for (const v of [null, 5, 'x', [valid(t)]]) expect(checkValues(t, v)).toMatchObject({ reason: 'malformed' });
    });
  });

  it('refuses NaN and infinities (not JSON, but a bug upstream)', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(checkValues('noise', { laeq: v })).toMatchObject({ reason: 'wrong_type' });
  });
});

describe('telemetry messages', () => {
  it('parses {at, values} and {values}', () => {
    expect(parseMessage('{"at":1700000000000,"values":{"laeq":55}}')).toEqual({
      ok: true,
      at: 1700000000000,
      values: { laeq: 55 },
    });
    expect(parseMessage(Buffer.from('{"values":{"laeq":55}}'))).toEqual({ ok: true, at: null, values: { laeq: 55 } });
  });

  it.each([
    ['{', 'not JSON'],
    ['', 'not JSON'],
    ['[1]', 'not a JSON object'],
    ['"x"', 'not a JSON object'],
    ['null', 'not a JSON object'],
    ['{"values":5}', 'values must be an object'],
    ['{"at":1}', 'values must be an object'],
    ['{"at":"2026-01-01","values":{}}', 'at must be epoch milliseconds'],
    ['{"at":1.5,"values":{}}', 'at must be epoch milliseconds'],
    ['{"at":-1,"values":{}}', 'at must be epoch milliseconds'],
    ['{"values":{},"x":1}', 'unknown member x'],
  ])('refuses %s as malformed', (text, message) => {
    expect(parseMessage(text)).toEqual({ ok: false, reason: 'malformed', message });
  });

  it('never throws on bytes that are not UTF-8 JSON', () => {
    expect(parseMessage(Buffer.from([0xff, 0xfe, 0x00, 0x7b])).ok).toBe(false);
  });

  it('stamps a reading without `at` with the arrival time and refuses one from the future', () => {
    const now = 1_800_000_000_000;
    expect(checkReading('noise', { at: null, values: { laeq: 50 } }, now)).toEqual({
      ok: true,
      at: now,
      values: { laeq: 50 },
    });
    expect(checkReading('noise', { at: now + MAX_FUTURE_SKEW_MS, values: { laeq: 50 } }, now).ok).toBe(true);
    expect(checkReading('noise', { at: now + MAX_FUTURE_SKEW_MS + 1, values: { laeq: 50 } }, now)).toMatchObject({
      ok: false,
      reason: 'future_time',
    });
    expect(checkReading('noise', { at: now - 1000, values: { laeq: 10 } }, now)).toMatchObject({
      reason: 'out_of_range',
    });
  });
});

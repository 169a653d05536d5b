import { describe, expect, it } from 'vitest';
import { cameraEntity, deviceEntity, keyValues, parseEntityId, project, typeNamed } from './entities';
import { toProblem } from './problem';

const device = {
  id: 'AQ-1',
  type: 'air_quality',
  model: null,
  name: '空气站',
  address: '桂城街道',
  lng: 113.15,
  lat: 23.03,
  community_code: 'C1',
  status: 'active',
  last_reading: JSON.stringify({ pm25: 80, pm10: 120, aqi: 110 }),
  last_reading_at: Date.parse('2026-03-02T01:00:00Z'),
  last_seen: Date.parse('2026-03-02T01:00:05Z'),
  updated_at: 0,
};

describe('NGSI-LD entity mapping', () => {
  it('maps a device to its Smart Data Model with unit codes and observedAt', () => {
    const e = deviceEntity(device, true)!;
    expect(e.id).toBe('urn:ngsi-ld:AirQualityObserved:AQ-1');
    expect(e.type).toBe('AirQualityObserved');
    expect(e.pm25).toEqual({ type: 'Property', value: 80, observedAt: '2026-03-02T01:00:00.000Z', unitCode: 'GQ' });
    expect((e.airQualityIndex as { value: number }).value).toBe(110);
    expect(e.location).toEqual({ type: 'GeoProperty', value: { type: 'Point', coordinates: [113.15, 23.03] } });
    expect((e.deviceState as { value: string }).value).toBe('online');
    expect(deviceEntity({ ...device, type: 'unknown' }, true)).toBeNull();
    const light = deviceEntity(
      { ...device, type: 'street_light', last_reading: '{"on":true,"power":80,"fault":false}' },
      false,
    )!;
    expect(light.type).toBe('Streetlight');
    expect(keyValues(light)).toMatchObject({ powerState: 'on', status: 'ok', powerConsumption: 80 });
  });
  it('maps a camera, projects attrs and gives keyValues', () => {
    const c = cameraEntity({
      id: '44060500001320000001',
      name: '路口',
      lng: 113.1,
      lat: 23.0,
      ptz: 1,
      direction: 90,
      online: 0,
      address: null,
      community_code: null,
      updated_at: 0,
    });
    expect(keyValues(project(c, ['cameraType', 'status', 'nope']))).toEqual({
      id: 'urn:ngsi-ld:Camera:44060500001320000001',
      type: 'Camera',
      cameraType: 'PTZ',
      status: 'off',
    });
  });
  it('parses entity ids and type names', () => {
    expect(parseEntityId('urn:ngsi-ld:Camera:123')).toEqual({ type: 'Camera', local: '123' });
    expect(parseEntityId('urn:ngsi-ld:Car:1')).toBeNull();
    expect(parseEntityId('x')).toBeNull();
    expect(typeNamed('https://smartdatamodels.org/dataModel.Device/Device')).toBe('Device');
    expect(typeNamed('Car')).toBeNull();
  });
  it('gives ProblemDetails with the house error inside', () => {
    expect(toProblem(400, { code: 'invalid_request', message: 'm' })).toEqual({
      type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData',
      title: 'BadRequestData',
      status: 400,
      detail: 'm',
      error: { code: 'invalid_request', message: 'm' },
    });
    expect(toProblem(403, { code: 'forbidden', message: 'no' }).type).toBe('urn:yiwang:errors:forbidden');
  });
});

import { describe, expect, it } from 'vitest';
import { isOnline, MISSED_REPORTS, offlineAfterMs, onlineRates, onlineSince } from './presence';
import { DEVICE_TYPE_SPECS, DEVICE_TYPES } from './reading-types';

const NOW = 1_800_000_000_000;

describe('device presence', () => {
  it.each(DEVICE_TYPES)('%s is online up to its missed reports and offline one ms later', (type) => {
    const limit = DEVICE_TYPE_SPECS[type].cadenceS * 1000 * MISSED_REPORTS;
    expect(offlineAfterMs(type)).toBe(limit);
    expect(isOnline({ type, status: 'active', lastSeen: NOW }, NOW)).toBe(true);
    expect(isOnline({ type, status: 'active', lastSeen: NOW - limit }, NOW)).toBe(true);
    expect(isOnline({ type, status: 'active', lastSeen: NOW - limit - 1 }, NOW)).toBe(false);
    expect(onlineSince(NOW)[type]).toBe(NOW - limit);
  });

  it('is offline when never heard or retired; maintenance still reports', () => {
    expect(isOnline({ type: 'noise', status: 'active', lastSeen: null }, NOW)).toBe(false);
    expect(isOnline({ type: 'noise', status: 'retired', lastSeen: NOW }, NOW)).toBe(false);
    expect(isOnline({ type: 'noise', status: 'maintenance', lastSeen: NOW }, NOW)).toBe(true);
  });

  it('a slow type stays online where a fast one has gone offline', () => {
    const at = NOW - 20 * 60_000; // 20 min ago: 4 missed 5-min reports, under one missed hour
    expect(isOnline({ type: 'noise', status: 'active', lastSeen: at }, NOW)).toBe(false);
    expect(isOnline({ type: 'air_quality', status: 'active', lastSeen: at }, NOW)).toBe(true);
  });

  it('counts the online rate per type over the devices in service', () => {
    const r = onlineRates(
      [
        { type: 'noise', status: 'active', lastSeen: NOW },
        { type: 'noise', status: 'active', lastSeen: null },
        { type: 'noise', status: 'maintenance', lastSeen: NOW - offlineAfterMs('noise') - 1 },
        { type: 'noise', status: 'retired', lastSeen: NOW },
        { type: 'gas_leak', status: 'active', lastSeen: NOW - 1000 },
      ],
      NOW,
    );
    expect(r.items).toHaveLength(DEVICE_TYPES.length);
    expect(r.items.find((i) => i.type === 'noise')).toEqual({ type: 'noise', total: 3, online: 1, rate: 1 / 3 });
    expect(r.items.find((i) => i.type === 'gas_leak')).toEqual({ type: 'gas_leak', total: 1, online: 1, rate: 1 });
    expect(r.items.find((i) => i.type === 'smoke_detector')).toEqual({
      type: 'smoke_detector',
      total: 0,
      online: 0,
      rate: 0,
    });
    expect({ total: r.total, online: r.online, rate: r.rate }).toEqual({ total: 4, online: 2, rate: 0.5 });
  });

  it('answers rate 0 with no devices at all', () => {
    expect(onlineRates([], NOW)).toMatchObject({ total: 0, online: 0, rate: 0 });
  });
});

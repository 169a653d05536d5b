/** The browser's position (WGS-84, as the Geolocation API gives it), with errors as i18n keys. */
import type { MessageKey } from '../../../../i18n';

export interface Position {
  lng: number;
  lat: number;
  /** Metres, as the browser estimates it. */
  accuracy?: number;
}

export class GeoError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

export function currentPosition(timeoutMs = 15_000): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator) || !navigator.geolocation) {
      reject(new GeoError('ops.loc.unsupported'));
      return;
    }
    if (!window.isSecureContext) {
      reject(new GeoError('ops.loc.insecure'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lng: round(p.coords.longitude),
          lat: round(p.coords.latitude),
          accuracy: Math.round(p.coords.accuracy),
        }),
      (e) =>
        reject(
          new GeoError(
            e.code === e.PERMISSION_DENIED
              ? 'ops.loc.denied'
              : e.code === e.TIMEOUT
                ? 'ops.loc.timeout'
                : 'ops.loc.unavailable',
          ),
        ),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}

/** Six decimals ≈ 0.1 m: more says nothing a phone can know. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

import type { Route } from '../waylines/route';

/**
 * The route of an emergency or verification flight to a point (a work order's location): four
 * waypoints on a circle of `radiusM` around it, each looking at the centre and taking a picture.
 * Pure. The drone/payload enums default to the Mavic 3D of a Dock 2.
 */
export function routeAround(
  point: { lng: number; lat: number },
  o: {
    name: string;
    radiusM?: number;
    height?: number;
    droneEnum?: number;
    droneSubEnum?: number;
    payloadEnum?: number;
  },
): Route {
  const r = o.radiusM ?? 40;
  const h = o.height ?? 60;
  const dLat = r / 111_320;
  const dLng = r / (111_320 * Math.cos((point.lat * Math.PI) / 180));
  const corners: [number, number, number][] = [
    [point.lng, point.lat + dLat, 180],
    [point.lng + dLng, point.lat, -90],
    [point.lng, point.lat - dLat, 0],
    [point.lng - dLng, point.lat, 90],
  ];
  return {
    name: o.name,
    droneEnum: o.droneEnum ?? 91,
    droneSubEnum: o.droneSubEnum ?? 0,
    payloadEnum: o.payloadEnum ?? 80,
    takeOffSecurityHeight: 20,
    globalSpeed: 10,
    globalRthHeight: Math.max(80, h + 20),
    heightMode: 'relativeToStartPoint',
    finishAction: 'goHome',
    exitOnRcLost: 'goContinue',
    waypoints: corners.map(([lng, lat, yaw]) => ({
      lng: Math.round(lng * 1e7) / 1e7,
      lat: Math.round(lat * 1e7) / 1e7,
      height: h,
      actions: [{ kind: 'gimbalRotate', pitch: -45, yaw }, { kind: 'takePhoto' }],
    })),
  };
}

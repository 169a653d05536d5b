/**
 * One place for each action's WPML form (`actionActuatorFunc` + `actionActuatorFuncParam`), both ways, so
 * what the exporter writes is what the importer reads. Parameter names and order follow DJI's WPML
 * "common elements" page; every action here acts on the main gimbal (payloadPositionIndex 0), the only
 * one on the dock aircraft.
 */
import { LENSES, type Action, type Lens } from './route';

/** Element local names (without `wpml:`) → text, in the order they are written. */
export type Params = Array<[string, string]>;

/** The lenses a photo or recording stores when an action names none (WPML payloadParam imageFormat). */
const DEFAULT_LENSES: Record<number, Lens[]> = {
  52: ['wide', 'zoom'], // M30
  53: ['wide', 'zoom', 'ir'], // M30T
  80: ['visable'], // M3D
  81: ['visable', 'ir'], // M3TD
};

export function defaultLenses(payloadEnum: number): Lens[] {
  return DEFAULT_LENSES[payloadEnum] ?? ['wide'];
}

/** Numbers as WPML text: shortest exact decimal, never exponent notation. */
export function num(x: number): string {
  const s = String(x);
  return s.includes('e') ? x.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : s;
}

const bit = (b: boolean) => (b ? '1' : '0');

export function encodeAction(a: Action, payloadEnum: number): { func: string; params: Params } {
  const pos: [string, string] = ['payloadPositionIndex', '0'];
  const lensParams = (lenses: Lens[] | undefined): Params => [
    ['payloadLensIndex', (lenses ?? defaultLenses(payloadEnum)).join(',')],
    ['useGlobalPayloadLensIndex', bit(lenses === undefined)],
  ];
  switch (a.kind) {
    case 'takePhoto':
    case 'startRecord':
      return { func: a.kind, params: [pos, ['fileSuffix', a.fileSuffix ?? ''], ...lensParams(a.lenses)] };
    case 'stopRecord':
      return { func: a.kind, params: [pos, ['payloadLensIndex', defaultLenses(payloadEnum).join(',')]] };
    case 'gimbalRotate':
      return {
        func: a.kind,
        params: [
          ['gimbalHeadingYawBase', 'north'],
          ['gimbalRotateMode', 'absoluteAngle'],
          ['gimbalPitchRotateEnable', bit(a.pitch !== undefined)],
          ['gimbalPitchRotateAngle', num(a.pitch ?? 0)],
          ['gimbalRollRotateEnable', '0'],
          ['gimbalRollRotateAngle', '0'],
          ['gimbalYawRotateEnable', bit(a.yaw !== undefined)],
          ['gimbalYawRotateAngle', num(a.yaw ?? 0)],
          ['gimbalRotateTimeEnable', bit(a.seconds !== undefined)],
          ['gimbalRotateTime', num(a.seconds ?? 0)],
          pos,
        ],
      };
    case 'rotateYaw':
      return {
        func: a.kind,
        params: [
          ['aircraftHeading', num(a.heading)],
          ['aircraftPathMode', a.direction],
        ],
      };
    case 'hover':
      return { func: a.kind, params: [['hoverTime', num(a.seconds)]] };
    case 'zoom':
      return { func: a.kind, params: [pos, ['focalLength', num(a.focalLength)]] };
  }
}

export type Decoded = { action: Action; notes: string[] } | { skipped: string };

/** A WPML action back to the platform's form, or why it cannot be (the importer keeps that as a warning). */
export function decodeAction(func: string, raw: Record<string, unknown>): Decoded {
  const p = (k: string): string | undefined => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : undefined);
  const n = (k: string): number | undefined => {
    const v = p(k);
    if (v === undefined || v === '') return undefined;
    const x = Number(v);
    return Number.isFinite(x) ? x : undefined;
  };
  const on = (k: string) => p(k) === '1';
  const notes: string[] = [];
  switch (func) {
    case 'takePhoto':
    case 'startRecord': {
      const a: { kind: typeof func; lenses?: Lens[]; fileSuffix?: string } = { kind: func };
      const suffix = p('fileSuffix');
      if (suffix) a.fileSuffix = suffix;
      // useGlobalPayloadLensIndex absent (DJI's own samples leave it out): the global setting
      if (p('useGlobalPayloadLensIndex') === '0') {
        const lenses = parseLenses(p('payloadLensIndex') ?? '', notes);
        if (lenses.length > 0) a.lenses = lenses;
      }
      return { action: a, notes };
    }
    case 'stopRecord':
      return { action: { kind: 'stopRecord' }, notes };
    case 'gimbalRotate': {
      const pitch = on('gimbalPitchRotateEnable') ? n('gimbalPitchRotateAngle') : undefined;
      let yaw = on('gimbalYawRotateEnable') ? n('gimbalYawRotateAngle') : undefined;
      if (yaw !== undefined && p('gimbalRotateMode') === 'relativeAngle') {
        // a yaw relative to the aircraft's heading has no absolute equivalent without flying the route
        notes.push('a gimbal yaw relative to the aircraft heading was dropped (only absolute yaw is kept)');
        yaw = undefined;
      }
      if (on('gimbalRollRotateEnable') && n('gimbalRollRotateAngle')) notes.push('a gimbal roll was dropped');
      if (pitch === undefined && yaw === undefined) return { skipped: 'a gimbalRotate that rotates nothing' };
      const a: Action = { kind: 'gimbalRotate' };
      if (pitch !== undefined) a.pitch = pitch;
      if (yaw !== undefined) a.yaw = yaw;
      const seconds = on('gimbalRotateTimeEnable') ? n('gimbalRotateTime') : undefined;
      if (seconds !== undefined && seconds > 0) a.seconds = seconds;
      return { action: a, notes };
    }
    case 'rotateYaw': {
      const heading = n('aircraftHeading');
      const mode = p('aircraftPathMode');
      if (heading === undefined) return { skipped: 'a rotateYaw without aircraftHeading' };
      const direction = mode === 'counterClockwise' ? 'counterClockwise' : 'clockwise';
      if (mode !== direction) notes.push(`rotateYaw path mode "${mode ?? ''}" read as clockwise`);
      return { action: { kind: 'rotateYaw', heading, direction }, notes };
    }
    case 'hover': {
      const seconds = n('hoverTime');
      return seconds === undefined
        ? { skipped: 'a hover without hoverTime' }
        : { action: { kind: 'hover', seconds }, notes };
    }
    case 'zoom': {
      const focalLength = n('focalLength');
      return focalLength === undefined
        ? { skipped: 'a zoom without focalLength' }
        : { action: { kind: 'zoom', focalLength }, notes };
    }
    default:
      return { skipped: `action "${func}" is not supported by the platform` };
  }
}

function parseLenses(text: string, notes: string[]): Lens[] {
  const out: Lens[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim() === 'visible' ? 'visable' : raw.trim();
    if (name === '') continue;
    if (!LENSES.includes(name as Lens)) notes.push(`lens "${name}" is unknown and was dropped`);
    else if (!out.includes(name as Lens)) out.push(name as Lens);
  }
  return out;
}

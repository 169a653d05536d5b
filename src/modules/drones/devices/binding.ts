import type { BindDevice, BindState } from '../dji/requests';
import type { DeviceRow } from './devices.repo';

/**
 * Binding a dock to the platform's organisation, the Cloud API way: the pilot enters the binding
 * code and organisation id in DJI Pilot 2; the dock asks whether it is bound, asks the
 * organisation's name for the code, then binds itself and its aircraft. Pure rules here.
 */
export interface Organisation {
  id: string;
  name: string;
  bindingCode: string;
}

export function bindStates(
  sns: readonly string[],
  devices: ReadonlyMap<string, DeviceRow>,
  org: Organisation,
): BindState[] {
  return sns.map((sn) => {
    const d = devices.get(sn);
    return {
      sn,
      bound: !!d && d.bound === 1,
      organizationId: org.id,
      organizationName: org.name,
      callsign: d?.callsign ?? d?.name ?? sn,
    };
  });
}

/** The organisation's name when code and id match, else null (the dock shows the failure). */
export function organisationFor(code: string, orgId: string, org: Organisation): string | null {
  return code === org.bindingCode && orgId === org.id ? org.name : null;
}

/** Per device: 0, or the error code the reply carries (210231: wrong binding code — our number, documented). */
export const WRONG_BINDING = 210231;
export function bindErrors(devices: readonly BindDevice[], org: Organisation): { sn: string; errCode: number }[] {
  return devices
    .filter((d) => d.bindingCode !== org.bindingCode || d.organizationId !== org.id)
    .map((d) => ({ sn: d.sn, errCode: WRONG_BINDING }));
}

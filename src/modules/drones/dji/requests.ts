import { isObject } from './envelope';
import { isModelKey } from './models';
import { isSerialNumber } from './topics';

/**
 * The requests a dock sends on `thing/product/{gateway}/requests` and the shapes of their replies
 * on `requests_reply`. Parsing is pure; the answers come from the service (configuration, the
 * registry, object storage). Every reply but `config` is `{ result, output }`.
 */
export const DOCK_REQUESTS = [
  'config',
  'storage_config_get',
  'flighttask_resource_get',
  'airport_bind_status',
  'airport_organization_get',
  'airport_organization_bind',
  'flight_areas_get',
  'offline_map_get',
  'flighttask_progress_get',
] as const;
export type DockRequest = (typeof DOCK_REQUESTS)[number];

export function isDockRequest(method: string | null): method is DockRequest {
  return method !== null && (DOCK_REQUESTS as readonly string[]).includes(method);
}

export interface DeveloperApp {
  appId: string;
  appKey: string;
  appLicense: string;
  ntpHost: string;
  ntpPort: number;
}

/** The `config` reply: fields directly in `data`, no result/output wrapper (a trap in DJI's docs). */
export function configReply(app: DeveloperApp): Record<string, unknown> {
  return {
    app_id: app.appId,
    app_key: app.appKey,
    app_license: app.appLicense,
    ntp_server_host: app.ntpHost,
    ntp_server_port: app.ntpPort,
  };
}

export interface StorageGrant {
  bucket: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** seconds the credentials are valid */
  expireS: number;
  endpoint: string;
  objectKeyPrefix: string;
  provider: 'ali' | 'aws' | 'minio';
  region: string;
}

export function storageConfigReply(g: StorageGrant): Record<string, unknown> {
  return ok({
    bucket: g.bucket,
    credentials: {
      access_key_id: g.accessKeyId,
      access_key_secret: g.accessKeySecret,
      expire: g.expireS,
      security_token: g.securityToken,
    },
    endpoint: g.endpoint,
    object_key_prefix: g.objectKeyPrefix,
    provider: g.provider,
    region: g.region,
  });
}

export function flightResourceReply(file: { url: string; fingerprint: string } | null): Record<string, unknown> {
  return file ? ok({ file: { url: file.url, fingerprint: file.fingerprint } }) : failed(1);
}

export function parseBindStatusRequest(data: Record<string, unknown>): string[] | null {
  if (!Array.isArray(data.devices) || data.devices.length > 16) return null;
  const sns = data.devices.map((d) => (isObject(d) && isSerialNumber(d.sn) ? d.sn : null));
  return sns.every((s): s is string => s !== null) ? sns : null;
}

export interface BindState {
  sn: string;
  bound: boolean;
  organizationId: string;
  organizationName: string;
  callsign: string;
}

export function bindStatusReply(states: BindState[]): Record<string, unknown> {
  return ok({
    bind_status: states.map((s) => ({
      sn: s.sn,
      is_device_bind_organization: s.bound,
      organization_id: s.bound ? s.organizationId : '',
      organization_name: s.bound ? s.organizationName : '',
      device_callsign: s.callsign,
    })),
  });
}

export function parseOrganizationGet(
  data: Record<string, unknown>,
): { bindingCode: string; organizationId: string } | null {
  const code = data.device_binding_code;
  const org = data.organization_id;
  if (typeof code !== 'string' || typeof org !== 'string' || code.length > 64 || org.length > 64) return null;
  return { bindingCode: code, organizationId: org };
}

export interface BindDevice {
  sn: string;
  bindingCode: string;
  organizationId: string;
  callsign: string;
  modelKey: string | null;
}

export function parseOrganizationBind(data: Record<string, unknown>): BindDevice[] | null {
  if (!Array.isArray(data.bind_devices) || data.bind_devices.length === 0 || data.bind_devices.length > 16) return null;
  const out: BindDevice[] = [];
  for (const d of data.bind_devices) {
    if (!isObject(d) || !isSerialNumber(d.sn)) return null;
    out.push({
      sn: d.sn,
      bindingCode: typeof d.device_binding_code === 'string' ? d.device_binding_code.slice(0, 64) : '',
      organizationId: typeof d.organization_id === 'string' ? d.organization_id.slice(0, 64) : '',
      callsign: typeof d.device_callsign === 'string' ? d.device_callsign.slice(0, 64) : d.sn,
      modelKey: isModelKey(d.device_model_key) ? d.device_model_key : null,
    });
  }
  return out;
}

export function organizationBindReply(errors: { sn: string; errCode: number }[]): Record<string, unknown> {
  return ok({ err_infos: errors.map((e) => ({ sn: e.sn, err_code: e.errCode })) });
}

export interface AreaFile {
  name: string;
  url: string;
  /** SHA-256 of the file, hex */
  checksum: string;
  size: number;
}

/** Always answered, possibly with no files: a dock left without an answer waits ~40 s before each take-off. */
export function flightAreasReply(files: AreaFile[]): Record<string, unknown> {
  return ok({ files });
}

export function offlineMapReply(files: AreaFile[]): Record<string, unknown> {
  return ok({ offline_map_enable: files.length > 0, files });
}

export function ok(output: Record<string, unknown>): Record<string, unknown> {
  return { result: 0, output };
}

export function failed(code: number): Record<string, unknown> {
  return { result: code, output: {} };
}

/**
 * The rows of a camera import checked one cell at a time: every problem with its row and column,
 * or the cameras to write. Pure: the lookups (communities, organisations, groups, point →
 * community) are handed in.
 */
import { checkCameraId, checkGbId, checkGroupId } from '../gbt28181';
import type { SheetRow } from '../../../../platform/sheet';

export type CameraColumn =
  | 'id'
  | 'name'
  | 'lng'
  | 'lat'
  | 'community'
  | 'owner'
  | 'kind'
  | 'direction'
  | 'device'
  | 'group'
  | 'address'
  | 'status';

export const REQUIRED_COLUMNS: CameraColumn[] = ['id', 'name', 'lng', 'lat'];

/** Header texts read as each column (lower-cased, spaces dropped). */
const HEADERS: Record<string, CameraColumn> = {
  id: 'id',
  code: 'id',
  channelid: 'id',
  国标编码: 'id',
  编码: 'id',
  通道编码: 'id',
  通道国标编码: 'id',
  name: 'name',
  名称: 'name',
  通道名称: 'name',
  lng: 'lng',
  lon: 'lng',
  longitude: 'lng',
  经度: 'lng',
  lat: 'lat',
  latitude: 'lat',
  纬度: 'lat',
  community: 'community',
  社区: 'community',
  所属社区: 'community',
  owner: 'owner',
  org: 'owner',
  权属单位: 'owner',
  所属部门: 'owner',
  管理单位: 'owner',
  kind: 'kind',
  ptz: 'kind',
  类型: 'kind',
  摄像机类型: 'kind',
  direction: 'direction',
  朝向: 'direction',
  监视方位: 'direction',
  device: 'device',
  deviceid: 'device',
  设备编码: 'device',
  group: 'group',
  分组: 'group',
  业务分组: 'group',
  虚拟组织: 'group',
  address: 'address',
  地址: 'address',
  安装地址: 'address',
  status: 'status',
  状态: 'status',
  在线状态: 'status',
};

const KIND_WORDS: Record<string, 'ptz' | 'fixed'> = {
  ptz: 'ptz',
  球机: 'ptz',
  云台: 'ptz',
  遥控枪机: 'ptz',
  遥控半球: 'ptz',
  fixed: 'fixed',
  枪机: 'fixed',
  固定: 'fixed',
  固定枪机: 'fixed',
  半球: 'fixed',
};

/** 监视方位 words (GB/T 28181 DirectionType) → degrees. */
const COMPASS: Record<string, number> = {
  北: 0,
  东北: 45,
  东: 90,
  东南: 135,
  南: 180,
  西南: 225,
  西: 270,
  西北: 315,
  n: 0,
  ne: 45,
  e: 90,
  se: 135,
  s: 180,
  sw: 225,
  w: 270,
  nw: 315,
};

const STATUS_WORDS: Record<string, boolean> = {
  在线: true,
  online: true,
  on: true,
  '1': true,
  离线: false,
  offline: false,
  off: false,
  '0': false,
};

export interface ImportLookups {
  /** community code or name → code */
  community(text: string): string | null;
  /** organisation id, code or name → id */
  org(text: string): string | null;
  hasGroup(id: string): boolean;
  /** the community a point lies in */
  locate(lng: number, lat: number): string | null;
}

export interface CheckedCamera {
  row: number;
  id: string;
  name: string;
  lng: number;
  lat: number;
  communityCode: string | null;
  orgId: string | null;
  ptz: boolean;
  direction: number | null;
  deviceId: string | null;
  groupId: string | null;
  address: string | null;
  online: boolean | null;
}

export interface RowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');

export function checkCameraRows(
  rows: SheetRow[],
  look: ImportLookups,
): { cameras: CheckedCamera[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const cameras: CheckedCamera[] = [];
  const header = rows[0];
  if (!header)
    return { cameras, errors: [{ row: 1, column: '-', code: 'empty', message: '文件没有内容 / the file is empty' }] };
  const at = new Map<CameraColumn, number>();
  header.cells.forEach((h, i) => {
    const col = HEADERS[norm(h)];
    if (col && !at.has(col)) at.set(col, i);
  });
  for (const col of REQUIRED_COLUMNS)
    if (!at.has(col))
      errors.push({
        row: header.row,
        column: col,
        code: 'missing_column',
        message: `缺少列 ${col} / the column ${col} is missing`,
      });
  if (errors.length) return { cameras, errors };

  const seen = new Map<string, number>();
  for (const r of rows.slice(1)) {
    const cell = (c: CameraColumn) => {
      const i = at.get(c);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const bad = (column: CameraColumn, code: string, message: string) =>
      errors.push({ row: r.row, column, code, message });
    const before = errors.length;

    const id = cell('id');
    const idCheck = checkCameraId(id);
    if (!idCheck.ok) bad('id', `invalid_id_${idCheck.part}`, idCheck.message);
    else if (seen.has(id))
      bad('id', 'duplicate', `编码与第 ${seen.get(id)} 行重复 / the same code as row ${seen.get(id)}`);
    else seen.set(id, r.row);

    const name = cell('name');
    if (!name || name.length > 100)
      bad('name', 'invalid_name', '名称应为 1–100 个字 / the name must have 1–100 characters');

    const lng = Number(cell('lng'));
    const lat = Number(cell('lat'));
    const lngOk = cell('lng') !== '' && Number.isFinite(lng) && Math.abs(lng) <= 180;
    const latOk = cell('lat') !== '' && Number.isFinite(lat) && Math.abs(lat) <= 90;
    if (!lngOk) bad('lng', 'invalid_lng', '经度应为 -180…180 的数 / lng must be a number from -180 to 180');
    if (!latOk) bad('lat', 'invalid_lat', '纬度应为 -90…90 的数 / lat must be a number from -90 to 90');

    let communityCode: string | null = null;
    if (cell('community')) {
      communityCode = look.community(cell('community'));
      if (!communityCode) bad('community', 'unknown_community', `社区 ${cell('community')} 不存在 / no such community`);
    } else if (lngOk && latOk) communityCode = look.locate(lng, lat);

    let orgId: string | null = null;
    if (cell('owner')) {
      orgId = look.org(cell('owner'));
      if (!orgId) bad('owner', 'unknown_org', `权属单位 ${cell('owner')} 不存在 / no such organisation`);
    }

    const kindText = norm(cell('kind'));
    const kind = kindText ? KIND_WORDS[kindText] : 'fixed';
    if (!kind) bad('kind', 'invalid_kind', '类型应为 球机/云台(ptz) 或 枪机/固定(fixed) / kind must be ptz or fixed');

    let direction: number | null = null;
    const dirText = norm(cell('direction'));
    if (dirText) {
      const n = COMPASS[dirText] ?? Number(dirText);
      if (!Number.isFinite(n) || n < 0 || n > 360)
        bad(
          'direction',
          'invalid_direction',
          '朝向应为 0–360 度或 东/南/西/北… / direction: 0–360 degrees or a compass word',
        );
      else direction = n;
    }

    const deviceId = cell('device') || null;
    if (deviceId) {
      const d = checkGbId(deviceId);
      if (!d.ok) bad('device', `invalid_device_${d.part}`, d.message);
    }
    const groupId = cell('group') || null;
    if (groupId) {
      const g = checkGroupId(groupId);
      if (!g.ok) bad('group', `invalid_group_${g.part}`, g.message);
      else if (!look.hasGroup(groupId)) bad('group', 'unknown_group', `分组 ${groupId} 不存在 / no such group`);
    }

    const address = cell('address') || null;
    if (address && address.length > 200) bad('address', 'invalid_address', '地址最多 200 字 / at most 200 characters');

    let online: boolean | null = null;
    const statusText = norm(cell('status'));
    if (statusText) {
      online = STATUS_WORDS[statusText] ?? null;
      if (online === null) bad('status', 'invalid_status', '状态应为 在线 或 离线 / status must be online or offline');
    }

    if (errors.length === before)
      cameras.push({
        row: r.row,
        id,
        name,
        lng,
        lat,
        communityCode,
        orgId,
        ptz: kind === 'ptz',
        direction,
        deviceId,
        groupId,
        address,
        online,
      });
  }
  if (rows.length < 2) errors.push({ row: 2, column: '-', code: 'no_rows', message: '没有数据行 / no data rows' });
  return { cameras, errors };
}

/**
 * GB/T 28181-2016 Appendix D: the 20-digit code of a device, channel, platform, group or user.
 *
 *   digits 1–8   centre code (中心编码) after GB/T 2260: province 2 + city 2 + county 2 + grassroots unit 2
 *   digits 9–10  industry code (行业编码)
 *   digits 11–13 type code (类型编码)
 *   digits 14–20 serial (序号): its first digit is the network identifier (网络标识, 0–4 监控报警专网,
 *                5 公安信息网, 6 政务网, 7 Internet, 8 社会资源接入网, 9 reserved), then a 6-digit number
 *
 * Pure: tells whether a code is well formed, and when not, which part is wrong and why.
 */

/** GB/T 2260 province-level codes (省、自治区、直辖市、特别行政区). */
export const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** Industry codes assigned by the standard (the ranges it keeps in reserve are refused). */
export const INDUSTRIES: Record<string, string> = {
  '00': '社会治安路面接入',
  '01': '社会治安社区接入',
  '02': '社会治安内部接入',
  '03': '社会治安其他接入',
  '04': '交通路面接入',
  '05': '交通卡口接入',
  '06': '交通内部接入',
  '07': '交通其他接入',
  '08': '城市管理接入',
  '09': '卫生环保接入',
  '10': '商检海关接入',
  '11': '教育部门接入',
  '40': '农林牧渔业接入',
  '41': '采矿企业接入',
  '42': '制造企业接入',
  '43': '冶金企业接入',
  '44': '电力企业接入',
  '45': '燃气企业接入',
  '46': '建筑企业接入',
  '47': '物流企业接入',
  '48': '邮政企业接入',
  '49': '信息企业接入',
  '50': '住宿和餐饮业接入',
  '51': '金融企业接入',
  '52': '房地产业接入',
  '53': '商务服务业接入',
  '54': '水利企业接入',
  '55': '娱乐企业接入',
};
/** 80–89 居民自建, 90–99 其他主体: open ranges the standard gives to those users. */
const OPEN_INDUSTRY = (n: number) => n >= 80 && n <= 99;

/** Type codes supported here (111–118 front-end main devices, 131–139 peripherals, 200–216 platform, users). */
export const TYPES: Record<string, string> = {
  '111': 'DVR',
  '112': '视频服务器',
  '113': '编码器',
  '114': '解码器',
  '115': '视频切换矩阵',
  '116': '音频切换矩阵',
  '117': '报警控制器',
  '118': '网络视频录像机(NVR)',
  '131': '摄像机',
  '132': '网络摄像机(IPC)',
  '133': '显示器',
  '134': '报警输入设备',
  '135': '报警输出设备',
  '136': '语音输入设备',
  '137': '语音输出设备',
  '138': '移动传输设备',
  '139': '其他外围设备',
  '200': '中心信令控制服务器',
  '201': 'Web应用服务器',
  '202': '媒体分发服务器',
  '203': '代理服务器',
  '204': '安全服务器',
  '205': '报警服务器',
  '206': '数据库服务器',
  '207': 'GIS服务器',
  '208': '管理服务器',
  '209': '接入网关',
  '210': '媒体存储服务器',
  '211': '信令安全路由网关',
  '215': '业务分组',
  '216': '虚拟组织',
  '300': '中心用户',
  '400': '终端用户',
};

/** Video channels the camera registry holds. */
export const CAMERA_TYPES = ['131', '132'] as const;
/** Parents a channel may hang under in the 业务分组/虚拟组织 tree. */
export const GROUP_TYPES = { businessGroup: '215', virtualOrg: '216' } as const;

export type GbPart = 'length' | 'digits' | 'province' | 'city' | 'county' | 'grassroots' | 'industry' | 'type';

export interface GbParts {
  /** The 8-digit centre code (行政区划 of the unit the device belongs to). */
  centre: string;
  province: string;
  city: string;
  county: string;
  grassroots: string;
  industry: string;
  type: string;
  /** 7 digits: the network identifier and the 6-digit number. */
  serial: string;
  network: string;
}

export type GbCheck =
  | { ok: true; parts: GbParts; typeName: string; industryName: string }
  | { ok: false; part: GbPart; message: string };

const fail = (part: GbPart, message: string): GbCheck => ({ ok: false, part, message });

/** Splits a 20-digit code into its parts (no checks beyond the shape). */
export function splitGbId(id: string): GbParts {
  return {
    centre: id.slice(0, 8),
    province: id.slice(0, 2),
    city: id.slice(2, 4),
    county: id.slice(4, 6),
    grassroots: id.slice(6, 8),
    industry: id.slice(8, 10),
    type: id.slice(10, 13),
    serial: id.slice(13, 20),
    network: id.slice(13, 14),
  };
}

/** Checks a GB/T 28181 code; the first wrong part is named, in Chinese and English. */
export function checkGbId(id: string): GbCheck {
  if (id.length !== 20)
    return fail('length', `编码应为 20 位，实为 ${id.length} 位 / the code has ${id.length} characters, not 20`);
  if (!/^\d{20}$/.test(id)) return fail('digits', '编码只能由数字组成 / the code must be digits only');
  const p = splitGbId(id);
  if (!PROVINCES[p.province])
    return fail(
      'province',
      `第 1–2 位 ${p.province} 不是 GB/T 2260 的省级代码 / digits 1–2 (${p.province}) are no GB/T 2260 province`,
    );
  // a centre code names a level and everything above it: a city 00 (the province itself) has no county
  if (p.city === '00' && p.county !== '00')
    return fail('county', `市级代码为 00 时县级代码须为 00，实为 ${p.county} / with city 00 the county must be 00`);
  if (p.county === '00' && p.grassroots !== '00')
    return fail(
      'grassroots',
      `县级代码为 00 时基层单位代码须为 00，实为 ${p.grassroots} / with county 00 the grassroots unit must be 00`,
    );
  if (p.city !== '00' && p.city > '90')
    return fail(
      'city',
      `第 3–4 位 ${p.city} 不是地市级代码（01–90） / digits 3–4 (${p.city}) are no city code (01–90)`,
    );
  const industryName = INDUSTRIES[p.industry] ?? (OPEN_INDUSTRY(Number(p.industry)) ? '居民自建/其他主体接入' : null);
  if (!industryName)
    return fail(
      'industry',
      `第 9–10 位行业编码 ${p.industry} 为标准预留、未分配 / industry code ${p.industry} (digits 9–10) is reserved, not assigned`,
    );
  const typeName = TYPES[p.type];
  if (!typeName)
    return fail('type', `第 11–13 位类型编码 ${p.type} 不受支持 / type code ${p.type} (digits 11–13) is not supported`);
  return { ok: true, parts: p, typeName, industryName };
}

/** A camera channel's code: well formed and of a camera type (131 摄像机, 132 网络摄像机). */
export function checkCameraId(id: string): GbCheck {
  const r = checkGbId(id);
  if (!r.ok) return r;
  if (!(CAMERA_TYPES as readonly string[]).includes(r.parts.type))
    return fail(
      'type',
      `类型编码 ${r.parts.type}（${r.typeName}）不是摄像机（131/132） / type code ${r.parts.type} is not a camera (131 or 132)`,
    );
  return r;
}

/** A 业务分组 (215) or 虚拟组织 (216) code. */
export function checkGroupId(id: string): GbCheck {
  const r = checkGbId(id);
  if (!r.ok) return r;
  if (r.parts.type !== GROUP_TYPES.businessGroup && r.parts.type !== GROUP_TYPES.virtualOrg)
    return fail(
      'type',
      `类型编码 ${r.parts.type} 不是业务分组(215)或虚拟组织(216) / type ${r.parts.type} is no group (215/216)`,
    );
  return r;
}

/** A 行政区划 code of 2, 4, 6 or 8 digits (province … grassroots unit), as channels' CivilCode carry it. */
export function isCivilCode(code: string): boolean {
  if (!/^\d{2}(\d{2}){0,3}$/.test(code)) return false;
  return PROVINCES[code.slice(0, 2)] !== undefined;
}

/** The 行政区划 chain of an 8-digit centre code: province, city, county, grassroots (levels with 00 left out). */
export function civilChain(centre: string): string[] {
  const out: string[] = [centre.slice(0, 2)];
  for (const n of [4, 6, 8]) {
    if (centre.slice(n - 2, n) === '00') break;
    out.push(centre.slice(0, n));
  }
  return out;
}

/**
 * Demo sites of 桂城街道 (demo data): the administrative service centre with its five halls and
 * 75 windows, and twelve community service centres with two windows each — 99 windows in all,
 * the street's figure. Points are WGS-84; addresses are invented.
 */
import type { OpeningHours } from '../sites/hours';
import { CENTRE_HOURS, COMMUNITY_HOURS } from '../sites/hours';

export const CENTRE_CODE = 'GC-XZZX';

export const CENTRE = {
  code: CENTRE_CODE,
  name: '桂城街道行政服务中心',
  address: '佛山市南海区桂城街道南海大道北 63 号（示例地址）',
  lng: 113.1515,
  lat: 23.0285,
  phone: '0757-86200000',
  hours: CENTRE_HOURS as OpeningHours,
  halls: [
    { code: 'A', name: 'A 厅 综合服务厅' },
    { code: 'B', name: 'B 厅 不动产登记厅' },
    { code: 'C', name: 'C 厅 企业服务厅' },
    { code: 'D', name: 'D 厅 社保医保厅' },
    { code: 'E', name: 'E 厅 工程建设项目审批厅' },
  ],
};

/** [hall, first number, count, kind, department code or null, name] */
export const CENTRE_WINDOWS: Array<[string, number, number, string, string | null, string]> = [
  ['A', 1, 30, 'comprehensive', null, '综合窗口'],
  ['A', 31, 4, 'pickup', null, '统一出件窗口'],
  ['A', 35, 1, 'consultation', null, '咨询导办台'],
  ['B', 1, 12, 'department', 'GC-ZR', '不动产登记窗口'],
  ['C', 1, 8, 'enterprise', 'GC-SJ', '企业开办窗口'],
  ['C', 9, 2, 'special', 'GC-XZ', '帮办代办窗口'],
  ['D', 1, 6, 'department', 'GC-RS', '社保窗口'],
  ['D', 7, 4, 'department', 'GC-YB', '医保窗口'],
  ['E', 1, 8, 'department', 'GC-ZJ', '工程建设项目窗口'],
];

/** Community service centres: [community name, lng, lat]. */
export const COMMUNITY_CENTRES: Array<[string, number, number]> = [
  ['叠滘社区', 113.122, 23.061],
  ['林岳社区', 113.16, 23.064],
  ['千灯湖社区', 113.139, 23.046],
  ['灯湖社区', 113.153, 23.05],
  ['雅瑶社区', 113.119, 23.034],
  ['东二社区', 113.161, 23.037],
  ['南约社区', 113.121, 23.021],
  ['宝石社区', 113.15, 23.022],
  ['海五社区', 113.19, 23.022],
  ['江滨社区', 113.119, 23.008],
  ['夏北社区', 113.163, 23.009],
  ['平东社区', 113.182, 22.995],
];
export const COMMUNITY_HOURS_DEMO: OpeningHours = COMMUNITY_HOURS;

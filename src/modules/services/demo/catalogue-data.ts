/**
 * The demo catalogue of 桂城街道 as compact tables (demo data, realistic names after Guangdong's
 * catalogue; codes, phones and bodies are invented). One row per 主项; `tasks` split it into
 * 业务办理项, `subs` into 子项 (each with its tasks). generate.ts turns rows into full guides.
 *
 * Row: [name, type, case, legal days, promised days, depth, visits, life events, family, materials, more]
 * - type: XK 行政许可 · QR 行政确认 · GF 行政给付 · CJ 行政裁决 · QT 其他行政权力 · GG 公共服务
 * - case: J 即办件 · C 承诺件 · L 联办件 · S 上报件
 * - depth 0–4: 线下 · 咨询 · 预审 · 网上受理 · 全程网办 (depth 4 means no visit)
 * - family: the situation questions (see generate.ts): agent · biz · property · family · none
 * - materials: 、-separated; a suffix ! = from an electronic licence, ~ = 告知承诺, ^ = copy, ? = optional
 */
import { DEMO_HOUSING } from './catalogue-data.housing';
import { DEMO_PEOPLE } from './catalogue-data.people';
import { DEMO_PROPERTY } from './catalogue-data.property';
import { DEMO_SERVICES } from './catalogue-data.services';
import { DEMO_UTILITIES } from './catalogue-data.utilities';

export type { DemoDepartmentItems, Family, More, Row, TypeCode } from './catalogue-rows';
import type { DemoDepartmentItems } from './catalogue-rows';

/** The 26 departments’ rows, in the demo order (codes number the departments by this order). */
export const DEMO_CATALOGUE: DemoDepartmentItems[] = [
  ...DEMO_PROPERTY,
  ...DEMO_PEOPLE,
  ...DEMO_HOUSING,
  ...DEMO_SERVICES,
  ...DEMO_UTILITIES,
];

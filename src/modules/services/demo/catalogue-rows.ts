/** The row format of the demo catalogue tables (described in catalogue-data.ts). */
export type TypeCode = 'XK' | 'QR' | 'GF' | 'CJ' | 'QT' | 'GG';
export type Family = 'agent' | 'biz' | 'property' | 'family' | 'none';
export interface More {
  tasks?: string[];
  subs?: Array<[name: string, tasks: string[]]>;
  fee?: [name: string, amount: number, basis: string];
  steps?: Array<[name: string, days: number]>;
  community?: boolean;
  mail?: false;
}
export type Row = [
  name: string,
  type: TypeCode,
  kase: 'J' | 'C' | 'L' | 'S',
  legal: number,
  promised: number,
  depth: 0 | 1 | 2 | 3 | 4,
  visits: number,
  events: string,
  family: Family,
  materials: string,
  more?: More,
];

export interface DemoDepartmentItems {
  /** identity's demo department code */
  org: string;
  basis: string;
  level: 'county' | 'town';
  rows: Row[];
}

/**
 * A gazetteer import file (.xlsx or CSV, UTF-8 or GB18030 as Excel saves it in China) → checked
 * rows, or every problem found with its row and column. Pure apart from reading the workbook.
 */
import { readSheet, type SheetRow } from '../../../platform/sheet';
import {
  GAZETTEER_KINDS,
  GAZETTEER_MAX_ROWS,
  GAZETTEER_REQUIRED_COLUMNS,
  type GazetteerKind,
  type GazetteerRowError,
} from '../gazetteer.contract';

export type Column = 'name' | 'kind' | 'address' | 'lng' | 'lat' | 'alias';

/** Header texts read as each column (lower-cased, spaces dropped). */
const HEADERS: Record<string, Column> = {
  name: 'name',
  名称: 'name',
  地名: 'name',
  kind: 'kind',
  type: 'kind',
  类型: 'kind',
  类别: 'kind',
  address: 'address',
  地址: 'address',
  lng: 'lng',
  lon: 'lng',
  longitude: 'lng',
  经度: 'lng',
  lat: 'lat',
  latitude: 'lat',
  纬度: 'lat',
  alias: 'alias',
  aliases: 'alias',
  别名: 'alias',
};

/** Kind cells may be written in Chinese. */
const KIND_WORDS: Record<string, GazetteerKind> = {
  道路: 'road',
  路: 'road',
  街道: 'road',
  楼宇: 'building',
  建筑: 'building',
  大厦: 'building',
  小区: 'residential',
  住宅小区: 'residential',
  学校: 'school',
  医院: 'hospital',
  地铁站: 'metro_station',
  公交站: 'bus_stop',
  公园: 'park',
  广场: 'square',
  市场: 'market',
  政府机关: 'government',
  机关: 'government',
  社区服务中心: 'community_centre',
  党群服务中心: 'community_centre',
  居委会: 'community_centre',
  地点: 'poi',
  兴趣点: 'poi',
};

export type RawRow = SheetRow;

export interface CheckedRow {
  row: number;
  name: string;
  alias: string | null;
  kind: GazetteerKind;
  address: string;
  lng: number;
  lat: number;
}

/** The file's rows as text cells, header first. Throws `Error` with a message for a file it cannot read. */
export const readRows = (data: Buffer): Promise<RawRow[]> => readSheet(data, GAZETTEER_MAX_ROWS);

const headerKey = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');

/** Header → columns, then each row checked; every problem is listed (row, column, message). */
export function checkRows(rows: RawRow[]): { rows: CheckedRow[]; errors: GazetteerRowError[] } {
  const errors: GazetteerRowError[] = [];
  const header = rows[0];
  if (!header) return { rows: [], errors: [{ row: 1, column: null, message: '文件是空的 / the file is empty' }] };
  const at = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const col = HEADERS[headerKey(h)];
    if (!col) return;
    if (at.has(col))
      errors.push({ row: header.row, column: col, message: `列 ${col} 出现了两次 / column ${col} appears twice` });
    else at.set(col, i);
  });
  for (const c of GAZETTEER_REQUIRED_COLUMNS)
    if (!at.has(c))
      errors.push({ row: header.row, column: c, message: `表头缺少列 ${c} / column ${c} is missing from the header` });
  if (errors.length) return { rows: [], errors };
  const data = rows.slice(1);
  if (data.length === 0)
    return { rows: [], errors: [{ row: 2, column: null, message: '文件没有数据行 / the file has no rows' }] };
  if (data.length > GAZETTEER_MAX_ROWS)
    return {
      rows: [],
      errors: [
        {
          row: GAZETTEER_MAX_ROWS + 2,
          column: null,
          message: `最多 ${GAZETTEER_MAX_ROWS} 行 / at most ${GAZETTEER_MAX_ROWS} rows`,
        },
      ],
    };
  const out: CheckedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of data) {
    const cell = (c: Column) => {
      const i = at.get(c);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const fail = (column: Column | null, message: string) => errors.push({ row: r.row, column, message });
    const before = errors.length;
    const name = cell('name');
    if (!name) fail('name', '名称必填 / a name is required');
    else if (name.length > 100) fail('name', '名称最多 100 字 / a name is at most 100 characters');
    const kindText = cell('kind');
    const kind = (GAZETTEER_KINDS as readonly string[]).includes(kindText.toLowerCase())
      ? (kindText.toLowerCase() as GazetteerKind)
      : KIND_WORDS[kindText];
    if (!kind)
      fail('kind', `类型“${kindText}”无效 / unknown kind "${kindText}" (one of ${GAZETTEER_KINDS.join(', ')})`);
    const address = cell('address');
    if (address.length > 200) fail('address', '地址最多 200 字 / an address is at most 200 characters');
    const alias = cell('alias');
    if (alias.length > 200) fail('alias', '别名最多 200 字 / aliases are at most 200 characters');
    const lng = coordinate(cell('lng'), 180);
    if (lng === null) fail('lng', `经度“${cell('lng')}”无效 / "${cell('lng')}" is not a longitude (-180…180)`);
    const lat = coordinate(cell('lat'), 90);
    if (lat === null) fail('lat', `纬度“${cell('lat')}”无效 / "${cell('lat')}" is not a latitude (-90…90)`);
    if (errors.length > before) continue;
    const key = `${name}\u0000${address}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail('name', `与第 ${earlier} 行同名同址 / the same name and address as row ${earlier}`);
      continue;
    }
    seen.set(key, r.row);
    out.push({ row: r.row, name, alias: alias || null, kind: kind!, address, lng: lng!, lat: lat! });
  }
  return { rows: errors.length ? [] : out, errors };
}

function coordinate(text: string, max: number): number | null {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) <= max ? n : null;
}

/**
 * Rows checked against a dataset's schema, from a spreadsheet (header row + text cells) or from
 * pushed JSON records: every problem with its row and column, or the rows to store. Pure: the
 * community lookup is handed in.
 */
import { bucketPeriod, parseDate, parseNumber, parsePeriod, periodText } from './cells';
import {
  type Cadence,
  type CellValue,
  type ColumnDef,
  type DataRecord,
  type DatasetSchemaDef,
  normHeader,
  requiredColumns,
} from './schema';

export interface RowError {
  /** the row as the spreadsheet numbers it (1 = the header), or the record's position from 1 */
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface CheckedRow {
  rowNo: number;
  values: DataRecord;
  /** the community code the row is placed in */
  community: string | null;
  /** the period it counts for, bucketed by the cadence (2026-01, 2026-Q1, 2026-W05 …) */
  period: string | null;
}

export interface Checked {
  rows: CheckedRow[];
  errors: RowError[];
}

export interface RowLookups {
  /** community code or name → code; null: no such community */
  community(text: string): string | null;
}

export const TEXT_MAX = 500;

/** A header with its unit: 产值(万元), 产值（万元）, 产值/万元. */
function splitHeader(h: string): { text: string; unit: string | null } {
  const m = h.trim().match(/^(.+?)\s*(?:[(（]\s*([^()（）]+?)\s*[)）]|\/\s*(\S+))$/);
  return m ? { text: m[1]!, unit: (m[2] ?? m[3])! } : { text: h.trim(), unit: null };
}

const sameUnit = (a: string, b: string) => normHeader(a) === normHeader(b);

interface Context {
  schema: DatasetSchemaDef;
  cadence: Cadence;
  look: RowLookups;
  required: Set<string>;
  errors: RowError[];
  keys: Map<string, number>;
}

/** One row: `raw(column)` gives the cell's text (null or '' when empty). */
function checkRow(cx: Context, rowNo: number, raw: (c: ColumnDef) => string | null): CheckedRow | null {
  const before = cx.errors.length;
  const bad = (column: string, code: string, message: string) => cx.errors.push({ row: rowNo, column, code, message });
  const values: DataRecord = {};
  let community: string | null = null;
  let period: string | null = null;
  for (const c of cx.schema.columns) {
    const text = (raw(c) ?? '').trim();
    let v: CellValue = null;
    if (text === '') {
      if (cx.required.has(c.name)) bad(c.name, 'required', `${c.name} 必填 / ${c.name} is required`);
      values[c.name] = null;
      continue;
    }
    if (c.type === 'number') {
      const n = parseNumber(text, c.unit);
      if (!n.ok) bad(c.name, n.code, n.message);
      else v = n.value;
    } else if (c.type === 'date') {
      const d = parseDate(text);
      if (!d.ok) bad(c.name, d.code, d.message);
      else v = d.value;
    } else if (text.length > TEXT_MAX) bad(c.name, 'too_long', `最多 ${TEXT_MAX} 字 / at most ${TEXT_MAX} characters`);
    else v = text;

    if (v !== null && c.name === cx.schema.communityColumn) {
      community = cx.look.community(String(v));
      if (community === null) bad(c.name, 'unknown_community', `社区 ${v} 不存在 / no such community: ${v}`);
      else v = community;
    }
    if (v !== null && c.name === cx.schema.periodColumn) {
      const p = parsePeriod(String(v));
      const b = p.ok ? bucketPeriod(p.value, cx.cadence) : p;
      if (!b.ok) bad(c.name, b.code, b.message);
      else {
        period = b.value;
        // the row keeps the period as written, in one spelling (2026年3月 and 2026/3 are both 2026-03)
        if (p.ok && c.type === 'text') v = periodText(p.value);
      }
    }
    if (v !== null && c.name === cx.schema.keyColumn) {
      const k = String(v);
      const first = cx.keys.get(k);
      if (first !== undefined)
        bad(c.name, 'duplicate', `与第 ${first} 行的 ${c.name} 重复 / the same ${c.name} as row ${first}`);
      else cx.keys.set(k, rowNo);
    }
    values[c.name] = v;
  }
  return cx.errors.length === before ? { rowNo, values, community, period } : null;
}

function context(schema: DatasetSchemaDef, cadence: Cadence, look: RowLookups): Context {
  return { schema, cadence, look, required: requiredColumns(schema), errors: [], keys: new Map() };
}

/** A spreadsheet: the first row is the header (a column's name or label, optionally with its unit). */
export function checkSheet(
  sheet: ReadonlyArray<{ row: number; cells: string[] }>,
  schema: DatasetSchemaDef,
  cadence: Cadence,
  look: RowLookups,
): Checked {
  const cx = context(schema, cadence, look);
  const header = sheet[0];
  if (!header)
    return { rows: [], errors: [{ row: 1, column: '-', code: 'empty', message: '文件没有内容 / the file is empty' }] };
  const byHeader = new Map<string, ColumnDef>();
  for (const c of schema.columns) for (const h of [c.name, c.label]) if (h) byHeader.set(normHeader(h), c);
  const at = new Map<string, number>();
  const headerError = (column: string, code: string, message: string) =>
    cx.errors.push({ row: header.row, column, code, message });
  header.cells.forEach((cell, i) => {
    if (!cell.trim()) return;
    const { text, unit } = splitHeader(cell);
    const c = byHeader.get(normHeader(cell)) ?? byHeader.get(normHeader(text));
    if (!c)
      return headerError(
        cell.trim(),
        'unknown_column',
        `未声明的列 ${cell.trim()} / ${cell.trim()} is not a column of this dataset`,
      );
    if (at.has(c.name))
      return headerError(c.name, 'duplicate_column', `列 ${c.name} 出现两次 / the column ${c.name} appears twice`);
    if (unit && !byHeader.has(normHeader(cell)) && !(c.unit && sameUnit(unit, c.unit)))
      headerError(
        c.name,
        'wrong_unit',
        c.unit
          ? `列 ${c.name} 的单位应为 ${c.unit}，表头写的是 ${unit} / ${c.name} is in ${c.unit}, the header says ${unit}`
          : `列 ${c.name} 无单位，表头写的是 ${unit} / ${c.name} has no unit, the header says ${unit}`,
      );
    at.set(c.name, i);
  });
  for (const name of cx.required)
    if (!at.has(name)) headerError(name, 'missing_column', `缺少列 ${name} / the column ${name} is missing`);
  if (cx.errors.length) return { rows: [], errors: cx.errors };

  const rows: CheckedRow[] = [];
  for (const r of sheet.slice(1)) {
    const ok = checkRow(cx, r.row, (c) => {
      const i = at.get(c.name);
      return i === undefined ? null : (r.cells[i] ?? null);
    });
    if (ok) rows.push(ok);
  }
  if (sheet.length < 2) cx.errors.push({ row: 2, column: '-', code: 'no_rows', message: '没有数据行 / no data rows' });
  return { rows: cx.errors.length ? [] : rows, errors: cx.errors };
}

/** Pushed JSON records keyed by column name; row numbers are positions from 1. */
export function checkRecords(
  records: ReadonlyArray<Record<string, unknown>>,
  schema: DatasetSchemaDef,
  cadence: Cadence,
  look: RowLookups,
): Checked {
  const cx = context(schema, cadence, look);
  const known = new Set(schema.columns.map((c) => c.name));
  const rows: CheckedRow[] = [];
  records.forEach((rec, i) => {
    const rowNo = i + 1;
    let typed = true;
    for (const k of Object.keys(rec)) {
      if (!known.has(k)) {
        cx.errors.push({
          row: rowNo,
          column: k,
          code: 'unknown_column',
          message: `未声明的列 ${k} / ${k} is not a column`,
        });
      }
    }
    for (const c of schema.columns) {
      const v = rec[c.name];
      if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
        cx.errors.push({
          row: rowNo,
          column: c.name,
          code: 'wrong_type',
          message: '值应为数字或文本 / a number or a text',
        });
        typed = false;
      } else if (typeof v === 'number' && c.type !== 'number' && c.type !== 'text') {
        cx.errors.push({
          row: rowNo,
          column: c.name,
          code: 'not_a_date',
          message: '日期应为文本 2026-01-31 / a date is a text',
        });
        typed = false;
      }
    }
    if (!typed) return;
    const ok = checkRow(cx, rowNo, (c) => {
      const v = rec[c.name];
      return v === undefined || v === null ? null : String(v);
    });
    if (ok) rows.push(ok);
  });
  if (records.length === 0)
    cx.errors.push({ row: 1, column: '-', code: 'no_rows', message: '没有数据行 / no data rows' });
  return { rows: cx.errors.length ? [] : rows, errors: cx.errors };
}

/**
 * A dataset's declared schema and the checks on it when an admin defines or edits one. Pure.
 */
export type ColumnType = 'number' | 'text' | 'date';
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'irregular';

export interface ColumnDef {
  name: string;
  label?: string | null;
  type: ColumnType;
  unit?: string | null;
  required?: boolean;
}

export interface DatasetSchemaDef {
  columns: ColumnDef[];
  communityColumn: string | null;
  periodColumn: string | null;
  keyColumn: string | null;
}

/** A stored cell: numbers as numbers, dates as YYYY-MM-DD, text as text; null when empty. */
export type CellValue = number | string | null;
export type DataRecord = Record<string, CellValue>;

export interface SchemaProblem {
  field: string;
  code: string;
  message: string;
}

/** Header texts are compared lower-cased, without spaces. */
export const normHeader = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');

/** Every problem of a schema (an empty list: it may be saved). */
export function checkSchema(s: DatasetSchemaDef): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const names = new Map<string, ColumnDef>();
  const headers = new Map<string, string>();
  s.columns.forEach((c, i) => {
    const field = `columns[${i}]`;
    if (!c.name.trim()) out.push({ field, code: 'empty_name', message: '列名不能为空 / a column needs a name' });
    if (names.has(c.name))
      out.push({
        field,
        code: 'duplicate_column',
        message: `列名 ${c.name} 重复 / the column ${c.name} is declared twice`,
      });
    names.set(c.name, c);
    for (const h of [c.name, c.label].filter((x): x is string => !!x)) {
      const other = headers.get(normHeader(h));
      if (other !== undefined && other !== c.name)
        out.push({
          field,
          code: 'ambiguous_header',
          message: `表头 ${h} 同时指向 ${other} 和 ${c.name} / the header ${h} would name both ${other} and ${c.name}`,
        });
      headers.set(normHeader(h), c.name);
    }
    if (c.unit && c.type !== 'number')
      out.push({ field, code: 'unit_on_non_number', message: '只有数值列有单位 / only number columns have a unit' });
  });
  const role = (field: 'communityColumn' | 'periodColumn' | 'keyColumn', types: ColumnType[], what: string): void => {
    const name = s[field];
    if (name === null) return;
    const c = names.get(name);
    if (!c) {
      out.push({
        field,
        code: 'unknown_column',
        message: `${what} ${name} 不在列中 / ${field} ${name} is not a column`,
      });
      return;
    }
    if (!types.includes(c.type))
      out.push({
        field,
        code: 'wrong_type',
        message: `${what}应为 ${types.join('/')} 类型 / ${field} must be of type ${types.join(' or ')}`,
      });
  };
  role('communityColumn', ['text'], '社区列');
  role('periodColumn', ['text', 'date'], '期间列');
  role('keyColumn', ['text', 'number', 'date'], '主键列');
  return out;
}

/** The columns a row must fill: the declared required ones and the community, period and key columns. */
export function requiredColumns(s: DatasetSchemaDef): Set<string> {
  const out = new Set(s.columns.filter((c) => c.required).map((c) => c.name));
  for (const c of [s.communityColumn, s.periodColumn, s.keyColumn]) if (c) out.add(c);
  return out;
}

import { describe, expect, it } from 'vitest';
import { checkSchema, type DatasetSchemaDef, requiredColumns } from './schema';
import { checkRecords, checkSheet, TEXT_MAX } from './validate';

const SCHOOLS: DatasetSchemaDef = {
  columns: [
    { name: 'school', label: '学校', type: 'text', required: true },
    { name: 'community', label: '社区', type: 'text' },
    { name: 'month', label: '月份', type: 'text' },
    { name: 'pupils', label: '在校生', type: 'number', unit: '人', required: true },
    { name: 'budget', label: '经费', type: 'number', unit: '万元' },
    { name: 'opened', label: '建校日期', type: 'date' },
    { name: 'note', label: '备注', type: 'text' },
  ],
  communityColumn: 'community',
  periodColumn: 'month',
  keyColumn: 'school',
};
const look = { community: (t: string) => ({ 灯湖社区: 'C01', C01: 'C01', 东约社区: 'C02', C02: 'C02' })[t] ?? null };
const sheet = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));
const HEADER = ['学校', '社区', '月份', '在校生(人)', '经费（万元）', '建校日期', '备注'];

describe('checkSchema', () => {
  it('accepts a sound schema', () => {
    expect(checkSchema(SCHOOLS)).toEqual([]);
  });
  it.each<[string, Partial<DatasetSchemaDef>, string, string]>([
    [
      'a duplicate column',
      { columns: [...SCHOOLS.columns, { name: 'school', type: 'text' }] },
      'columns[7]',
      'duplicate_column',
    ],
    [
      'a header naming two columns',
      { columns: [...SCHOOLS.columns, { name: 'x', label: 'School', type: 'text' }] },
      'columns[7]',
      'ambiguous_header',
    ],
    [
      'a unit on a text column',
      { columns: [...SCHOOLS.columns, { name: 'x', type: 'text', unit: '人' }] },
      'columns[7]',
      'unit_on_non_number',
    ],
    ['an unknown community column', { communityColumn: 'nope' }, 'communityColumn', 'unknown_column'],
    ['a number community column', { communityColumn: 'pupils' }, 'communityColumn', 'wrong_type'],
    ['a number period column', { periodColumn: 'budget' }, 'periodColumn', 'wrong_type'],
    ['an unknown key column', { keyColumn: 'nope' }, 'keyColumn', 'unknown_column'],
    ['an empty name', { columns: [...SCHOOLS.columns, { name: ' ', type: 'text' }] }, 'columns[7]', 'empty_name'],
  ])('refuses %s', (_what, change, field, code) => {
    expect(checkSchema({ ...SCHOOLS, ...change })).toContainEqual(expect.objectContaining({ field, code }));
  });
  it('makes the community, period and key columns required', () => {
    expect([...requiredColumns(SCHOOLS)].sort()).toEqual(['community', 'month', 'pupils', 'school']);
  });
});

describe('checkSheet', () => {
  it('reads headers by label or name, with or without the unit, and types every cell', () => {
    const r = checkSheet(
      sheet(
        HEADER,
        ['灯湖小学', '灯湖社区', '2026年3月', '1,200', '35.5', '1998/9/1', ''],
        ['东约小学', 'C02', '2026-03', '800人', '', '', '新校区'],
      ),
      SCHOOLS,
      'monthly',
      look,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        rowNo: 2,
        community: 'C01',
        period: '2026-03',
        values: {
          school: '灯湖小学',
          community: 'C01',
          month: '2026-03',
          pupils: 1200,
          budget: 35.5,
          opened: '1998-09-01',
          note: null,
        },
      },
      {
        rowNo: 3,
        community: 'C02',
        period: '2026-03',
        values: {
          school: '东约小学',
          community: 'C02',
          month: '2026-03',
          pupils: 800,
          budget: null,
          opened: null,
          note: '新校区',
        },
      },
    ]);
    // the row keeps the period as written (one spelling); the bucket is the period it counts for
    expect(
      checkSheet(
        sheet(['school', 'community', 'month', 'pupils'], ['a', 'C01', '2026-03-15', '1']),
        SCHOOLS,
        'monthly',
        look,
      ).rows[0],
    ).toMatchObject({
      period: '2026-03',
      values: { month: '2026-03-15' },
    });
  });

  it('names every bad cell by row and column, and returns no rows', () => {
    const r = checkSheet(
      sheet(
        HEADER,
        ['灯湖小学', '灯湖社区', '2026-03', 'many', '5元', '2026-02-30', 'x'.repeat(TEXT_MAX + 1)],
        ['', '火星社区', '2026', '', '', '', ''],
        ['灯湖小学', 'C01', '三月', '10', '', '', ''],
        ['ok', 'C01', '2026-03', '10', '', '', ''],
      ),
      SCHOOLS,
      'monthly',
      look,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'pupils', 'not_a_number'],
      [2, 'budget', 'wrong_unit'],
      [2, 'opened', 'not_a_date'],
      [2, 'note', 'too_long'],
      [3, 'school', 'required'],
      [3, 'community', 'unknown_community'],
      [3, 'month', 'period_too_coarse'],
      [3, 'pupils', 'required'],
      [4, 'school', 'duplicate'],
      [4, 'month', 'not_a_period'],
    ]);
    expect(r.errors.every((e) => / \/ /.test(e.message))).toBe(true);
  });

  it('refuses headers: unknown, twice, missing, and in another unit', () => {
    const r = checkSheet(
      sheet(['学校', '学校', '社区', '在校生(个)', '颜色'], ['a', 'a', 'C01', '1', 'red']),
      SCHOOLS,
      'monthly',
      look,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'school', 'duplicate_column'],
      [1, 'pupils', 'wrong_unit'],
      [1, '颜色', 'unknown_column'],
      [1, 'month', 'missing_column'],
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(checkSheet([], SCHOOLS, 'monthly', look).errors[0]!.code).toBe('empty');
    expect(checkSheet(sheet(HEADER), SCHOOLS, 'monthly', look).errors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('leaves optional columns out of the file as nulls and ignores empty header cells', () => {
    const r = checkSheet(
      sheet(['学校', '', '社区', '月份', '在校生'], ['a', 'junk', 'C01', '2026-01', '3']),
      SCHOOLS,
      'monthly',
      look,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.values).toEqual({
      school: 'a',
      community: 'C01',
      month: '2026-01',
      pupils: 3,
      budget: null,
      opened: null,
      note: null,
    });
  });

  it('works without community, period or key columns', () => {
    const plain: DatasetSchemaDef = {
      columns: [{ name: 'n', type: 'number' }],
      communityColumn: null,
      periodColumn: null,
      keyColumn: null,
    };
    const r = checkSheet(sheet(['n'], ['1'], ['1'], ['']), plain, 'irregular', look);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.community, x.period, x.values.n])).toEqual([
      [null, null, 1],
      [null, null, 1],
      [null, null, null],
    ]);
  });
});

describe('checkRecords', () => {
  it('checks pushed JSON the same way, rows numbered from 1', () => {
    const r = checkRecords(
      [
        { school: 'a', community: '灯湖社区', month: '2026-04', pupils: 12, budget: '3万元' },
        { school: 'b', community: 'C02', month: '2026-04', pupils: '7' },
      ],
      SCHOOLS,
      'monthly',
      look,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.rowNo, x.community, x.values.pupils, x.values.budget])).toEqual([
      [1, 'C01', 12, 3],
      [2, 'C02', 7, null],
    ]);
  });

  it('refuses unknown keys, objects, numbers as dates and the cell rules', () => {
    const r = checkRecords(
      [
        { school: 'a', community: 'C01', month: '2026-04', pupils: 1, colour: 'red' },
        { school: 'b', community: 'C01', month: '2026-04', pupils: { n: 1 } },
        { school: 'c', community: 'C01', month: '2026-04', pupils: 1, opened: 20260101 },
        { school: 'a', community: 'C09', month: '2026', pupils: null },
      ],
      SCHOOLS,
      'monthly',
      look,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'colour', 'unknown_column'],
      [2, 'pupils', 'wrong_type'],
      [3, 'opened', 'not_a_date'],
      [4, 'school', 'duplicate'],
      [4, 'community', 'unknown_community'],
      [4, 'month', 'period_too_coarse'],
      [4, 'pupils', 'required'],
    ]);
  });

  it('refuses an empty push', () => {
    expect(checkRecords([], SCHOOLS, 'monthly', look).errors.map((e) => e.code)).toEqual(['no_rows']);
  });
});

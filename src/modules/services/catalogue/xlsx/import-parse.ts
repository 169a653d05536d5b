/**
 * An import workbook → guides with the sheet row each part came from, or every problem with its
 * sheet, row and column. Pure apart from reading the workbook; the directory (departments, sites,
 * existing items) is given as lookups.
 */
import ExcelJS from 'exceljs';
import Ajv from 'ajv';
import { type ImportError, ItemGuide } from '../catalogue.contract';
import { areaCode, basicCodeProblem, creditCodeProblem } from '../codes';
import {
  fromLabel,
  ITEM_COLUMNS,
  type ItemColumn,
  LABELS,
  LIST_SEP,
  MATERIAL_COLUMNS,
  NO,
  PART_SEP,
  parseWhen,
  QUESTION_COLUMNS,
  REQUIRED_ITEM_COLUMNS,
  SHEETS,
  YES,
} from './layout';

export const MAX_IMPORT_ROWS = 20_000;

/** The contract's schema as the routes check it (Ajv: the OneOf enumerations are plain JSON Schema). */
let checkGuide: ReturnType<Ajv['compile']> | null = null;
const guideValidator = () => (checkGuide ??= new Ajv({ strict: false, allErrors: false }).compile(ItemGuide));

export interface ParsedItem {
  /** the 实施编码 computed from the row's codes */
  code: string;
  parentCode: string | null;
  guide: ItemGuide;
  row: number;
  questionRows: number[];
  materialRows: number[];
}

export interface Lookups {
  department(cell: string): string | null;
  site(cell: string): string | null;
  codeOf(g: Pick<ItemGuide, 'basicCode' | 'areaCode' | 'taskCode' | 'implementingBodyCode'>): string;
}

type Cells = Record<string, string>;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return '';
  }
  return String(v).trim();
}

/** Rows of a sheet as header key → text, with their sheet row numbers; unknown headers ignored. */
function readSheet(
  ws: ExcelJS.Worksheet,
  headers: Record<string, string>,
  errors: ImportError[],
): Array<{ row: number; cells: Cells }> {
  const byHeader = new Map(Object.entries(headers).map(([k, h]) => [h, k]));
  const cols = new Map<number, string>();
  ws.getRow(1).eachCell((c, n) => {
    const key = byHeader.get(cellText(c.value).replace(/\s+/g, ''));
    if (key) cols.set(n, key);
  });
  const out: Array<{ row: number; cells: Cells }> = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Cells = {};
    let any = false;
    r.eachCell((c, k) => {
      const key = cols.get(k);
      if (!key) return;
      const t = cellText(c.value);
      if (t) any = true;
      cells[key] = t;
    });
    if (any) out.push({ row: n, cells });
  });
  if (out.length > MAX_IMPORT_ROWS)
    errors.push({
      sheet: ws.name,
      row: 1,
      column: null,
      message: `最多 ${MAX_IMPORT_ROWS} 行 / at most ${MAX_IMPORT_ROWS} rows`,
    });
  return out;
}

export async function parseWorkbook(
  data: Buffer,
  look: Lookups,
): Promise<{ items: ParsedItem[]; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      items: [],
      errors: [{ sheet: '', row: 0, column: null, message: '不是有效的 .xlsx 文件 / not an .xlsx file' }],
    };
  }
  const wsItems = wb.getWorksheet(SHEETS.items);
  if (!wsItems)
    return {
      items: [],
      errors: [
        {
          sheet: SHEETS.items,
          row: 0,
          column: null,
          message: `缺少工作表“${SHEETS.items}” / the items sheet is missing`,
        },
      ],
    };
  const header = new Set<string>();
  wsItems.getRow(1).eachCell((c) => header.add(cellText(c.value).replace(/\s+/g, '')));
  for (const k of REQUIRED_ITEM_COLUMNS)
    if (!header.has(ITEM_COLUMNS[k]))
      errors.push({
        sheet: SHEETS.items,
        row: 1,
        column: ITEM_COLUMNS[k],
        message: `缺少列“${ITEM_COLUMNS[k]}” / missing column`,
      });
  if (errors.length) return { items: [], errors };

  const items: ParsedItem[] = [];
  const byCode = new Map<string, ParsedItem>();
  for (const { row, cells } of readSheet(wsItems, ITEM_COLUMNS, errors)) {
    const err = (col: ItemColumn, message: string) =>
      errors.push({ sheet: SHEETS.items, row, column: ITEM_COLUMNS[col], message });
    const get = (c: ItemColumn) => cells[c] ?? '';
    const label = <V extends string>(c: ItemColumn, labels: Record<V, string>): V => {
      const v = fromLabel(labels, get(c));
      if (!v) err(c, `“${get(c)}”不是可选值（${Object.values(labels).join('、')}）/ not one of the values`);
      return v as V;
    };
    const int = (c: ItemColumn, dflt?: number): number => {
      const t = get(c);
      if (!t && dflt !== undefined) return dflt;
      if (!/^\d{1,4}$/.test(t)) {
        err(c, '应为不小于 0 的整数 / a whole number ≥ 0');
        return 0;
      }
      return Number(t);
    };
    const yesNo = (c: ItemColumn) => {
      const t = get(c);
      if (t && t !== YES && t !== NO) err(c, `填“${YES}”或“${NO}” / yes or no`);
      return t === YES;
    };
    const list = (c: ItemColumn) =>
      get(c)
        .split(LIST_SEP)
        .map((s) => s.trim())
        .filter(Boolean);
    const departmentId = look.department(get('departmentId'));
    if (!departmentId) err('departmentId', `主管部门“${get('departmentId')}”不存在 / no such department`);
    const siteIds = list('siteIds').map((s) => {
      const id = look.site(s);
      if (!id) err('siteIds', `办理地点“${s}”不存在 / no such site`);
      return id ?? s;
    });
    const specialSteps = get('specialSteps')
      .split('\n')
      .filter((s) => s.trim())
      .map((s) => {
        const [name, days] = s.split(PART_SEP).map((x) => x.trim());
        if (!name || !/^\d{1,4}$/.test(days ?? ''))
          err('specialSteps', `“${s}”应写作 名称${PART_SEP}天数 / name${PART_SEP}days`);
        return { name: name ?? '', limitDays: Number(days) || 0, counted: false };
      });
    const fees = get('fees')
      .split('\n')
      .filter((s) => s.trim())
      .map((s) => {
        const [name, amount, ...basis] = s.split(PART_SEP).map((x) => x.trim());
        if (!name || !/^\d+(\.\d{1,2})?$/.test(amount ?? '') || !basis.join(''))
          err('fees', `“${s}”应写作 名称${PART_SEP}金额${PART_SEP}依据 / name${PART_SEP}amount${PART_SEP}basis`);
        return { name: name ?? '', amount: Number(amount) || 0, basis: basis.join(PART_SEP) };
      });
    const guide = {
      level: label('level', LABELS.level),
      name: get('name'),
      basicCode: get('basicCode'),
      areaCode: get('areaCode'),
      taskCode: get('taskCode'),
      itemType: label('itemType', LABELS.itemType),
      departmentId: departmentId ?? '',
      implementingBody: get('implementingBody'),
      implementingBodyCode: get('implementingBodyCode'),
      exerciseLevels: list('exerciseLevels').map((l) => {
        const v = fromLabel(LABELS.exerciseLevels, l);
        if (!v) err('exerciseLevels', `行使层级“${l}”不存在 / no such level`);
        return v ?? 'county';
      }),
      legalBasis: get('legalBasis'),
      caseType: label('caseType', LABELS.caseType),
      legalLimitDays: int('legalLimitDays'),
      promisedLimitDays: int('promisedLimitDays'),
      specialSteps,
      fees,
      onlineDepth: get('onlineDepth') ? label('onlineDepth', LABELS.onlineDepth) : 'offline',
      visits: int('visits', 1),
      mailable: yesNo('mailable'),
      consultPhone: get('consultPhone'),
      complaintPhone: get('complaintPhone'),
      siteIds,
      lifeEvents: list('lifeEvents').map((l) => {
        const v = fromLabel(LABELS.lifeEvents, l);
        if (!v) err('lifeEvents', `生活事件“${l}”不存在 / no such life event`);
        return v ?? 'birth';
      }),
      ...(get('conditions') ? { conditions: get('conditions') } : {}),
      ...(get('process')
        ? {
            process: get('process')
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
      questions: [],
      materials: [],
    } as unknown as ItemGuide;
    // the codes first, each in its own column: a wrong part would otherwise show as a wrong 实施编码
    const credit = creditCodeProblem(guide.implementingBodyCode);
    if (credit) err('implementingBodyCode', credit.message);
    const area = areaCode(guide.areaCode);
    if (!('level' in area)) err('areaCode', area.message);
    const basic = basicCodeProblem(guide.basicCode);
    if (basic) err('basicCode', basic.message);
    const computed = look.codeOf(guide);
    if (get('code') && get('code') !== computed && !credit && !basic && !('code' in area))
      err(
        'code',
        `实施编码与基本编码、区划代码、业务办理项编码、信用代码不符（应为 ${computed}）/ does not match its parts`,
      );
    // rows of the other sheets name the item by the code the sheet shows
    const code = get('code') || computed;
    if (byCode.has(code)) err('code', `实施编码 ${code} 在本表中重复 / duplicate in the file`);
    const parsed: ParsedItem = {
      code: computed,
      parentCode: get('parentCode') || null,
      guide,
      row,
      questionRows: [],
      materialRows: [],
    };
    byCode.set(code, parsed);
    if (code !== computed) byCode.set(computed, parsed);
    items.push(parsed);
  }

  const wsQ = wb.getWorksheet(SHEETS.questions);
  if (wsQ)
    for (const { row, cells } of readSheet(wsQ, QUESTION_COLUMNS, errors)) {
      const err = (col: keyof typeof QUESTION_COLUMNS, message: string) =>
        errors.push({ sheet: SHEETS.questions, row, column: QUESTION_COLUMNS[col], message });
      const item = byCode.get(cells.item ?? '');
      if (!item) {
        err('item', `本表没有实施编码为“${cells.item ?? ''}”的事项 / no such item in the file`);
        continue;
      }
      const when = parseWhen(cells.when ?? '');
      if (typeof when === 'string') err('when', when);
      const options = (cells.options ?? '')
        .split('\n')
        .filter((s) => s.trim())
        .map((s) => {
          const [value, ...label] = s.split('=');
          if (!value?.trim() || !label.join('=').trim()) err('options', `选项“${s}”应写作 值=说明 / value=label`);
          return { value: value?.trim() ?? '', label: label.join('=').trim() };
        });
      if (cells.multiple && cells.multiple !== YES && cells.multiple !== NO)
        err('multiple', `填“${YES}”或“${NO}” / yes or no`);
      item.guide.questions.push({
        key: cells.key ?? '',
        text: cells.text ?? '',
        options,
        ...(cells.multiple === YES ? { multiple: true } : {}),
        ...(typeof when !== 'string' && when.length ? { when } : {}),
      });
      item.questionRows.push(row);
    }

  const wsM = wb.getWorksheet(SHEETS.materials);
  if (wsM)
    for (const { row, cells } of readSheet(wsM, MATERIAL_COLUMNS, errors)) {
      const err = (col: keyof typeof MATERIAL_COLUMNS, message: string) =>
        errors.push({ sheet: SHEETS.materials, row, column: MATERIAL_COLUMNS[col], message });
      const item = byCode.get(cells.item ?? '');
      if (!item) {
        err('item', `本表没有实施编码为“${cells.item ?? ''}”的事项 / no such item in the file`);
        continue;
      }
      const yes = (c: 'required' | 'paper' | 'electronic') => {
        if (cells[c] && cells[c] !== YES && cells[c] !== NO) err(c, `填“${YES}”或“${NO}” / yes or no`);
        return cells[c] === YES;
      };
      const form = fromLabel(LABELS.form, cells.form ?? '');
      if (!form) err('form', `材料形式“${cells.form ?? ''}”不是可选值 / not a material form`);
      const source = fromLabel(LABELS.source, cells.source || LABELS.source.applicant);
      if (!source) err('source', `来源渠道“${cells.source ?? ''}”不是可选值 / not a source`);
      if (!/^\d{1,2}$/.test(cells.count ?? '1')) err('count', '份数为 1–99 的整数 / a count of 1–99');
      const when = parseWhen(cells.when ?? '');
      if (typeof when === 'string') err('when', when);
      item.guide.materials.push({
        key: cells.key ?? '',
        name: cells.name ?? '',
        form: form ?? 'original',
        count: Number(cells.count ?? '1') || 0,
        required: yes('required'),
        paper: yes('paper'),
        electronic: yes('electronic'),
        source: source ?? 'applicant',
        ...(cells.sampleFileId ? { sampleFileId: cells.sampleFileId } : {}),
        ...(cells.note ? { note: cells.note } : {}),
        ...(typeof when !== 'string' && when.length ? { when } : {}),
      });
      item.materialRows.push(row);
    }

  // the contract's own limits (lengths, patterns) on what the rows became
  const validate = guideValidator();
  for (const it of items) {
    if (validate(it.guide)) continue;
    const e = validate.errors?.[0];
    const path = (e?.instancePath ?? '').replace(/^\//, '').split('/').join('.');
    errors.push(placeOf(it, path, `${path || '事项'} ${e?.message ?? 'invalid'}`));
  }
  return { items, errors };
}

/** The sheet, row and column a guide path (materials.2.name, promisedLimitDays …) came from. */
export function placeOf(it: ParsedItem, path: string, message: string): ImportError {
  const [head, index, field] = path.split('.');
  if (head === 'questions' && it.questionRows[Number(index)] !== undefined)
    return {
      sheet: SHEETS.questions,
      row: it.questionRows[Number(index)],
      column: QUESTION_COLUMNS[field as keyof typeof QUESTION_COLUMNS] ?? null,
      message,
    };
  if (head === 'materials' && it.materialRows[Number(index)] !== undefined)
    return {
      sheet: SHEETS.materials,
      row: it.materialRows[Number(index)],
      column: MATERIAL_COLUMNS[field as keyof typeof MATERIAL_COLUMNS] ?? null,
      message,
    };
  const column = head === 'parentId' ? ITEM_COLUMNS.parentCode : (ITEM_COLUMNS[head as ItemColumn] ?? null);
  return { sheet: SHEETS.items, row: it.row, column, message };
}

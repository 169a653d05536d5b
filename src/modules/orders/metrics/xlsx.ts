/**
 * The monthly 考核 report as .xlsx, in the layout of government statistical tables: a title
 * merged across, a header block (统计周期 / 制表单位 / 制表时间), the ranking table with borders,
 * percentage formats, a frozen header and the 全街道合计 row; a second sheet with the 12-month trend.
 */
import ExcelJS from 'exceljs';
import { INDICATORS, localStamp, type Period } from './definitions';
import type { MetricsReport, MetricsRow } from './compute';

export interface MonthlyWorkbookInput {
  street: string;
  maker: string;
  madeAt: number;
  report: MetricsReport;
  trend: Array<MetricsRow & { month: string; label: string }>;
}

type Kind = 'int' | 'pct' | 'hours' | 'score' | 'text';
interface Col {
  header: string;
  width: number;
  kind: Kind;
  value: (r: MetricsRow) => string | number | null;
}

const RATE_COLS: Col[] = [
  { header: '及时签收率', width: 12, kind: 'pct', value: (r) => r.rates.signOnTime },
  { header: '按时办结率', width: 12, kind: 'pct', value: (r) => r.rates.onTimeCompletion },
  { header: '回访满意率', width: 12, kind: 'pct', value: (r) => r.rates.satisfaction },
  { header: '退单率', width: 10, kind: 'pct', value: (r) => r.rates.return },
  { header: '重办率', width: 10, kind: 'pct', value: (r) => r.rates.rework },
  { header: '解决率', width: 10, kind: 'pct', value: (r) => r.rates.solve },
  { header: '平均办理时长(小时)', width: 14, kind: 'hours', value: (r) => r.avgHandlingHours },
  { header: '超期件数', width: 10, kind: 'int', value: (r) => r.overdue },
];

/** The columns of the ranking table, in the order the 考核 rules list them. */
export const RANKING_COLUMNS: Col[] = [
  { header: '排名', width: 7, kind: 'int', value: (r) => r.rank },
  { header: '单位', width: 30, kind: 'text', value: (r) => r.unitName },
  { header: '派单量', width: 9, kind: 'int', value: (r) => r.dispatched },
  ...RATE_COLS,
  { header: '综合得分', width: 10, kind: 'score', value: (r) => r.score },
];

const TREND_COLUMNS: Col[] = [{ header: '派单量', width: 9, kind: 'int', value: (r) => r.dispatched }, ...RATE_COLS];

/** The 口径 printed with the report (the rules of definitions.ts, in the words of a 考核 notice). */
const DEFINITIONS: ReadonlyArray<readonly [string, string]> = [
  ['派单量', '本期分拨（含退单后改派）到本单位的工单次数，按分拨时间统计。'],
  ['及时签收率', '本期派单中，在签收时限内签收的件数 ÷ 派单量。'],
  [
    '按时办结率',
    '本期经中心审核通过的答复中，在办结时限（含批准的延期、挂起顺延）内提交的件数 ÷ 审核通过的答复数，按审核通过时间统计。',
  ],
  ['回访满意率', '（满意＋基本满意）÷ 有评价的回访次数（联系不上不计），按回访时间统计。'],
  ['退单率', '本期派单中经中心同意退回的件数 ÷ 派单量。'],
  ['重办率', '本期结案工单中，本单位办理期间经历重办（回访不满意或退回重办）的件数 ÷ 结案数。'],
  ['解决率', '本期结案工单中，回访满意、基本满意或无需回访经审核结案的件数 ÷ 结案数（联系不上不计为已解决）。'],
  [
    '平均办理时长',
    '自派单（或不满意重办开始）至提交答复的工作时长的平均值（按工作日历，扣除挂起和中心审核时间），单位：小时。',
  ],
  ['超期件数', '办结时限落在本期而未按时答复的次数：超时限答复的，加上截至制表时仍未答复且已超时限的。'],
  ['全街道合计', '表内各单位之和；中心直接答复的工单不计入任何单位。'],
];

const FORMAT: Record<Kind, string | undefined> = {
  int: '0',
  pct: '0.00%',
  hours: '0.0',
  score: '0.00',
  text: undefined,
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = '宋体';

export async function monthlyWorkbook(input: MonthlyWorkbookInput): Promise<Buffer> {
  const { report } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = input.maker;
  wb.created = new Date(input.madeAt);
  const title = `${input.street}一网统管工单办理情况月度考核表（${report.period.label}）`;

  // ── sheet 1: the ranking ──
  const ws = wb.addWorksheet('月度考核', {
    views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    },
  });
  const n = RANKING_COLUMNS.length;
  RANKING_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  titleRow(ws, title, n);
  const third = Math.floor(n / 3);
  ws.getRow(2).height = 20;
  headerCell(ws, 2, 1, third, `统计周期：${periodText(report.period)}`);
  headerCell(ws, 2, third + 1, 2 * third, `制表单位：${input.maker}`);
  headerCell(ws, 2, 2 * third + 1, n, `制表时间：${localStamp(input.madeAt)}`);
  ws.mergeCells(3, 1, 3, n);
  const note = ws.getCell(3, 1);
  note.value = `说明：${weightsText(report)}；统计口径见「指标说明」表。`;
  note.font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
  note.alignment = { vertical: 'middle', wrapText: true };
  ws.getRow(3).height = 30;

  tableHeader(ws, 4, RANKING_COLUMNS);
  let r = 5;
  for (const row of report.units) dataRow(ws, r++, RANKING_COLUMNS, row, false);
  const totalRow = dataRow(ws, r, RANKING_COLUMNS, { ...report.total, rank: null, score: null }, true);
  totalRow.getCell(1).value = '—';
  totalRow.getCell(n).value = '—';

  // ── sheet 2: the monthly trend of the street total ──
  const ts = wb.addWorksheet('月度趋势', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  const trendCols: Col[] = [{ header: '月份', width: 12, kind: 'text', value: () => null }, ...TREND_COLUMNS];
  trendCols.forEach((c, i) => (ts.getColumn(i + 1).width = c.width));
  titleRow(ts, `${input.street}一网统管工单办理情况月度趋势（全街道，近${input.trend.length}个月）`, trendCols.length);
  tableHeader(ts, 2, trendCols);
  input.trend.forEach((t, i) => {
    const row = dataRow(ts, 3 + i, trendCols, t, false);
    row.getCell(1).value = t.label;
  });

  // ── sheet 3: how each figure is counted ──
  const ds = wb.addWorksheet('指标说明');
  ds.getColumn(1).width = 18;
  ds.getColumn(2).width = 100;
  titleRow(ds, '工单考核指标说明', 2);
  tableHeader(ds, 2, [
    { header: '指标', width: 18, kind: 'text', value: () => null },
    { header: '计算口径', width: 100, kind: 'text', value: () => null },
  ]);
  [...DEFINITIONS, ['综合得分', weightsText(report)] as const].forEach(([name, text], i) => {
    const row = ds.getRow(3 + i);
    row.getCell(1).value = name;
    row.getCell(2).value = text;
    for (const c of [1, 2]) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 10, bold: c === 1 };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  });
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

function titleRow(ws: ExcelJS.Worksheet, text: string, width: number) {
  ws.mergeCells(1, 1, 1, width);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { name: FONT, size: 16, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
}

function headerCell(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string) {
  ws.mergeCells(row, from, row, to);
  const c = ws.getCell(row, from);
  c.value = text;
  c.font = { name: FONT, size: 10 };
  c.alignment = { vertical: 'middle' };
}

function tableHeader(ws: ExcelJS.Worksheet, rowNo: number, cols: Col[]) {
  const row = ws.getRow(rowNo);
  row.height = 30;
  cols.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = HEADER_FILL;
  });
}

function dataRow(ws: ExcelJS.Worksheet, rowNo: number, cols: Col[], data: MetricsRow, total: boolean) {
  const row = ws.getRow(rowNo);
  cols.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const v = c.value(data);
    // no denominator (nothing to judge): a dash, as printed tables do, not a misleading 0%
    cell.value = v === null ? '—' : v;
    if (v !== null && FORMAT[c.kind]) cell.numFmt = FORMAT[c.kind]!;
    cell.font = { name: FONT, size: 10, bold: total };
    cell.alignment = { horizontal: c.kind === 'text' ? 'left' : 'center', vertical: 'middle' };
    cell.border = THIN;
    if (total) cell.fill = TOTAL_FILL;
  });
  return row;
}

function periodText(p: Period): string {
  const day = (ms: number) => {
    const d = new Date(ms + 8 * 3_600_000);
    return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  };
  return `${day(p.from)} 至 ${day(p.to - 1)}`;
}

function weightsText(r: MetricsReport): string {
  const w = r.weights;
  const parts = (Object.keys(w.weights) as Array<keyof typeof w.weights>).map(
    (k) => `${INDICATORS[k].zh}${w.weights[k]}分`,
  );
  return `综合得分=${parts.join('、')}（退单率、重办率按1−比率计分），迟签收每件扣${w.deductions.lateSign}分、超期每件扣${w.deductions.overdue}分，扣分上限${w.deductions.max}分`;
}

/**
 * A workbench list as .xlsx (工单导出): one row per order with the columns a 12345 centre's
 * ledger (工单台账) carries, reporters masked as on screen, times in Beijing time. A header block
 * says who exported what and when; a list cut at the limit says so in its title block.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { localStamp } from '../metrics/definitions';
import { STATE_LABELS, type OrderState } from '../model';
import type { OrderFilter } from '../queries/queries.service';
import type { OrderView } from '../queries/order.view';

export const EXPORT_MAX_ROWS = 10_000;

const CHANNELS: Record<string, string> = {
  hotline: '12345热线',
  web: '网站/H5',
  wechat: '微信',
  grid: '网格上报',
  drone: '无人机',
  camera: '视频AI',
  open311: 'Open311',
  api: '系统对接',
  window: '窗口',
};
const URGENCIES: Record<string, string> = { normal: '一般', urgent: '紧急', emergency: '特急' };
const VISITS: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  unreachable: '联系不上',
};
const SLA: Record<string, string> = { normal: '正常', due_soon: '临期', overdue: '超期' };

export interface OrdersWorkbookInput {
  orders: readonly OrderView[];
  communityName: (code: string | null) => string | null;
  maker: string;
  madeAt: number;
  /** The filters in words, e.g. 状态=办理中；社区=中区社区. */
  filterText: string;
  truncated: boolean;
  /** 反映人/联系电话 unmasked (an audited export by a holder of pii.reveal): the header block says so. */
  withReporter?: boolean;
}

interface Col {
  header: string;
  width: number;
  value: (o: OrderView, c: OrdersWorkbookInput) => string | number | null;
}

const time = (ms: number | null) => (ms === null ? null : localStamp(ms));

export const EXPORT_COLUMNS: Col[] = [
  { header: '工单号', width: 18, value: (o) => o.number },
  { header: '登记时间', width: 17, value: (o) => time(o.createdAt) },
  { header: '来源渠道', width: 10, value: (o) => CHANNELS[o.channel] ?? o.channel },
  { header: '诉求分类', width: 30, value: (o) => o.categoryPath },
  { header: '标题', width: 36, value: (o) => o.title },
  { header: '诉求内容', width: 50, value: (o) => o.description },
  { header: '地址', width: 30, value: (o) => o.address },
  { header: '社区', width: 12, value: (o, c) => c.communityName(o.communityCode) ?? o.communityCode },
  { header: '反映人', width: 10, value: (o) => o.reporter.name },
  { header: '联系电话', width: 14, value: (o) => o.reporter.phone },
  { header: '紧急程度', width: 9, value: (o) => URGENCIES[o.urgency] ?? o.urgency },
  { header: '承办单位', width: 26, value: (o) => o.unitName },
  { header: '状态', width: 9, value: (o) => o.stateLabel },
  { header: '时限状态', width: 9, value: (o) => SLA[o.slaStatus] ?? o.slaStatus },
  { header: '分拨时间', width: 17, value: (o) => time(o.dispatchedAt) },
  { header: '签收时限', width: 17, value: (o) => time(o.signDeadline) },
  { header: '签收时间', width: 17, value: (o) => time(o.signedAt) },
  { header: '办结时限', width: 17, value: (o) => time(o.completionDeadline) },
  { header: '答复时间', width: 17, value: (o) => time(o.repliedAt) },
  { header: '答复内容', width: 50, value: (o) => o.reply },
  { header: '回访结果', width: 10, value: (o) => (o.visitResult ? (VISITS[o.visitResult] ?? o.visitResult) : null) },
  { header: '办结时间', width: 17, value: (o) => time(o.closedAt) },
  { header: '退单次数', width: 9, value: (o) => o.bounceCount },
  { header: '催办次数', width: 9, value: (o) => o.urgeCount },
];

const FONT = '宋体';

export async function ordersWorkbook(input: OrdersWorkbookInput): Promise<Buffer> {
  // The streaming writer commits each row as it goes: a 10,000-row ledger holds no cell objects
  // for the whole sheet (the in-memory workbook took about 300 MiB for it).
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Yiwang';
  wb.created = new Date(input.madeAt);
  const ws = wb.addWorksheet('工单台账', { views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }] });
  const last = EXPORT_COLUMNS.length;
  ws.columns = EXPORT_COLUMNS.map((col) => ({ width: col.width }));
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + input.orders.length, column: last } };
  ws.mergeCells(1, 1, 1, last);
  ws.mergeCells(2, 1, 2, last);
  const title = ws.getRow(1);
  title.getCell(1).value =
    `工单台账（${input.orders.length} 件${input.truncated ? `，仅导出最新 ${EXPORT_MAX_ROWS} 件，请缩小筛选范围` : ''}）`;
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  title.commit();
  const meta = ws.getRow(2);
  meta.getCell(1).value =
    `筛选条件：${input.filterText || '全部'}    导出人：${input.maker}    导出时间：${localStamp(input.madeAt)}` +
    (input.withReporter ? '    含反映人信息（未脱敏，已留痕，请妥善保管）' : '');
  meta.getCell(1).font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  meta.commit();
  const header = ws.getRow(3);
  EXPORT_COLUMNS.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  header.commit();
  for (const o of input.orders) ws.addRow(EXPORT_COLUMNS.map((col) => col.value(o, input))).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The filters of an export in words, for its header block. */
export function describeFilter(
  f: OrderFilter,
  names: {
    unit(id: string): string | null;
    category(code: string): string | null;
    community(code: string): string | null;
  },
): string {
  const parts: string[] = [];
  if (f.state?.length) parts.push(`状态=${f.state.map((s) => STATE_LABELS[s as OrderState]?.zh ?? s).join('、')}`);
  if (f.open) parts.push('未办结');
  if (f.sla) parts.push(`时限=${SLA[f.sla]}`);
  if (f.late) parts.push('临期或超期');
  if (f.request) parts.push(f.request === 'return' ? '退单申请' : '延期申请');
  if (f.supervised) parts.push('督办中');
  if (f.unitId) parts.push(`承办单位=${names.unit(f.unitId) ?? f.unitId}`);
  if (f.channel) parts.push(`渠道=${CHANNELS[f.channel] ?? f.channel}`);
  if (f.categoryPrefix) parts.push(`分类=${names.category(f.categoryPrefix) ?? f.categoryPrefix}`);
  if (f.communityCode) parts.push(`社区=${names.community(f.communityCode) ?? f.communityCode}`);
  if (f.q) parts.push(`关键词=${f.q}`);
  if (f.phone) parts.push('按来电号码');
  if (f.from !== undefined) parts.push(`登记起=${localStamp(f.from)}`);
  if (f.to !== undefined) parts.push(`登记止=${localStamp(f.to)}`);
  return parts.join('；');
}

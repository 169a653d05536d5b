/** The catalogue as an .xlsx workbook in the layout of layout.ts (every item's working draft). */
import ExcelJS from 'exceljs';
import type { ItemGuide } from '../catalogue.contract';
import {
  formatWhen,
  ITEM_COLUMNS,
  type ItemColumn,
  LABELS,
  MATERIAL_COLUMNS,
  NO,
  PART_SEP,
  QUESTION_COLUMNS,
  SHEETS,
  YES,
} from './layout';

export interface ExportItem {
  code: string;
  parentCode: string | null;
  guide: ItemGuide;
}

const yes = (b: boolean | undefined) => (b ? YES : NO);

function sheet(wb: ExcelJS.Workbook, name: string, headers: Record<string, string>) {
  const ws = wb.addWorksheet(name);
  ws.columns = Object.entries(headers).map(([key, header]) => ({
    key,
    header,
    width: Math.max(10, header.length * 2 + 2),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

export async function exportCatalogue(
  items: readonly ExportItem[],
  names: { department: (id: string) => string; site: (id: string) => string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yiwang';
  const wi = sheet(wb, SHEETS.items, ITEM_COLUMNS);
  const wq = sheet(wb, SHEETS.questions, QUESTION_COLUMNS);
  const wm = sheet(wb, SHEETS.materials, MATERIAL_COLUMNS);
  for (const { code, parentCode, guide: g } of items) {
    const row: Record<ItemColumn, string | number> = {
      code,
      name: g.name,
      level: LABELS.level[g.level],
      parentCode: parentCode ?? '',
      basicCode: g.basicCode,
      areaCode: g.areaCode,
      taskCode: g.taskCode,
      itemType: LABELS.itemType[g.itemType],
      departmentId: names.department(g.departmentId),
      implementingBody: g.implementingBody,
      implementingBodyCode: g.implementingBodyCode,
      exerciseLevels: g.exerciseLevels.map((l) => LABELS.exerciseLevels[l]).join('、'),
      legalBasis: g.legalBasis,
      caseType: LABELS.caseType[g.caseType],
      legalLimitDays: g.legalLimitDays,
      promisedLimitDays: g.promisedLimitDays,
      specialSteps: g.specialSteps.map((s) => `${s.name}${PART_SEP}${s.limitDays}`).join('\n'),
      fees: g.fees.map((f) => `${f.name}${PART_SEP}${f.amount}${PART_SEP}${f.basis}`).join('\n'),
      onlineDepth: LABELS.onlineDepth[g.onlineDepth],
      visits: g.visits,
      mailable: yes(g.mailable),
      consultPhone: g.consultPhone,
      complaintPhone: g.complaintPhone,
      siteIds: g.siteIds.map(names.site).join('、'),
      lifeEvents: g.lifeEvents.map((l) => LABELS.lifeEvents[l]).join('、'),
      conditions: g.conditions ?? '',
      process: (g.process ?? []).join('\n'),
    };
    wi.addRow(row);
    for (const q of g.questions)
      wq.addRow({
        item: code,
        key: q.key,
        text: q.text,
        options: q.options.map((o) => `${o.value}=${o.label}`).join('\n'),
        multiple: yes(q.multiple),
        when: formatWhen(q.when),
      });
    for (const m of g.materials)
      wm.addRow({
        item: code,
        key: m.key,
        name: m.name,
        form: LABELS.form[m.form],
        count: m.count,
        required: yes(m.required),
        paper: yes(m.paper),
        electronic: yes(m.electronic),
        source: LABELS.source[m.source],
        when: formatWhen(m.when),
        sampleFileId: m.sampleFileId ?? '',
        note: m.note ?? '',
      });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A spreadsheet as rows of text cells: .xlsx (exceljs) or CSV in UTF-8 (with or without BOM) or
 * GBK/GB18030, as Excel saves a CSV on a Chinese Windows (iconv-lite). Throws an Error with a
 * message for a file it cannot read.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface SheetRow {
  /** the row number a spreadsheet shows (1 = the header) */
  row: number;
  cells: string[];
}

const isZip = (b: Buffer) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The first sheet's rows, header first; a workbook stops after `maxRows` + 1 rows (the caller says "too many"). */
export async function readSheet(data: Buffer, maxRows: number): Promise<SheetRow[]> {
  return isZip(data) ? readWorkbook(data, maxRows) : parseCsv(decodeText(data), maxRows);
}

async function readWorkbook(data: Buffer, maxRows: number): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as never);
  } catch {
    throw new Error('不是可读的 .xlsx 工作簿 / not a readable .xlsx workbook');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('工作簿没有工作表 / the workbook has no sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (rows.length > maxRows + 1) return;
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = cellText(c.value);
    });
    rows.push({ row: n, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString();
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    return '';
  }
  return String(v);
}

/** UTF-8 when the bytes are valid UTF-8; GBK (GB18030) otherwise. */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

/** RFC 4180 CSV: quotes, doubled quotes, CRLF or LF; comma, tab or semicolon as the separator. */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): SheetRow[] {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = [',', '\t', ';'].reduce((a, b) => (first.split(b).length > first.split(a).length ? b : a));
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += ch;
    if (rows.length > maxRows + 1) break;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

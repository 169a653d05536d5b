/** The platform's spreadsheet reader (moved to src/platform/sheet.ts). */
export { decodeText, parseCsv, readSheet, type SheetRow } from '../../../../platform/sheet';

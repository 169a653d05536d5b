/**
 * KMZ bytes → Route, for files made by DJI Pilot 2, FlightHub 2 or kmz-export.ts. `wpmz/waylines.wpml` is
 * required; `wpmz/template.kml` is optional and read for droneInfo/payloadInfo when waylines.wpml lacks
 * them. Untrusted input: the archive is capped at 10 MB and what it inflates to at 50 MB (declared sizes
 * are checked first, and the bytes actually inflated are counted, so a lying header cannot get past).
 */
import JSZip from 'jszip';
import { TEMPLATE_PATH, WAYLINES_PATH } from './kmz-export';
import {
  type ImportResult,
  namesItsModel,
  parseDocument,
  routeFromWpml,
  sniffTemplateType,
  type TemplateInfo,
  templateInfo,
} from './wpml-parse';

export type { ImportFailureCode, ImportResult } from './wpml-parse';

export const IMPORT_LIMITS = {
  compressedBytes: 10 * 1024 * 1024,
  uncompressedBytes: 50 * 1024 * 1024,
  entries: 1000,
} as const;

export interface ImportOptions {
  /** The route's name (DJI: the file name without .kmz). */
  name?: string;
  /** Apply the dock's rules (8 m take-off height); default true. */
  forDock?: boolean;
}

const failure = (code: string, message: string): ImportResult => ({ ok: false, code, message });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export async function importKmz(buf: Buffer | Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  if (buf.byteLength > IMPORT_LIMITS.compressedBytes)
    return failure(
      'too_big',
      `the file is ${mb(buf.byteLength)}; a wayline KMZ may be at most ${mb(IMPORT_LIMITS.compressedBytes)}`,
    );
  // a zip starts with a local file header (PK\3\4), or is an empty archive (PK\5\6)
  if (buf.byteLength < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b)
    return failure('not_zip', 'the file is not a KMZ (zip) archive');
  let zip: JSZip;
  try {
    // checkCRC32 would inflate every entry inside loadAsync, before the size guards below could act
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch (e) {
    return failure('not_zip', `the file is not a readable KMZ (zip) archive: ${(e as Error).message}`);
  }

  const entries = Object.values(zip.files);
  if (entries.length > IMPORT_LIMITS.entries)
    return failure('too_big', `the archive holds ${entries.length} entries; at most ${IMPORT_LIMITS.entries}`);
  const declared = entries.reduce((sum, f) => sum + declaredSize(f), 0);
  if (declared > IMPORT_LIMITS.uncompressedBytes)
    return failure('too_big', `the archive unpacks to ${mb(declared)}; at most ${mb(IMPORT_LIMITS.uncompressedBytes)}`);

  const waylinesEntry = zip.file(WAYLINES_PATH);
  if (!waylinesEntry) {
    const names = entries.filter((f) => !f.dir).map((f) => f.name);
    const seen =
      names.length > 0 ? `it holds ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}` : 'it is empty';
    return failure('missing_waylines', `the KMZ has no ${WAYLINES_PATH} (${seen})`);
  }
  const budget = { left: IMPORT_LIMITS.uncompressedBytes };
  const waylinesText = await readCapped(waylinesEntry, budget);
  if (typeof waylinesText !== 'string') return waylinesText;
  const templateEntry = zip.file(TEMPLATE_PATH);
  const templateText = templateEntry ? await readCapped(templateEntry, budget) : null;
  if (templateText !== null && typeof templateText !== 'string') return templateText;

  const waylines = parseDocument(waylinesText, 'waylines.wpml');
  if ('failure' in waylines) return waylines.failure;
  const warnings: { code: string; message: string }[] = [];
  let template: TemplateInfo | null = null;
  if (templateText !== null && namesItsModel(waylines.doc)) {
    // parsing the template costs as much as the wayline itself: only its type is needed here
    template = { type: sniffTemplateType(templateText), model: {} };
  } else if (templateText !== null) {
    const parsed = parseDocument(templateText, 'template.kml');
    // the template is optional: a broken one is reported, and the executable file still imports
    if ('failure' in parsed)
      warnings.push({
        code: 'template_ignored',
        message: `template.kml was ignored: ${failureMessage(parsed.failure)}`,
      });
    else template = templateInfo(parsed.doc);
  }
  if (!/xmlns:wpml\s*=\s*["']http:\/\/www\.dji\.com\/wpmz\/1\.0\.\d+["']/.test(waylinesText))
    warnings.push({
      code: 'unknown_namespace',
      message: 'waylines.wpml does not declare the DJI wpmz/1.0.x namespace',
    });

  const result = routeFromWpml(waylines.doc, template, opts.name?.trim() || 'Imported wayline', opts);
  return result.ok ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}

function failureMessage(r: ImportResult): string {
  return r.ok ? '' : r.message;
}

/** The size the central directory declares for an entry (0 for folders). */
function declaredSize(f: JSZip.JSZipObject): number {
  const data = (f as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0;
}

/** JSZip's documented internal stream (its typings leave it out): chunks as they are inflated. */
interface InflateStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', cb: (e: Error) => void): InflateStream;
  on(event: 'end', cb: () => void): InflateStream;
  resume(): InflateStream;
  pause(): InflateStream;
}

/** An entry's text, inflating no more than the budget allows (what it inflates is counted, not trusted). */
function readCapped(entry: JSZip.JSZipObject, budget: { left: number }): Promise<string | ImportResult> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let done = false;
    const finish = (v: string | ImportResult) => {
      if (!done) resolve(v);
      done = true;
    };
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (chunk) => {
        if (done) return;
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.pause(); // the inflater stops here: the rest of a zip bomb is never produced
          finish(failure('too_big', `the archive unpacks to more than ${mb(IMPORT_LIMITS.uncompressedBytes)}`));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => finish(failure('not_zip', `${entry.name} cannot be unpacked: ${e.message}`)))
      .on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        finish(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      })
      .resume();
  });
}

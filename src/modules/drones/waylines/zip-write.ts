/**
 * A minimal, deterministic zip writer for KMZ export: stored folders and DEFLATE files, one fixed
 * modification time, no extra fields, no comments — the same entries give the same bytes. Node's own
 * zlib (deflate, crc32) does the work: JSZip's JavaScript deflate took most of an export's time for a
 * 500-waypoint route. Reading (kmz-import.ts) stays with JSZip.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Forward slashes; a folder ends with "/" and has no data. */
  name: string;
  data?: string | Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20; // 2.0: deflate and folders
const UTF8_NAMES = 0x0800;

/**
 * MS-DOS time and date fields of an instant, read in UTC (as JSZip does) so the time zone never matters;
 * the format starts in 1980 and ends in 2107.
 */
function dosDateTime(at: Date): { time: number; date: number } {
  const d = new Date(Math.min(Math.max(at.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31)));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export function writeZip(entries: readonly ZipEntry[], modified: Date): Buffer {
  const { time, date } = dosDateTime(modified);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const isDir = e.name.endsWith('/');
    const raw = isDir ? Buffer.alloc(0) : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
    const body = isDir ? raw : deflateRawSync(raw, { level: 6 });
    const crc = isDir ? 0 : crc32(raw) >>> 0;
    const method = isDir ? 0 : 8;
    const flags = /[^\x20-\x7e]/.test(e.name) ? UTF8_NAMES : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);

    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL, 0);
    c.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
    c.writeUInt16LE(VERSION, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal attributes: 0
    c.writeUInt32LE(isDir ? 0x10 : 0, 38); // MS-DOS directory attribute
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

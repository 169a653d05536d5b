/**
 * 办件编号: the case number people read out on the phone and type on the tracking page.
 *
 *   GC 260224 0042 7   site code · yymmdd (Shanghai day of submission) · daily sequence · check digit
 *
 * The site code is 2–6 letters without I and O (they read like 1 and 0); the sequence has 4
 * digits, more once a site passes 9,999 cases a day. The check digit is Damm's algorithm over the
 * digits, with each letter of the site code as its two-digit number (A = 10 … Z = 35): every
 * single wrong digit and every swap of two neighbouring digits is caught. A mistyped site code is
 * caught in most cases, and the service looks the code up among its sites anyway.
 */
import { dayOf } from './time-limit';

const SITE_RE = /^[A-HJ-NP-Z]{2,6}$/;
export const MAX_SEQUENCE = 999_999;

// Damm's totally anti-symmetric quasigroup of order 10.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** Damm check digit of a string of digits. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d < 0 || d > 9) throw new RangeError(`not a digit: ${JSON.stringify(ch)}`);
    interim = DAMM[interim][d];
  }
  return interim;
}

const expand = (body: string) => body.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
const checkDigitOf = (body: string) => dammDigit(expand(body));

export function isSiteCode(x: unknown): x is string {
  return typeof x === 'string' && SITE_RE.test(x);
}

/** The number of the `sequence`-th case a site registered on the Shanghai day of `at`. */
export function formatCaseNumber(siteCode: string, at: number, sequence: number): string {
  if (!isSiteCode(siteCode)) throw new RangeError(`site code must be 2–6 letters without I/O, got ${siteCode}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE)
    throw new RangeError(`sequence must be 1…${MAX_SEQUENCE}, got ${sequence}`);
  const body = `${caseNumberDayPrefix(siteCode, at)}${String(sequence).padStart(4, '0')}`;
  return `${body}${checkDigitOf(body)}`;
}

/** Site code + yymmdd: what every number of that site and day starts with. */
export function caseNumberDayPrefix(siteCode: string, at: number): string {
  if (!Number.isSafeInteger(at)) throw new RangeError(`at must be an epoch-ms integer, got ${at}`);
  const day = dayOf(at);
  return `${siteCode}${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}

/** Grouped for reading out: 'GC 260224 0042 7'. */
export function displayCaseNumber(number: string): string {
  const m = /^([A-Z]+)(\d{6})(\d+)(\d)$/.exec(number);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : number;
}

export interface ParsedCaseNumber {
  /** The canonical form, as stored. */
  number: string;
  siteCode: string;
  /** 'YYYY-MM-DD' (20yy). */
  date: string;
  sequence: number;
}

export type CaseNumberParse =
  | ({ ok: true } & ParsedCaseNumber)
  | { ok: false; code: 'malformed' | 'bad_date' | 'bad_check_digit'; reason: string };

/**
 * Reads what someone typed or said: full-width characters, spaces, dashes and lower case are
 * forgiven, and in the digit part O is read as 0 and I/L as 1.
 */
export function parseCaseNumber(input: string): CaseNumberParse {
  const flat = String(input)
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·/]/g, '');
  const firstDigit = flat.search(/\d/);
  const site = firstDigit < 0 ? flat : flat.slice(0, firstDigit);
  const digits = firstDigit < 0 ? '' : flat.slice(firstDigit).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!isSiteCode(site) || !/^\d{11,13}$/.test(digits)) {
    return { ok: false, code: 'malformed', reason: '办件编号格式不对 / not a case number (e.g. GC 260224 0042 7)' };
  }
  const [yy, mm, dd] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
  const date = `20${yy}-${mm}-${dd}`;
  const utc = Date.UTC(2000 + Number(yy), Number(mm) - 1, Number(dd));
  if (new Date(utc).toISOString().slice(0, 10) !== date) {
    return { ok: false, code: 'bad_date', reason: `办件编号中的日期 ${date} 不存在 / no such date in the number` };
  }
  const sequence = Number(digits.slice(6, -1));
  if (String(sequence).padStart(4, '0') !== digits.slice(6, -1)) {
    return {
      ok: false,
      code: 'malformed',
      reason: '办件编号序号位数不对 / the sequence has the wrong number of digits',
    };
  }
  const number = `${site}${digits}`;
  if (sequence < 1 || checkDigitOf(number.slice(0, -1)) !== Number(digits.slice(-1))) {
    return {
      ok: false,
      code: 'bad_check_digit',
      reason: '办件编号校验位不符，请核对 / the check digit does not match',
    };
  }
  return { ok: true, number, siteCode: site, date, sequence };
}

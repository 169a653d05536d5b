/**
 * The applicant's identity number, checked with its checksum: a person's 居民身份证号码 (GB 11643,
 * ISO 7064 MOD 11-2 check character, a real birth date) or an enterprise's 统一社会信用代码
 * (GB 32100, checked by the catalogue's codes.ts). Pure.
 */
import { creditCodeProblem } from '../catalogue/codes';

export type ApplicantKind = 'person' | 'enterprise';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits of an ID card number. */
export function idCardCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Null when `no` is a valid 18-character ID card number, else why not (中文 / English). */
export function idCardProblem(no: string, today = new Date()): string | null {
  if (!/^\d{17}[\dX]$/.test(no)) return '身份证号须为 18 位（末位可为 X）/ an ID card number has 18 characters';
  const y = Number(no.slice(6, 10));
  const m = Number(no.slice(10, 12));
  const d = Number(no.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > today.getTime())
    return '身份证号中的出生日期无效 / the birth date in the ID card number is not valid';
  if (idCardCheckChar(no.slice(0, 17)) !== no[17])
    return '身份证号校验位不符 / the ID card number’s check character is wrong';
  return null;
}

/** Upper-cases and strips spaces, then checks the number for the kind of applicant. */
export function applicantIdProblem(
  kind: ApplicantKind,
  raw: string,
  now: number,
): { idNo: string; problem: string | null } {
  const idNo = raw.replace(/\s+/g, '').toUpperCase();
  if (kind === 'person') return { idNo, problem: idCardProblem(idNo, new Date(now)) };
  const p = creditCodeProblem(idNo);
  return { idNo, problem: p ? p.message : null };
}

/** 110101********1234: what lists and the public tracking page show of an ID number. */
export const maskIdNo = (no: string) =>
  no.length > 10 ? `${no.slice(0, 6)}${'*'.repeat(no.length - 10)}${no.slice(-4)}` : no;

/** 139****5678 */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone);

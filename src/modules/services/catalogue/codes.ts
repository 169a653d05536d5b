/**
 * Codes of the catalogue (GB/T 39554.1) as pure checks:
 * - the 18-character 统一社会信用代码 of an implementing body (GB 32100-2015), with its check character;
 * - the 12-digit area code (统计用区划代码: 6-digit division + 3-digit town + 3-digit village);
 * - the basic code (基本编码, 14 characters: a 10-character 主项 code + a 4-digit 子项 part, 0000 on
 *   the 主项 itself) and the implementation code (实施编码) built from it, as provincial portals show
 *   it: `basic-area-task-credit-1-00` (task: the 3-digit 业务办理项 code, 000 on 主项 and 子项).
 */

/** The 31 characters a credit code may use (no I, O, S, V, Z). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i) mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a credit code, or null if they use a character outside the set. */
export function creditCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i];
  }
  const r = 31 - (sum % 31);
  return CREDIT_CHARS[r === 31 ? 0 : r];
}

export type CodeProblem = { code: string; message: string };

/** Why a 统一社会信用代码 is not valid, or null when it is. */
export function creditCodeProblem(code: string): CodeProblem | null {
  if (code.length !== 18)
    return {
      code: 'credit_length',
      message: `统一社会信用代码应为 18 位（现 ${code.length} 位）/ a credit code has 18 characters`,
    };
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CHARS.includes(code[i]))
      return {
        code: 'credit_char',
        message: `统一社会信用代码第 ${i + 1} 位“${code[i]}”不合法 / character ${i + 1} is not allowed (0-9 and A-Y except I O S V Z)`,
      };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return {
      code: 'credit_area',
      message: '统一社会信用代码第 3–8 位应为行政区划代码 / characters 3–8 are the area code',
    };
  const want = creditCheckChar(code.slice(0, 17));
  if (want !== code[17])
    return {
      code: 'credit_check',
      message: `统一社会信用代码校验位错误（应为 ${want}）/ wrong check character (expected ${want})`,
    };
  return null;
}

export const isCreditCode = (code: string) => creditCodeProblem(code) === null;

/** Provinces' two-digit prefixes (GB/T 2260), for the area code's first check. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

export type AreaLevel = 'province' | 'city' | 'county' | 'town' | 'village';

/** The level a 12-digit area code names, or a problem. */
export function areaCode(code: string): { level: AreaLevel } | CodeProblem {
  if (!/^\d{12}$/.test(code))
    return { code: 'area_format', message: '区划代码应为 12 位数字 / an area code is 12 digits' };
  if (!PROVINCES.has(Number(code.slice(0, 2))))
    return { code: 'area_province', message: `区划代码省级部分 ${code.slice(0, 2)} 不存在 / no such province` };
  const [city, county, town, village] = [code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)];
  // a lower part is set only under a set higher part
  const parts = [city !== '00', county !== '00', town !== '000', village !== '000'];
  for (let i = 1; i < parts.length; i++)
    if (parts[i] && !parts[i - 1])
      return {
        code: 'area_gap',
        message: '区划代码下级部分不能在上级为 0 时设置 / a lower part is set under an empty higher one',
      };
  const levels: AreaLevel[] = ['province', 'city', 'county', 'town', 'village'];
  return { level: levels[parts.lastIndexOf(true) + 1] };
}

export const isAreaCode = (code: string) => 'level' in areaCode(code);

/** 基本编码: 14 characters, upper-case letters and digits, the last four digits (0000 on a 主项). */
export const BASIC_CODE = /^[0-9A-Z]{10}\d{4}$/;
export const TASK_CODE = /^\d{3}$/;

export function basicCodeProblem(code: string): CodeProblem | null {
  return BASIC_CODE.test(code)
    ? null
    : {
        code: 'basic_format',
        message:
          '基本编码应为 14 位：10 位主项编码（大写字母或数字）+ 4 位子项编码 / a basic code is 10 letters or digits + 4 digits',
      };
}

export interface ImplementationParts {
  basicCode: string;
  areaCode: string;
  taskCode: string;
  creditCode: string;
}

/** 实施编码, e.g. 511A0138000000-511602000000-000-115113010833722043-1-00. */
export const implementationCode = (p: ImplementationParts) =>
  `${p.basicCode}-${p.areaCode}-${p.taskCode}-${p.creditCode}-1-00`;

/** The parts of an implementation code, or null when it is not one (each part checked). */
export function parseImplementationCode(code: string): ImplementationParts | null {
  const m = /^([0-9A-Z]{10}\d{4})-(\d{12})-(\d{3})-([0-9A-Z]{18})-1-00$/.exec(code);
  if (!m) return null;
  const parts = { basicCode: m[1], areaCode: m[2], taskCode: m[3], creditCode: m[4] };
  return isAreaCode(parts.areaCode) && isCreditCode(parts.creditCode) ? parts : null;
}

export type Level = 'main' | 'sub' | 'task';

/**
 * How an item's codes must sit under its parent's (each level claims its item from the basic
 * catalogue above it): a 主项 has no parent, 子项 part 0000 and task 000; a 子项 shares its 主项's
 * 10-character code with its own 子项 part; a 业务办理项 keeps its parent's basic code with its
 * own non-zero task code.
 */
export function hierarchyProblem(
  item: { level: Level; basicCode: string; taskCode: string },
  parent: { level: Level; basicCode: string; taskCode: string } | null,
): CodeProblem | null {
  const sub = item.basicCode.slice(10);
  if (item.level === 'main') {
    if (parent) return { code: 'main_has_parent', message: '主项没有上级事项 / a main item has no parent' };
    if (sub !== '0000' || item.taskCode !== '000')
      return {
        code: 'main_codes',
        message: '主项的子项编码应为 0000、业务办理项编码应为 000 / a main item has sub part 0000 and task 000',
      };
    return null;
  }
  if (!parent)
    return { code: 'parent_missing', message: '子项与业务办理项须有上级事项 / sub items and tasks need a parent' };
  if (item.level === 'sub') {
    if (parent.level !== 'main')
      return { code: 'parent_level', message: '子项的上级应为主项 / a sub item sits under a main item' };
    if (item.basicCode.slice(0, 10) !== parent.basicCode.slice(0, 10) || sub === '0000')
      return {
        code: 'sub_codes',
        message:
          '子项基本编码应沿用主项前 10 位并有非 0000 的子项编码 / a sub item keeps its main code and has its own sub part',
      };
    if (item.taskCode !== '000')
      return { code: 'sub_codes', message: '子项的业务办理项编码应为 000 / a sub item has task 000' };
    return null;
  }
  if (parent.level === 'task')
    return { code: 'parent_level', message: '业务办理项不能再细分 / a task has no children' };
  if (item.basicCode !== parent.basicCode || item.taskCode === '000')
    return {
      code: 'task_codes',
      message:
        '业务办理项沿用上级的基本编码，并有非 000 的业务办理项编码 / a task keeps its parent’s basic code with its own task code',
    };
  return null;
}

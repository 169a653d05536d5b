/**
 * Every rule a guide must keep before it is saved (pure): codes, the limits, the questionnaire.
 * The directory checks (department, parent, sites) are the service's: they need the database.
 */
import type { ItemGuide } from './catalogue.contract';
import { areaCode, basicCodeProblem, creditCodeProblem, TASK_CODE } from './codes';
import { limitProblems } from './limits';
import { type GuideProblem, situationProblems } from './situations';

export function guideProblems(g: ItemGuide): GuideProblem[] {
  const out: GuideProblem[] = [];
  const basic = basicCodeProblem(g.basicCode);
  if (basic) out.push({ path: 'basicCode', message: basic.message });
  const area = areaCode(g.areaCode);
  if (!('level' in area)) out.push({ path: 'areaCode', message: area.message });
  if (!TASK_CODE.test(g.taskCode))
    out.push({ path: 'taskCode', message: '业务办理项编码为 3 位数字 / a task code is 3 digits' });
  const credit = creditCodeProblem(g.implementingBodyCode);
  if (credit) out.push({ path: 'implementingBodyCode', message: credit.message });
  out.push(...limitProblems(g), ...situationProblems(g));
  return out;
}

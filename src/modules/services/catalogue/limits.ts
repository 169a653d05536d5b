/**
 * The time-limit and online-handling elements of a guide, checked as rules (pure): promised ≤
 * legal (in working days from the day after acceptance), 即办件 promised 0, special steps (公告,
 * 专家评审 …) outside the limit, and the online depth agreeing with 到现场次数.
 */
import type { ItemGuide } from './catalogue.contract';
import type { GuideProblem } from './situations';

type LimitFields = Pick<
  ItemGuide,
  'caseType' | 'legalLimitDays' | 'promisedLimitDays' | 'specialSteps' | 'onlineDepth' | 'visits' | 'fees'
>;

export function limitProblems(g: LimitFields): GuideProblem[] {
  const out: GuideProblem[] = [];
  if (g.promisedLimitDays > g.legalLimitDays)
    out.push({
      path: 'promisedLimitDays',
      message: `承诺时限（${g.promisedLimitDays} 个工作日）不能超过法定时限（${g.legalLimitDays} 个工作日）/ the promised limit may not exceed the legal limit`,
    });
  if (g.caseType === 'immediate' && g.promisedLimitDays !== 0)
    out.push({
      path: 'promisedLimitDays',
      message: '即办件当场办结，承诺时限为 0 / an on-the-spot item promises 0 days',
    });
  if (g.caseType !== 'immediate' && g.promisedLimitDays === 0)
    out.push({
      path: 'promisedLimitDays',
      message: '承诺件、联办件、上报件须有承诺时限（至少 1 个工作日）/ a promised item needs at least 1 working day',
    });
  g.specialSteps.forEach((s, i) => {
    if (s.counted)
      out.push({
        path: `specialSteps.${i}.counted`,
        message: `特别程序“${s.name}”不计入办理时限 / special steps are not counted in the limit`,
      });
  });
  if (g.onlineDepth === 'full_online' && g.visits !== 0)
    out.push({ path: 'visits', message: '全程网办的到现场次数为 0 / a fully online item needs no visit' });
  if (g.onlineDepth !== 'full_online' && g.visits === 0)
    out.push({ path: 'visits', message: '到现场次数为 0 即全程网办 / no visit means fully online' });
  const names = g.fees.map((f) => f.name);
  if (new Set(names).size !== names.length) out.push({ path: 'fees', message: '收费项目重复 / duplicate fee names' });
  return out;
}

/** The working days a case of this guide is given: the promised limit (special steps run outside it). */
export const countedDays = (g: Pick<ItemGuide, 'promisedLimitDays'>) => g.promisedLimitDays;

/** Working days of the special steps, shown beside the limit (the clock stops while they run). */
export const specialStepDays = (g: Pick<ItemGuide, 'specialSteps'>) =>
  g.specialSteps.filter((s) => !s.counted).reduce((n, s) => n + s.limitDays, 0);

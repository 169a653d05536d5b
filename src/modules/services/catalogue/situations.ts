/**
 * 办理情形: a short questionnaire per item whose answers select the applicant's own list of
 * materials. Pure: the questionnaire's consistency check and `materialsFor(guide, answers)`.
 */
import type { GuideMaterial, GuideQuestion } from './catalogue.contract';

export type Answers = Readonly<Record<string, readonly string[]>>;
type Clause = { question: string; values: readonly string[] };

export interface SituationGuide {
  questions: readonly GuideQuestion[];
  materials: readonly GuideMaterial[];
}

/** Every clause holds: the answer to its question includes one of its values. */
export const holds = (when: readonly Clause[] | undefined, answers: Answers): boolean =>
  !when || when.every((c) => (answers[c.question] ?? []).some((v) => c.values.includes(v)));

export interface MaterialsFor {
  /** The questions shown for these answers, in order. */
  questions: string[];
  /** Shown questions without an answer: the list is not final until they are answered. */
  unanswered: string[];
  /** Answers that name an unknown question, a hidden one, an unknown option, or several options of a single-choice question. */
  invalid: Array<{ question: string; message: string }>;
  materials: GuideMaterial[];
}

/**
 * The materials an applicant brings for these answers. A question is shown when its `when`
 * holds over the answers of the questions before it; answers to hidden questions do not count
 * (a changed earlier answer hides later ones), so a material never depends on a hidden answer.
 */
export function materialsFor(guide: SituationGuide, answers: Answers): MaterialsFor {
  const effective: Record<string, readonly string[]> = {};
  const shown: string[] = [];
  const unanswered: string[] = [];
  const invalid: MaterialsFor['invalid'] = [];
  const known = new Set(guide.questions.map((q) => q.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) invalid.push({ question: key, message: '没有这个问题 / no such question' });
  for (const q of guide.questions) {
    if (!holds(q.when, effective)) {
      if (answers[q.key]?.length)
        invalid.push({ question: q.key, message: '此问题不适用 / the question does not apply' });
      continue;
    }
    shown.push(q.key);
    const given = [...new Set(answers[q.key] ?? [])];
    const options = new Set(q.options.map((o) => o.value));
    const bad = given.filter((v) => !options.has(v));
    if (bad.length)
      invalid.push({ question: q.key, message: `没有选项 ${bad.join('、')} / no option ${bad.join(', ')}` });
    const good = given.filter((v) => options.has(v));
    if (!q.multiple && good.length > 1)
      invalid.push({ question: q.key, message: '此问题只能选一项 / choose one option' });
    if (good.length === 0) unanswered.push(q.key);
    else effective[q.key] = q.multiple ? good : good.slice(0, 1);
  }
  const materials = guide.materials.filter((m) => holds(m.when, effective));
  return { questions: shown, unanswered, invalid, materials };
}

export interface GuideProblem {
  /** Where, as a path into the guide: questions.2.options, materials.0.when.0.values … */
  path: string;
  message: string;
}

/** The questionnaire's own consistency: unique keys, conditions over earlier questions and their options. */
export function situationProblems(guide: SituationGuide): GuideProblem[] {
  const out: GuideProblem[] = [];
  const options = new Map<string, Set<string>>();
  const checkWhen = (when: readonly Clause[] | undefined, at: string, earlier: Map<string, Set<string>>) => {
    (when ?? []).forEach((c, i) => {
      const opts = earlier.get(c.question);
      if (!opts) {
        out.push({
          path: `${at}.when.${i}.question`,
          message: `条件引用的问题 ${c.question} 不存在或不在其前 / the condition names no earlier question ${c.question}`,
        });
        return;
      }
      const bad = c.values.filter((v) => !opts.has(v));
      if (bad.length)
        out.push({
          path: `${at}.when.${i}.values`,
          message: `问题 ${c.question} 没有选项 ${bad.join('、')} / question ${c.question} has no option ${bad.join(', ')}`,
        });
    });
  };
  guide.questions.forEach((q, i) => {
    if (options.has(q.key))
      out.push({ path: `questions.${i}.key`, message: `问题编码 ${q.key} 重复 / duplicate question key` });
    checkWhen(q.when, `questions.${i}`, options);
    const values = q.options.map((o) => o.value);
    if (new Set(values).size !== values.length)
      out.push({ path: `questions.${i}.options`, message: '选项值重复 / duplicate option values' });
    options.set(q.key, new Set(values));
  });
  const keys = new Set<string>();
  guide.materials.forEach((m, i) => {
    if (keys.has(m.key))
      out.push({ path: `materials.${i}.key`, message: `材料编码 ${m.key} 重复 / duplicate material key` });
    keys.add(m.key);
    checkWhen(m.when, `materials.${i}`, options);
    if (!m.paper && !m.electronic)
      out.push({
        path: `materials.${i}.paper`,
        message: '材料须为纸质或电子（或两者）/ a material is on paper, electronic or both',
      });
    if (m.source === 'promise' && m.required && m.form !== 'original')
      out.push({ path: `materials.${i}.form`, message: '告知承诺书为原件 / a promise is signed as an original' });
  });
  return out;
}

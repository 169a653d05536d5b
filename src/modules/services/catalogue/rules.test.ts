/** The guide's rules: limits, online depth, the questionnaire and materialsFor. */
import { describe, expect, it } from 'vitest';
import type { GuideMaterial, GuideQuestion } from './catalogue.contract';
import { countedDays, limitProblems, specialStepDays } from './limits';
import { holds, materialsFor, situationProblems } from './situations';

const limits = {
  caseType: 'promised' as const,
  legalLimitDays: 20,
  promisedLimitDays: 5,
  specialSteps: [{ name: '公示', limitDays: 7, counted: false }],
  onlineDepth: 'online_accept' as const,
  visits: 1,
  fees: [],
};

describe('limits', () => {
  it('accepts promised ≤ legal and counts special steps apart', () => {
    expect(limitProblems(limits)).toEqual([]);
    expect(limitProblems({ ...limits, promisedLimitDays: 20 })).toEqual([]);
    expect(countedDays(limits)).toBe(5);
    expect(specialStepDays(limits)).toBe(7);
  });
  it('refuses promised > legal, a counted special step, an on-the-spot item with days and a promised one without', () => {
    expect(limitProblems({ ...limits, promisedLimitDays: 21 }).map((p) => p.path)).toEqual(['promisedLimitDays']);
    expect(limitProblems({ ...limits, specialSteps: [{ name: '公示', limitDays: 7, counted: true }] })[0].path).toBe(
      'specialSteps.0.counted',
    );
    expect(limitProblems({ ...limits, caseType: 'immediate' })[0].path).toBe('promisedLimitDays');
    expect(limitProblems({ ...limits, caseType: 'immediate', promisedLimitDays: 0 })).toEqual([]);
    expect(limitProblems({ ...limits, promisedLimitDays: 0, legalLimitDays: 0 })[0].path).toBe('promisedLimitDays');
  });
  it('keeps 全程网办 and 到现场次数 consistent', () => {
    expect(limitProblems({ ...limits, onlineDepth: 'full_online', visits: 0 })).toEqual([]);
    expect(limitProblems({ ...limits, onlineDepth: 'full_online', visits: 1 })[0].path).toBe('visits');
    expect(limitProblems({ ...limits, visits: 0 })[0].path).toBe('visits');
  });
  it('refuses a fee named twice', () => {
    const fee = { name: '登记费', amount: 80, basis: '发改价格规〔2016〕2559号' };
    expect(limitProblems({ ...limits, fees: [fee, fee] })[0].path).toBe('fees');
  });
});

const q = (key: string, values: string[], extra: Partial<GuideQuestion> = {}): GuideQuestion => ({
  key,
  text: key,
  options: values.map((v) => ({ value: v, label: v })),
  ...extra,
});
const m = (key: string, when?: GuideMaterial['when']): GuideMaterial => ({
  key,
  name: key,
  form: 'original',
  count: 1,
  required: true,
  paper: true,
  electronic: false,
  source: 'applicant',
  ...(when ? { when } : {}),
});

/** 不动产转移登记-like: 本人/代理, 有无抵押, and for a mortgage whether the bank agrees in writing. */
const guide = {
  questions: [
    q('applicant', ['self', 'agent']),
    q('mortgage', ['yes', 'no']),
    q('consent', ['paper', 'online'], { when: [{ question: 'mortgage', values: ['yes'] }] }),
    q('heirs', ['spouse', 'children', 'parents'], { multiple: true }),
  ],
  materials: [
    m('form'),
    m('id'),
    m('power_of_attorney', [{ question: 'applicant', values: ['agent'] }]),
    m('consent_letter', [
      { question: 'mortgage', values: ['yes'] },
      { question: 'consent', values: ['paper'] },
    ]),
    m('children_birth', [{ question: 'heirs', values: ['children'] }]),
  ],
};
const keys = (r: ReturnType<typeof materialsFor>) => r.materials.map((x) => x.key);

describe('materialsFor (办理情形 → 材料)', () => {
  it('gives everyone the unconditional materials and each answer its own', () => {
    expect(keys(materialsFor(guide, {}))).toEqual(['form', 'id']);
    expect(keys(materialsFor(guide, { applicant: ['agent'], mortgage: ['no'], heirs: ['spouse'] }))).toEqual([
      'form',
      'id',
      'power_of_attorney',
    ]);
    expect(
      keys(
        materialsFor(guide, {
          applicant: ['self'],
          mortgage: ['yes'],
          consent: ['paper'],
          heirs: ['children', 'parents'],
        }),
      ),
    ).toEqual(['form', 'id', 'consent_letter', 'children_birth']);
  });

  it('shows a follow-up question only when its condition holds, and lists what is unanswered', () => {
    const none = materialsFor(guide, {});
    expect(none.questions).toEqual(['applicant', 'mortgage', 'heirs']);
    expect(none.unanswered).toEqual(['applicant', 'mortgage', 'heirs']);
    const yes = materialsFor(guide, { mortgage: ['yes'] });
    expect(yes.questions).toEqual(['applicant', 'mortgage', 'consent', 'heirs']);
    expect(yes.unanswered).toEqual(['applicant', 'consent', 'heirs']);
  });

  it('ignores an answer to a question its earlier answers hide, and reports it', () => {
    const r = materialsFor(guide, { mortgage: ['no'], consent: ['paper'] });
    expect(keys(r)).not.toContain('consent_letter');
    expect(r.invalid).toEqual([{ question: 'consent', message: expect.stringContaining('不适用') }]);
  });

  it('reports unknown questions and options and two answers to a single-choice question', () => {
    const r = materialsFor(guide, { nope: ['x'], applicant: ['self', 'agent'], mortgage: ['maybe'] });
    expect(r.invalid.map((i) => i.question).sort()).toEqual(['applicant', 'mortgage', 'nope']);
    // the first of two single-choice answers counts; an unknown option is no answer
    expect(keys(r)).toEqual(['form', 'id']);
    expect(r.unanswered).toContain('mortgage');
  });

  it('agrees with holds() over every combination of answers', () => {
    const options = guide.questions.map((x) => x.options.map((o) => o.value));
    let n = 0;
    for (const a of options[0])
      for (const b of options[1])
        for (const c of options[2])
          for (const d of options[3]) {
            const answers = { applicant: [a], mortgage: [b], consent: [c], heirs: [d] };
            const effective = b === 'yes' ? answers : { applicant: [a], mortgage: [b], heirs: [d] };
            const want = guide.materials.filter((x) => holds(x.when, effective)).map((x) => x.key);
            const r = materialsFor(guide, effective);
            expect(keys(r)).toEqual(want);
            expect(r.unanswered).toEqual([]);
            expect(r.invalid).toEqual([]);
            n++;
          }
    expect(n).toBe(24);
  });
});

describe('situationProblems', () => {
  it('accepts a consistent questionnaire', () => expect(situationProblems(guide)).toEqual([]));
  it('finds duplicate keys, conditions on later or unknown questions, unknown options, and materials on neither medium', () => {
    const bad = {
      questions: [
        q('a', ['x', 'x']),
        q('b', ['y', 'z'], { when: [{ question: 'c', values: ['y'] }] }),
        q('a', ['1', '2']),
      ],
      materials: [
        { ...m('k', [{ question: 'b', values: ['nope'] }]) },
        { ...m('k'), paper: false },
        { ...m('p'), source: 'promise' as const, form: 'copy' as const },
      ],
    };
    expect(situationProblems(bad).map((p) => p.path)).toEqual([
      'questions.0.options',
      'questions.1.when.0.question',
      'questions.2.key',
      'materials.0.when.0.values',
      'materials.1.key',
      'materials.1.paper',
      'materials.2.form',
    ]);
  });
});

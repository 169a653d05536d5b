import { describe, expect, it } from 'vitest';
import type { ItemGuide } from '../catalogue.contract';
import { pinyinInitials } from './pinyin';
import { guideTerms, WEIGHTS } from './terms';
import { charPairs, isInitialsQuery, queryTerms, words } from './tokenize';

describe('catalogue tokenization', () => {
  it('keeps the words people search for whole and yields their parts', () => {
    expect(words('不动产登记')).toEqual(expect.arrayContaining(['不动产登记', '不动产', '登记']));
    expect(words('营业执照遗失补领')).toEqual(expect.arrayContaining(['营业执照', '遗失', '补领']));
    expect(words('社会保障卡申领')).toEqual(expect.arrayContaining(['社会保障', '申领']));
  });
  it('drops stop words, punctuation and the words every item carries', () => {
    expect(words('我要怎么办理公积金提取？')).toEqual(expect.arrayContaining(['公积金提取', '公积金', '提取']));
    for (const w of ['我', '要', '怎么', '办理', '？']) expect(words('我要怎么办理公积金提取？')).not.toContain(w);
  });
  it('normalises full-width letters and case', () => {
    expect(words('ＡＢＣ证明')).toContain('abc');
  });
  it('adds character pairs and tells initials queries apart', () => {
    expect(charPairs('户口迁移')).toEqual(['#户口', '#口迁', '#迁移']);
    expect(queryTerms('户口迁移')).toEqual(expect.arrayContaining(['户口迁移', '#口迁']));
    expect(isInitialsQuery('bdcdj')).toBe(true);
    expect(isInitialsQuery('不动产')).toBe(false);
    expect(isInitialsQuery('b')).toBe(false);
  });
  it('writes pinyin initials', () => {
    expect(pinyinInitials('不动产登记')).toBe('bdcdj');
    expect(pinyinInitials('居住证申领')).toBe('jzzsl');
    expect(pinyinInitials('12345热线')).toBe('12345rx');
  });
});

describe('guide terms', () => {
  const guide = {
    name: '国有建设用地使用权及房屋所有权转移登记（二手房买卖）',
    questions: [
      {
        key: 'mortgage',
        text: '是否有抵押',
        options: [
          { value: 'yes', label: '有抵押' },
          { value: 'no', label: '无抵押' },
        ],
      },
    ],
    materials: [{ name: '购房合同' }, { name: '抵押权人同意书' }],
  } as unknown as ItemGuide;
  it('weights the name above the parents, the department, the situations and the materials', () => {
    const t = guideTerms(guide, '自然资源分局桂城所', ['不动产登记']);
    expect(t.get('转移登记')).toBe(WEIGHTS.nameWord);
    expect(t.get('#二手')).toBe(WEIGHTS.namePair);
    expect(t.get('不动产')).toBe(WEIGHTS.parent);
    expect(t.get('自然资源')).toBe(WEIGHTS.department);
    expect(t.get('抵押')).toBe(WEIGHTS.situation);
    expect(t.get('合同')).toBe(WEIGHTS.material);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanPhrases } from './phrases';

const known = (code: string) => ['01', '0101'].includes(code);

describe('cleanPhrases', () => {
  it('trims, keeps the order, turns an empty category into "every category"', () => {
    expect(
      cleanPhrases([{ text: ' 好 ' }, { text: '行', categoryCode: '0101' }, { text: '可', categoryCode: ' ' }], known),
    ).toEqual({
      ok: true,
      phrases: [
        { text: '好', categoryCode: null },
        { text: '行', categoryCode: '0101' },
        { text: '可', categoryCode: null },
      ],
    });
  });
  it('refuses blank or long texts, unknown categories, repeats and more than 50', () => {
    expect(cleanPhrases([{ text: '  ' }], known)).toMatchObject({ ok: false, code: 'invalid_phrase' });
    expect(cleanPhrases([{ text: 'x'.repeat(501) }], known)).toMatchObject({ ok: false, code: 'invalid_phrase' });
    expect(cleanPhrases([{ text: 'x'.repeat(500) }], known).ok).toBe(true);
    expect(cleanPhrases([{ text: '好', categoryCode: '99' }], known)).toMatchObject({ code: 'invalid_category' });
    expect(cleanPhrases([{ text: '好' }, { text: '好 ' }], known)).toMatchObject({ code: 'duplicate_phrase' });
    // the same text for another category is not a repeat
    expect(cleanPhrases([{ text: '好' }, { text: '好', categoryCode: '01' }], known).ok).toBe(true);
    const many = Array.from({ length: 51 }, (_, i) => ({ text: `${i}` }));
    expect(cleanPhrases(many, known)).toMatchObject({ code: 'too_many_phrases' });
    expect(cleanPhrases(many.slice(0, 50), known).ok).toBe(true);
  });
});

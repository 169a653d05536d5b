import { describe, expect, it } from 'vitest';
import { duplicateReason, rankCandidates, sameAddress, type CandidateFacts } from './address-match';

const none: CandidateFacts = { near: false, similar: false, sameCategory: false, sameAddress: false };

describe('duplicateReason', () => {
  it('by distance: near with similar words (the original rule, category not needed)', () => {
    expect(duplicateReason({ ...none, near: true, similar: true })).toBe('distance');
    expect(duplicateReason({ ...none, near: true })).toBeNull();
    expect(duplicateReason({ ...none, similar: true })).toBeNull();
  });

  it('by address: the same category and address text, however far apart and whatever the words', () => {
    expect(duplicateReason({ ...none, sameCategory: true, sameAddress: true })).toBe('address');
    expect(duplicateReason({ ...none, sameAddress: true })).toBeNull();
    expect(duplicateReason({ ...none, sameCategory: true })).toBeNull();
  });

  it('both when both hold', () => {
    expect(duplicateReason({ near: true, similar: true, sameCategory: true, sameAddress: true })).toBe('both');
  });

  it('is exhaustive over the four facts', () => {
    for (let m = 0; m < 16; m++) {
      const f = { near: !!(m & 1), similar: !!(m & 2), sameCategory: !!(m & 4), sameAddress: !!(m & 8) };
      const d = f.near && f.similar;
      const a = f.sameCategory && f.sameAddress;
      expect(duplicateReason(f)).toBe(d && a ? 'both' : d ? 'distance' : a ? 'address' : null);
    }
  });
});

describe('sameAddress', () => {
  it('compares normalised texts', () => {
    expect(sameAddress('佛山市南海区桂城街道南海大道北38号', '南海大道北 三十八号')).toBe(true);
    expect(sameAddress('南海大道北38号', '南海大道北39号')).toBe(false);
    expect(sameAddress(null, '南海大道北38号')).toBe(false);
  });
});

describe('rankCandidates', () => {
  it('puts candidates found both ways first, then by similarity', () => {
    const list = [
      { id: 'a', reason: 'distance' as const, similarity: 0.9 },
      { id: 'b', reason: 'address' as const, similarity: 0.1 },
      { id: 'c', reason: 'both' as const, similarity: 0.3 },
      { id: 'd', reason: 'address' as const, similarity: 0.5 },
    ];
    expect(rankCandidates(list).map((x) => x.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});

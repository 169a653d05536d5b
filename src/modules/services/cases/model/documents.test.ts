import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS,
  acceptanceNotice,
  availableDocuments,
  buildDocument,
  chineseDate,
  correctionNotice,
  decisionDocument,
  receipt,
  rejectionNotice,
  returnNote,
  type CaseDocument,
  type DocumentContext,
  type DocumentResult,
} from './documents';
import { FIXTURES, at, isWorkingDay } from './testing';
import type { CaseSnapshot } from './types';

const CTX: DocumentContext = {
  organName: '佛山市南海区市场监督管理局',
  siteName: '桂城街道行政服务中心',
  siteAddress: '南海大道北 1 号',
  consultPhone: '0757-86280000',
  complaintPhone: '12345',
  itemType: '行政许可',
  isWorkingDay,
};

function doc(r: DocumentResult): CaseDocument {
  if (!r.ok) throw new Error(r.reason);
  return r.document;
}
const value = (d: CaseDocument, key: string) => d.fields.find((f) => f.key === key)?.value;
const text = (d: CaseDocument) => d.lines.join('\n');

describe('documents', () => {
  it('chineseDate writes the Shanghai day', () => {
    expect(chineseDate(at('2026-02-24 00:10'))).toBe('2026年2月24日');
  });

  it('预受理回执 after a passed pre-review; a plain 收件回执 otherwise', () => {
    const c = FIXTURES.submitted();
    const d = doc(receipt(c, CTX));
    expect([d.title.zh, d.number, d.issuedDate]).toEqual(['预受理回执', `${c.number}-YSL`, '2026年3月3日']);
    expect(value(d, 'materials')).toBe('1. 营业执照\n2. 经营场所平面图\n3. 法定代表人身份证');
    expect(text(d)).toContain('不代表已受理');
    const plain = doc(receipt({ ...c, preReview: [] }, CTX));
    expect([plain.title.zh, plain.number]).toEqual(['收件回执', `${c.number}-SJ`]);
    expect(receipt(FIXTURES.draft(), CTX).ok).toBe(false);
  });

  it('受理通知书 gives the promised limit and the day it runs to, and cites 第32条', () => {
    const c = FIXTURES.accepted(); // accepted Fri 2026-03-06, 10 working days
    const d = doc(acceptanceNotice(c, CTX));
    expect(d.title.zh).toBe('受理通知书');
    expect(value(d, 'acceptedAt')).toBe('2026年3月6日');
    expect(value(d, 'promisedLimit')).toBe('10个工作日（自受理次日起算）');
    expect(value(d, 'dueDate')).toBe('2026年3月20日'); // 03-09 … 03-20
    expect(text(d)).toContain('第三十二条第一款第（五）项');
    expect(text(d)).toContain('专家评审');
    const service = doc(acceptanceNotice(c, { ...CTX, itemType: '公共服务' }));
    expect(text(service)).not.toContain('行政许可法');
    expect(acceptanceNotice(FIXTURES.submitted(), CTX).ok).toBe(false);
  });

  it('不予受理通知书 states reason and basis and the remedies', () => {
    const c: CaseSnapshot = {
      ...FIXTURES.rejected(),
      closing: {
        kind: 'rejected',
        reason: '申请事项不属于本机关职权范围',
        legalBasis: '《行政许可法》第三十二条第一款第（二）项',
        at: at('2026-03-04 10:00'),
        by: 'u',
      },
    };
    const d = doc(rejectionNotice(c, CTX));
    expect([d.title.zh, d.number.endsWith('-BSL')]).toEqual(['不予受理通知书', true]);
    expect(text(d)).toContain(
      '因申请事项不属于本机关职权范围，依据《行政许可法》第三十二条第一款第（二）项，本机关决定不予受理',
    );
    expect(text(d)).toContain('六十日内');
    expect(text(d)).toContain('六个月内');
    expect(doc(rejectionNotice(c, { ...CTX, reviewBody: '南海区人民政府' })).lines.join('')).toContain(
      '向南海区人民政府申请行政复议',
    );
    expect(rejectionNotice(FIXTURES.returned(), CTX).ok).toBe(false);
  });

  it('补正告知书 lists everything in one notice with the time to supply it', () => {
    const c = FIXTURES.awaiting_correction();
    const d = doc(correctionNotice(c, CTX));
    expect([d.title.zh, d.number]).toEqual(['补正材料告知书（一次性告知）', `${c.number}-BZ1`]);
    expect(value(d, 'items')).toBe('1. 经营场所平面图：未标注面积');
    expect(value(d, 'dueDate')).toBe('2026年3月9日');
    expect(text(d)).toContain('一次性告知');
    expect(text(d)).toContain('第三十二条第一款第（四）项');
    expect(text(d)).toContain('决定是否受理'); // asked before acceptance
    const inReview = { ...c, corrections: [{ ...c.corrections[0], origin: 'accepted' as const }] };
    expect(text(doc(correctionNotice(inReview, CTX)))).toContain('补正期间不计入办理时限');
    expect(correctionNotice(c, CTX, 2).ok).toBe(false);
    expect(correctionNotice(FIXTURES.accepted(), CTX).ok).toBe(false);
  });

  it('准予 / 不予 决定书: a refusal says why and how to appeal (第38条)', () => {
    const granted = doc(decisionDocument(FIXTURES.decided(), CTX));
    expect([granted.title.zh, granted.number.endsWith('-ZY')]).toEqual(['准予行政许可决定书', true]);
    expect(value(granted, 'timeliness')).toBe('在承诺时限内');
    expect(text(granted)).not.toContain('行政复议');
    const c = FIXTURES.decided();
    const refused = {
      ...c,
      decision: { ...c.decision!, outcome: 'refused' as const, reason: '经营场所不符合食品安全要求' },
    };
    const d = doc(decisionDocument(refused, { ...CTX, itemType: '公共服务' }));
    expect([d.title.zh, d.number.endsWith('-BY'), value(d, 'reason')]).toEqual([
      '不予办理决定书',
      true,
      '经营场所不符合食品安全要求',
    ]);
    expect(text(d)).toContain('六十日内');
    const late = { ...c, decision: { ...c.decision!, at: at('2026-03-23 10:00') } };
    expect(value(doc(decisionDocument(late, CTX)), 'timeliness')).toBe('超过承诺时限');
    expect(decisionDocument(FIXTURES.accepted(), CTX).ok).toBe(false);
  });

  it('退件说明 lists the materials returned', () => {
    const d = doc(returnNote(FIXTURES.returned(), CTX));
    expect([d.title.zh, d.number.endsWith('-TJ'), value(d, 'reason')]).toEqual(['退件说明', true, '材料不符']);
    expect(text(d)).toContain('可重新提出申请');
    expect(returnNote(FIXTURES.withdrawn(), CTX).ok).toBe(false);
  });

  it('a case has its documents in the order they were issued; none without a number', () => {
    const c = FIXTURES.delivered();
    expect(availableDocuments(c, CTX).map((d) => d.kind)).toEqual(['receipt', 'acceptance_notice', 'decision']);
    for (const k of DOCUMENT_KINDS) expect(buildDocument(k, { ...c, number: null }, CTX).ok).toBe(false);
    for (const d of availableDocuments(c, CTX)) {
      expect(d.issuer).toBe(CTX.organName);
      expect(d.addressee).toBe(c.applicantName);
      expect(d.fields.every((f) => f.label.zh !== '' && f.label.en !== '')).toBe(true);
    }
  });
});

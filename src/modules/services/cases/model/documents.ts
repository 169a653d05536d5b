/**
 * The documents the law requires at each step of a case, as data: title, number, fields and the
 * legal text lines, built from the case snapshot. Rendering them to HTML / A4 is done elsewhere.
 * 行政许可法 第32条 (受理, 不予受理, 一次性告知补正), 第38条 (不予许可须说明理由并告知救济途径),
 * 第45条 (听证、检验、检测、专家评审等时间不计入期限).
 */
import { caseClock, dayOf, type IsWorkingDay } from './time-limit';
import type { CaseSnapshot, CorrectionNotice } from './types';

export const DOCUMENT_KINDS = [
  'receipt',
  'acceptance_notice',
  'rejection_notice',
  'correction_notice',
  'decision',
  'return_note',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentField {
  key: string;
  label: { zh: string; en: string };
  value: string;
}

export interface CaseDocument {
  kind: DocumentKind;
  title: { zh: string; en: string };
  /** 文书编号: the case number and the document's mark, unique per case. */
  number: string;
  caseNumber: string;
  addressee: string;
  fields: DocumentField[];
  /** The legal text, one paragraph a line (Chinese: the document's language). */
  lines: string[];
  issuer: string;
  issuedAt: number;
  /** '2026年2月24日' */
  issuedDate: string;
}

export interface DocumentContext {
  /** 实施机关: the body that accepts and decides. */
  organName: string;
  siteName: string;
  siteAddress: string;
  consultPhone: string;
  complaintPhone: string;
  /** 事项类型 (行政许可, 公共服务 …): 行政许可 documents cite the 行政许可法. */
  itemType: string;
  /** 行政复议机关 named in the remedy line; the generic wording when absent. */
  reviewBody?: string;
  isWorkingDay: IsWorkingDay;
}

export type DocumentResult =
  | { ok: true; document: CaseDocument }
  | { ok: false; code: 'not_available'; reason: string };

/** '2026年2月24日' for an instant (Shanghai day). */
export function chineseDate(ms: number): string {
  const [y, m, d] = dayOf(ms).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const field = (key: string, zh: string, en: string, value: string): DocumentField => ({
  key,
  label: { zh, en },
  value,
});
const unavailable = (reason: string): DocumentResult => ({ ok: false, code: 'not_available', reason });
const isLicence = (ctx: DocumentContext) => ctx.itemType === '行政许可';

function remedyLine(ctx: DocumentContext): string {
  const body = ctx.reviewBody ?? '本机关的上一级主管部门或者本级人民政府';
  return `如不服本决定，可以自收到本文书之日起六十日内向${body}申请行政复议，或者自收到本文书之日起六个月内依法向人民法院提起行政诉讼。`;
}

function base(c: CaseSnapshot, ctx: DocumentContext, kind: DocumentKind, mark: string, at: number) {
  const caseNumber = c.number as string;
  return {
    kind,
    number: `${caseNumber}-${mark}`,
    caseNumber,
    addressee: c.applicantName,
    issuer: ctx.organName,
    issuedAt: at,
    issuedDate: chineseDate(at),
  };
}

const common = (c: CaseSnapshot): DocumentField[] => [
  field('caseNumber', '办件编号', 'case number', c.number as string),
  field('item', '申请事项', 'item', c.item.name),
  field('applicant', '申请人', 'applicant', c.applicantName),
];
const contact = (ctx: DocumentContext): DocumentField[] => [
  field('site', '办理地点', 'place', `${ctx.siteName}（${ctx.siteAddress}）`),
  field('consultPhone', '咨询电话', 'consultation phone', ctx.consultPhone),
  field('complaintPhone', '监督投诉电话', 'complaint phone', ctx.complaintPhone),
];

/** 收件回执 (预受理回执 after a passed pre-review): proof of what was handed in, not of acceptance. */
export function receipt(c: CaseSnapshot, ctx: DocumentContext): DocumentResult {
  if (c.number === null || c.submittedAt === null)
    return unavailable('申请尚未提交 / the application is not submitted');
  const pre = c.preReview.some((r) => r.result === 'passed');
  const doc = base(c, ctx, 'receipt', pre ? 'YSL' : 'SJ', c.submittedAt);
  return {
    ok: true,
    document: {
      ...doc,
      title: pre ? { zh: '预受理回执', en: 'pre-acceptance receipt' } : { zh: '收件回执', en: 'receipt' },
      fields: [
        ...common(c),
        field('receivedAt', '收件日期', 'received on', chineseDate(c.submittedAt)),
        field(
          'materials',
          '收到材料',
          'materials received',
          c.materials.map((m, i) => `${i + 1}. ${m.name}`).join('\n'),
        ),
        ...contact(ctx),
      ],
      lines: [
        `${c.applicantName}：`,
        `本机关已收到你提交的「${c.item.name}」申请材料（见上表）。本回执仅证明收到申请材料，不代表已受理。`,
        pre ? '网上预审已通过，请携带材料原件到窗口核验（或按告知的地址邮寄原件），核验后予以受理。' : '',
        '可凭办件编号和申请时登记的手机号查询办理进度。',
      ].filter((l) => l !== ''),
    },
  };
}

/** 受理通知书: accepted, with the promised limit and the day it runs to. */
export function acceptanceNotice(c: CaseSnapshot, ctx: DocumentContext): DocumentResult {
  if (c.number === null || c.acceptedAt === null) return unavailable('办件尚未受理 / the case is not accepted');
  const clock = caseClock(
    { ...c, pauses: [], extension: null, decision: null, closing: null },
    c.acceptedAt,
    ctx.isWorkingDay,
  );
  const days = c.item.promisedLimitDays;
  const basis = isLicence(ctx) ? '根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定' : '根据有关规定';
  return {
    ok: true,
    document: {
      ...base(c, ctx, 'acceptance_notice', 'SL', c.acceptedAt),
      title: { zh: '受理通知书', en: 'notice of acceptance' },
      fields: [
        ...common(c),
        field('acceptedAt', '受理日期', 'accepted on', chineseDate(c.acceptedAt)),
        field('promisedLimit', '承诺办结时限', 'promised time limit', `${days}个工作日（自受理次日起算）`),
        field('legalLimit', '法定办结时限', 'legal time limit', `${c.item.legalLimitDays}个工作日`),
        field('dueDate', '预计办结日期', 'expected by', clock?.dueAt ? chineseDate(clock.dueAt - 1) : ''),
        ...contact(ctx),
      ],
      lines: [
        `${c.applicantName}：`,
        `你（单位）提出的「${c.item.name}」申请，申请材料齐全、符合法定形式，${basis}，本机关决定予以受理。`,
        `本机关将在${days}个工作日内（自受理次日起算）作出决定。`,
        '依法需要听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审和公示的，所需时间不计算在上述期限内，届时另行告知。',
      ],
    },
  };
}

/** 不予受理通知书: the reason, its legal basis and the remedies. */
export function rejectionNotice(c: CaseSnapshot, ctx: DocumentContext): DocumentResult {
  if (c.number === null || c.closing?.kind !== 'rejected')
    return unavailable('办件未被不予受理 / the case was not rejected');
  const r = c.closing;
  return {
    ok: true,
    document: {
      ...base(c, ctx, 'rejection_notice', 'BSL', r.at),
      title: { zh: '不予受理通知书', en: 'notice of non-acceptance' },
      fields: [
        ...common(c),
        field('receivedAt', '收件日期', 'received on', c.submittedAt === null ? '' : chineseDate(c.submittedAt)),
        field('reason', '不予受理理由', 'reason', r.reason),
        field('legalBasis', '依据', 'legal basis', r.legalBasis ?? ''),
        ...contact(ctx),
      ],
      lines: [
        `${c.applicantName}：`,
        `你（单位）提出的「${c.item.name}」申请，因${r.reason}，依据${r.legalBasis ?? '有关规定'}，本机关决定不予受理。`,
        remedyLine(ctx),
      ],
    },
  };
}

/** 补正告知书 (一次性告知): every item missing, in one notice; `seq` picks a notice (default the latest). */
export function correctionNotice(c: CaseSnapshot, ctx: DocumentContext, seq?: number): DocumentResult {
  const n: CorrectionNotice | undefined =
    seq === undefined ? c.corrections[c.corrections.length - 1] : c.corrections.find((x) => x.seq === seq);
  if (c.number === null || !n) return unavailable('没有补正告知 / there is no correction notice');
  const basis = isLicence(ctx) ? '根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，' : '';
  const after =
    n.origin === 'accepted'
      ? '补正期间不计入办理时限，自收到全部补正材料的次日起继续计算。'
      : '收到全部补正材料后，本机关将依法决定是否受理。';
  return {
    ok: true,
    document: {
      ...base(c, ctx, 'correction_notice', `BZ${n.seq}`, n.noticedAt),
      title: { zh: '补正材料告知书（一次性告知）', en: 'notice to supply missing materials (complete list)' },
      fields: [
        ...common(c),
        field('noticedAt', '告知日期', 'notified on', chineseDate(n.noticedAt)),
        field(
          'items',
          '需补正的全部内容',
          'everything to supply',
          n.items.map((i, k) => `${k + 1}. ${i.name}：${i.problem}`).join('\n'),
        ),
        field('dueDate', '补正期限', 'supply by', n.dueAt === null ? '' : chineseDate(n.dueAt - 1)),
        ...contact(ctx),
      ],
      lines: [
        `${c.applicantName}：`,
        `你（单位）提出的「${c.item.name}」申请，申请材料不齐全或者不符合法定形式。${basis}现一次性告知你需要补正的全部内容（见上表）。`,
        after,
        n.dueAt === null ? '' : `请于${chineseDate(n.dueAt - 1)}前补正；逾期未补正的，本机关将退回申请材料（退件）。`,
      ].filter((l) => l !== ''),
    },
  };
}

/** 准予 / 不予 决定书: the decision; a refusal gives its reason and the remedies (第38条). */
export function decisionDocument(c: CaseSnapshot, ctx: DocumentContext): DocumentResult {
  const d = c.decision;
  if (c.number === null || !d) return unavailable('办件尚未作出决定 / the case has no decision yet');
  const granted = d.outcome === 'granted';
  const noun = isLicence(ctx) ? '行政许可' : '办理';
  const clock = caseClock(c, d.at, ctx.isWorkingDay);
  return {
    ok: true,
    document: {
      ...base(c, ctx, 'decision', granted ? 'ZY' : 'BY', d.at),
      title: granted
        ? { zh: `准予${noun}决定书`, en: 'decision to grant' }
        : { zh: `不予${noun}决定书`, en: 'decision to refuse' },
      fields: [
        ...common(c),
        field('acceptedAt', '受理日期', 'accepted on', c.acceptedAt === null ? '' : chineseDate(c.acceptedAt)),
        field('decision', '决定内容', 'decision', d.text),
        ...(granted ? [] : [field('reason', '不予理由', 'reason', d.reason ?? '')]),
        field('legalBasis', '依据', 'legal basis', d.legalBasis ?? ''),
        field('decidedAt', '决定日期', 'decided on', chineseDate(d.at)),
        field('timeliness', '办理时效', 'timeliness', clock?.status === 'done_late' ? '超过承诺时限' : '在承诺时限内'),
      ],
      lines: granted
        ? [
            `${c.applicantName}：`,
            `你（单位）提出的「${c.item.name}」申请，经审查，符合法定条件、标准，本机关决定准予${noun}。`,
            d.text,
            '请凭本决定书及办件编号到出件窗口领取办理结果，或按申请时选择的方式（邮寄、电子证照）送达。',
          ]
        : [
            `${c.applicantName}：`,
            `你（单位）提出的「${c.item.name}」申请，经审查，因${d.reason ?? ''}，依据${d.legalBasis ?? '有关规定'}，本机关决定不予${noun}。`,
            remedyLine(ctx),
          ],
    },
  };
}

/** 退件说明: why the materials go back, and that the applicant may apply again. */
export function returnNote(c: CaseSnapshot, ctx: DocumentContext): DocumentResult {
  if (c.number === null || c.closing?.kind !== 'returned') return unavailable('办件未退件 / the case was not returned');
  const r = c.closing;
  return {
    ok: true,
    document: {
      ...base(c, ctx, 'return_note', 'TJ', r.at),
      title: { zh: '退件说明', en: 'note of return' },
      fields: [
        ...common(c),
        field('reason', '退件原因', 'reason', r.reason),
        field('returnedAt', '退件日期', 'returned on', chineseDate(r.at)),
        field(
          'materials',
          '退回材料',
          'materials returned',
          c.materials.map((m, i) => `${i + 1}. ${m.name}`).join('\n'),
        ),
        ...contact(ctx),
      ],
      lines: [
        `${c.applicantName}：`,
        `你（单位）提出的「${c.item.name}」申请，因${r.reason}，现将申请材料退回。`,
        '材料补齐或情况变化后，可重新提出申请；如有疑问，请致电咨询电话。',
      ],
    },
  };
}

const BUILDERS: Record<DocumentKind, (c: CaseSnapshot, ctx: DocumentContext) => DocumentResult> = {
  receipt,
  acceptance_notice: acceptanceNotice,
  rejection_notice: rejectionNotice,
  correction_notice: (c, ctx) => correctionNotice(c, ctx),
  decision: decisionDocument,
  return_note: returnNote,
};

export function buildDocument(kind: DocumentKind, c: CaseSnapshot, ctx: DocumentContext): DocumentResult {
  return BUILDERS[kind](c, ctx);
}

/** The documents a case has so far, in the order they were issued. */
export function availableDocuments(c: CaseSnapshot, ctx: DocumentContext): CaseDocument[] {
  return DOCUMENT_KINDS.flatMap((k) => {
    const r = buildDocument(k, c, ctx);
    return r.ok ? [r.document] : [];
  }).sort((a, b) => a.issuedAt - b.issuedAt);
}

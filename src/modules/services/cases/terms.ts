/**
 * A published guide version → the ItemTerms the case model runs under (pure). The guide does not
 * (yet) carry every term the model knows; the rest follow from its elements, as said beside each.
 */
import type { ItemGuide } from '../catalogue/catalogue.contract';
import type { ChainStep, ItemTerms } from './model';

/** The review chain when the guide names none: 审查 by a reviewer, then 审批 by an approver (who decides). */
export const DEFAULT_CHAIN: readonly ChainStep[] = [
  { role: 'reviewer', name: '审查' },
  { role: 'approver', name: '审批' },
];
/** Working days the applicant has to supply a 补正 before the case may be returned. */
export const CORRECTION_DAYS = 5;
/** 网上预审 limit (working days), for items offered at the 网上预审 depth or deeper. */
export const PRE_REVIEW_DAYS = 2;
/** 行政许可法 第42条: an approver may extend a licence's limit once by 10 working days. */
const LICENSING_EXTENSION_DAYS = 10;

const PRE_REVIEWED: ReadonlySet<string> = new Set(['pre_review', 'online_accept']);

export function termsOf(itemId: string, code: string, version: number, g: ItemGuide): ItemTerms {
  return {
    itemId,
    code,
    name: g.name,
    version,
    kind: g.caseType,
    legalLimitDays: g.legalLimitDays,
    promisedLimitDays: g.promisedLimitDays,
    extensionMaxDays: g.itemType === 'licensing' ? LICENSING_EXTENSION_DAYS : 0,
    preReview: PRE_REVIEWED.has(g.onlineDepth) ? { limitDays: PRE_REVIEW_DAYS } : null,
    // a visit is needed: the originals are seen at the window (or mailed in) before acceptance
    originalsRequired: g.visits > 0,
    correctionDays: CORRECTION_DAYS,
    mailable: g.mailable,
    // 行政许可 and 行政确认 results are issued as electronic licences beside the paper one
    electronicLicence: g.itemType === 'licensing' || g.itemType === 'confirmation',
    feeRequired: g.fees.length > 0,
    specialSteps: g.specialSteps.map((s, i) => ({
      code: `s${i + 1}`,
      name: s.name,
      maxDays: s.limitDays > 0 ? s.limitDays : null,
    })),
    chain: g.caseType === 'immediate' ? [{ role: 'approver', name: '审批' }] : DEFAULT_CHAIN,
    siteIds: g.siteIds,
  };
}

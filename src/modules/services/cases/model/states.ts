/** Case states (办件状态): codes stored in the database, labels shown to people. */

export const CASE_STATES = [
  'draft',
  'expired',
  'pre_review',
  'submitted',
  'awaiting_correction',
  'accepted',
  'decided',
  'delivered',
  'rated',
  'rejected',
  'returned',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  expired: { zh: '草稿已过期', en: 'draft expired' },
  pre_review: { zh: '预审中', en: 'in pre-review' },
  submitted: { zh: '已提交（待受理）', en: 'submitted' },
  awaiting_correction: { zh: '待补正', en: 'awaiting correction' },
  accepted: { zh: '已受理（审查审批中）', en: 'accepted (under review)' },
  decided: { zh: '已办结', en: 'decided' },
  delivered: { zh: '已送达', en: 'delivered' },
  rated: { zh: '已评价', en: 'rated' },
  rejected: { zh: '不予受理', en: 'not accepted' },
  returned: { zh: '已退件', en: 'returned' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** States in which nothing more happens to the case (rating is the last step of a delivered one). */
export const FINAL_STATES: readonly CaseState[] = ['expired', 'rated', 'rejected', 'returned', 'withdrawn'];

/** Before the decision: the applicant may still withdraw, and the case counts as open. */
export const OPEN_STATES: readonly CaseState[] = ['pre_review', 'submitted', 'awaiting_correction', 'accepted'];

export function isCaseState(x: unknown): x is CaseState {
  return typeof x === 'string' && (CASE_STATES as readonly string[]).includes(x);
}

/** "已办结 (decided)" — for messages read by both Chinese and English speakers. */
export function describeState(s: CaseState): string {
  const l = STATE_LABELS[s];
  return l ? `${l.zh} (${s})` : String(s);
}

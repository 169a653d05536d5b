/** What can be done to a case (办件): the inputs of each action, their labels and events. */
import type { CorrectionItem, DeliveryMethod, MaterialComment, Outcome } from './types';

export type CaseAction =
  /** Save the form of a draft (the service stores the fields; the model checks it may). */
  | { type: 'save_draft' }
  /** The retention job: a draft not submitted in time. */
  | { type: 'expire_draft' }
  | { type: 'request_pre_review' }
  /** 预审退回: comments per material, back to the applicant. */
  | { type: 'return_pre_review'; comments: MaterialComment[] }
  /** 预审通过 → 预受理回执; the case waits for its originals and acceptance. */
  | { type: 'pass_pre_review'; note?: string }
  | { type: 'submit' }
  /** 原件核验: seen at the window, or mailed in (tracked). */
  | { type: 'record_originals'; method: 'window' | 'mail'; trackingNo?: string }
  | { type: 'accept' }
  /** 即办件: accepted and decided on the spot. */
  | { type: 'accept_and_decide'; outcome: Outcome; text: string; reason?: string; legalBasis?: string }
  /** 不予受理 */
  | { type: 'reject'; reason: string; legalBasis: string }
  /** 补正告知 (一次性告知): one complete list of what is missing. */
  | { type: 'request_correction'; items: CorrectionItem[] }
  | { type: 'supply_correction'; materialIds: string[]; names?: string[] }
  | { type: 'pass_step'; opinion: string }
  | { type: 'return_step'; opinion: string }
  | { type: 'complete_part'; partId: string; opinion: string }
  | { type: 'start_special_step'; code: string }
  | { type: 'end_special_step'; note?: string }
  | { type: 'extend_limit'; days: number; reason: string }
  /** amount in fen; a paid fee has a receipt number, a waived one its basis. */
  | { type: 'record_fee'; amount: number; basis: string; status: 'paid' | 'waived'; receiptNo?: string }
  | { type: 'decide'; outcome: Outcome; text: string; reason?: string; legalBasis?: string }
  | {
      type: 'deliver';
      method: DeliveryMethod;
      recipient?: {
        kind: 'applicant' | 'proxy';
        name: string;
        proof: 'receipt' | 'id_card';
        authorisation?: string;
      };
      carrier?: string;
      trackingNo?: string;
      licenceId?: string;
    }
  | { type: 'rate'; level: number; comment?: string }
  | { type: 'withdraw'; reason: string }
  /** 退件: the materials go back to the applicant with a 退件说明. */
  | { type: 'return_case'; reason: string };

export type ActionType = CaseAction['type'];
export type ActionOf<T extends ActionType> = Extract<CaseAction, { type: T }>;

export const ACTION_INFO: { readonly [K in ActionType]: { zh: string; en: string; event: string } } = {
  save_draft: { zh: '保存草稿', en: 'save draft', event: 'case.draft_saved' },
  expire_draft: { zh: '草稿过期', en: 'expire draft', event: 'case.draft_expired' },
  request_pre_review: { zh: '提交预审', en: 'request pre-review', event: 'case.pre_review_requested' },
  return_pre_review: { zh: '预审退回', en: 'return from pre-review', event: 'case.pre_review_returned' },
  pass_pre_review: { zh: '预审通过', en: 'pass pre-review', event: 'case.pre_review_passed' },
  submit: { zh: '提交申请', en: 'submit', event: 'case.submitted' },
  record_originals: { zh: '原件核验', en: 'check originals', event: 'case.originals_checked' },
  accept: { zh: '受理', en: 'accept', event: 'case.accepted' },
  accept_and_decide: { zh: '即办办结', en: 'accept and decide on the spot', event: 'case.decided' },
  reject: { zh: '不予受理', en: 'reject', event: 'case.rejected' },
  request_correction: { zh: '补正告知', en: 'request correction', event: 'case.correction_requested' },
  supply_correction: { zh: '补正材料', en: 'supply correction', event: 'case.correction_supplied' },
  pass_step: { zh: '审查通过', en: 'pass step', event: 'case.step_passed' },
  return_step: { zh: '退回上一步', en: 'return to previous step', event: 'case.step_returned' },
  complete_part: { zh: '联办完成', en: 'complete joint part', event: 'case.part_completed' },
  start_special_step: { zh: '开始特别程序', en: 'start special step', event: 'case.special_step_started' },
  end_special_step: { zh: '结束特别程序', en: 'end special step', event: 'case.special_step_ended' },
  extend_limit: { zh: '延长办理时限', en: 'extend time limit', event: 'case.limit_extended' },
  record_fee: { zh: '登记收费', en: 'record fee', event: 'case.fee_recorded' },
  decide: { zh: '办结决定', en: 'decide', event: 'case.decided' },
  deliver: { zh: '送达', en: 'deliver', event: 'case.delivered' },
  rate: { zh: '评价', en: 'rate', event: 'case.rated' },
  withdraw: { zh: '撤回申请', en: 'withdraw', event: 'case.withdrawn' },
  return_case: { zh: '退件', en: 'return case', event: 'case.returned' },
};

/** All actions, in the order the UI shows their buttons. */
export const ACTION_TYPES = Object.keys(ACTION_INFO) as ActionType[];

export function isActionType(x: unknown): x is ActionType {
  return typeof x === 'string' && Object.hasOwn(ACTION_INFO, x);
}

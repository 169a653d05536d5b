/**
 * Outbound reporting to the provincial 好差评 system: the messages (pure), the adapter a
 * deployment plugs in, and the default one that only records what would be sent (the message
 * rows stay in svc_rating_reports, visible at GET /api/services/ratings/reports).
 */
import { localDateKey } from '../../../platform/calendar';
import type { RatingRecord, RectificationRecord } from './ratings.repo';

export const REPORT_JOB = 'services.ratings.report';
/** Attempts per message before it is marked failed. */
export const DEFAULT_REPORT_ATTEMPTS = 6;

export interface ReportMessage {
  id: string;
  kind: 'rating' | 'rectification';
  payload: Record<string, unknown>;
}

export interface ProvincialReporter {
  readonly name: string;
  /** Sends one message; throws when the province did not take it (the job retries later). */
  send(message: ReportMessage): Promise<{ remoteRef: string | null; recorded?: boolean }>;
}

/** The default: nothing leaves the server; the row is marked `recorded`. */
export const recordingReporter: ProvincialReporter = {
  name: 'record',
  async send() {
    return { remoteRef: null, recorded: true };
  },
};

/** Wait before attempt n+1 after n failed ones: 1 min, 5 min, 30 min, 2 h, then 6 h. */
export function retryDelayMs(failedAttempts: number): number {
  const steps = [60_000, 300_000, 1_800_000, 7_200_000];
  return steps[failedAttempts - 1] ?? 21_600_000;
}

const CHANNEL_CODE: Record<string, string> = { web: 'pc', app: 'app', sms: 'sms', kiosk: 'selfservice', pad: 'pad' };

/** A rating in the shape the provincial platform takes (评价数据): 办件/现场服务, level, labels, text. */
export function ratingMessage(r: RatingRecord): Record<string, unknown> {
  return {
    evaluationId: r.id,
    objectType: r.kind === 'case' ? '办件评价' : '现场服务评价',
    projectNo: r.number,
    serviceCode: r.item_code,
    deptId: r.department_id,
    siteId: r.site_id,
    windowId: r.window_id,
    satisfaction: Number(r.level),
    round: Number(r.round),
    labels: JSON.parse(r.labels),
    indicators: JSON.parse(r.indicators),
    comment: r.comment,
    channel: CHANNEL_CODE[r.channel] ?? r.channel,
    evaluateTime: Number(r.created_at),
    evaluateDate: localDateKey(Number(r.created_at)),
  };
}

/** A closed rectification (整改反馈): how the bad rating was verified and fixed or explained. */
export function rectificationMessage(x: RectificationRecord): Record<string, unknown> {
  return {
    evaluationId: x.rating_id,
    projectNo: x.number,
    rectifyStatus: x.status,
    visitTime: x.callback_at === null ? null : Number(x.callback_at),
    visitPerson: x.callback_by,
    visitResult: x.callback_note,
    rectifyResult: x.status === 'explained' ? x.explanation : x.fix_text,
    rectifyPerson: x.fixed_by,
    rectifyTime: x.fixed_at === null ? null : Number(x.fixed_at),
    onTime: x.fixed_at !== null && Number(x.fixed_at) <= Number(x.fix_due),
  };
}

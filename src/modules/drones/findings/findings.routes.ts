import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../../../platform/auth/hooks';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import type { Algorithm } from './algorithms';
import {
  Finding,
  FindingList,
  FindingParams,
  FindingQuery,
  FindingSubmitted,
  ReviewFindingBody,
  SubmitFindingBody,
} from './findings.contract';
import type { FindingRow } from './findings.repo';
import type { Findings } from './findings.service';

/** The stored box (JSON text), or null when it is missing or not four fractions. */
function boxOf(text: string | null): number[] | null {
  if (!text) return null;
  try {
    const b: unknown = JSON.parse(text);
    return Array.isArray(b) && b.length === 4 && b.every((x) => typeof x === 'number' && x >= 0 && x <= 1) ? b : null;
  } catch {
    return null;
  }
}

export function findingView(f: FindingRow): Static<typeof Finding> {
  return {
    id: f.id,
    algorithm: f.algorithm as Algorithm,
    confidence: f.confidence,
    status: f.status as Static<typeof Finding>['status'],
    lng: f.lng,
    lat: f.lat,
    address: f.address,
    box: boxOf(f.box),
    mediaId: f.media_id,
    flightId: f.flight_id,
    dockSn: f.dock_sn,
    source: f.source,
    mergedInto: f.merged_into,
    repeats: f.repeats,
    orderId: f.order_id,
    orderNumber: f.order_number,
    reviewedBy: f.reviewed_by,
    reviewedAt: f.reviewed_at,
    note: f.note,
    createdAt: f.created_at,
  };
}

/** AI findings: recognition services post them (API key), pilots and dispatchers review them. */
export function findingRoutes(app: Http, findings: Findings) {
  app.post(
    '/api/drones/findings',
    {
      config: { permission: 'drones.findings.submit' },
      schema: {
        tags: ['drones'],
        summary:
          'AI 识别结果（识别服务以 API Key 提交；重复的同一事物合并）/ an AI finding, posted by a recognition service (repeats merged)',
        body: SubmitFindingBody,
        response: { 200: FindingSubmitted, 201: FindingSubmitted },
      },
    },
    async (req, reply) => {
      const pr = requirePrincipal(req);
      const r = await findings.submit(auditContext(req), pr.name ?? pr.id, req.body as never);
      reply.code(r.replayed ? 200 : 201);
      return { finding: findingView(r.finding), merged: r.merged, replayed: r.replayed };
    },
  );

  app.get(
    '/api/drones/findings',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: 'AI 发现（待审核、已立案…）/ AI findings',
        querystring: FindingQuery,
        response: { 200: FindingList },
      },
    },
    async (req) => ({ items: (await findings.list(req.query.status)).map(findingView) }),
  );

  app.post(
    '/api/drones/findings/:id/review',
    {
      config: { permission: 'drones.review' },
      schema: {
        tags: ['drones'],
        summary: '审核 AI 发现：确认立案或忽略 / review a finding: confirm into a work order, or dismiss',
        params: FindingParams,
        body: ReviewFindingBody,
        response: { 200: Finding },
      },
    },
    async (req) =>
      findingView(await findings.review(auditContext(req), req.params.id, req.body.decision, req.body.note)),
  );
}

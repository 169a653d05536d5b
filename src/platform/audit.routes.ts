/**
 * The audit log over HTTP: the rows newest first, filtered by what people know — a record's
 * number or name (`subject`), who acted (`actor`, by name), the action — and shown with the
 * names the modules give them (an order's 工单号, a user's name), not only internal ids. The
 * modules resolve their own subjects (platform/module.ts AuditSubjects): no business words here.
 */
import { AuditPage, AuditQuery, AuditVerify } from './api.contract';
import type { Http } from './http';
import type { PlatformContext } from './context';
import type { AuditSubjectRef, AuditSubjects } from './module';
import { verifyAudit } from './audit';

export function auditRoutes(app: Http, p: PlatformContext, resolvers: readonly AuditSubjects[]) {
  const byType = new Map<string, AuditSubjects>();
  for (const r of resolvers) for (const t of r.entityTypes) byType.set(t, r);
  const actorResolvers = resolvers.filter((r) => r.actorNames || r.actorsNamed);

  /** Every record a typed subject may mean: what the modules find, plus the text as an id itself. */
  async function subjectsOf(text: string): Promise<AuditSubjectRef[]> {
    const found = await Promise.all(resolvers.map((r) => r.find(text)));
    return found.flat();
  }

  async function actorIdsOf(text: string): Promise<string[]> {
    const found = await Promise.all(actorResolvers.map((r) => r.actorsNamed?.(text) ?? Promise.resolve([])));
    return [...new Set(found.flat())];
  }

  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['platform'],
        summary: '审计日志 / the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const q = req.query;
      const limit = q.limit ?? 100;
      const subjects = q.subject ? await subjectsOf(q.subject.trim()) : [];
      const actors = q.actor ? await actorIdsOf(q.actor.trim()) : [];
      let sel = p.db.selectFrom('audit_log').selectAll();
      if (q.entityType) sel = sel.where('entity_type', '=', q.entityType);
      if (q.entityId) sel = sel.where('entity_id', '=', q.entityId);
      if (q.actorId) sel = sel.where('actor_id', '=', q.actorId);
      if (q.action) sel = sel.where('action', 'like', `${q.action}%`);
      if (q.subject) {
        const text = q.subject.trim();
        sel = sel.where((eb) =>
          eb.or([
            eb('entity_id', '=', text),
            ...subjects.map((s) => eb.and([eb('entity_type', '=', s.entityType), eb('entity_id', '=', s.id)])),
          ]),
        );
      }
      if (q.actor) {
        // the name as it was recorded, or a person now called so
        const like = `%${q.actor.trim()}%`;
        sel = sel.where((eb) =>
          eb.or([eb('actor_name', 'like', like), ...(actors.length ? [eb('actor_id', 'in', actors)] : [])]),
        );
      }
      if (q.before) sel = sel.where('seq', '<', q.before);
      const rows = await sel.orderBy('seq', 'desc').limit(limit).execute();

      // names the modules give the page's records and actors
      const labels = new Map<string, string>();
      const idsByType = new Map<string, Set<string>>();
      for (const r of rows) {
        if (!r.entity_id || !byType.has(r.entity_type)) continue;
        let ids = idsByType.get(r.entity_type);
        if (!ids) idsByType.set(r.entity_type, (ids = new Set()));
        ids.add(r.entity_id);
      }
      await Promise.all(
        [...idsByType].map(async ([type, ids]) => {
          const named = await byType.get(type)!.labels(type, [...ids]);
          for (const [id, label] of named) labels.set(`${type}\u0000${id}`, label);
        }),
      );
      const actorIds = [...new Set(rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])))];
      const actorNames = new Map<string, string>();
      for (const r of actorResolvers) {
        const named = (await r.actorNames?.(actorIds)) ?? new Map<string, string>();
        for (const [id, name] of named) actorNames.set(id, name);
      }
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: Number(r.at),
          actorId: r.actor_id,
          actorName: (r.actor_id ? actorNames.get(r.actor_id) : undefined) ?? r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          entityLabel: r.entity_id ? (labels.get(`${r.entity_type}\u0000${r.entity_id}`) ?? null) : null,
          before: r.before ? JSON.parse(r.before) : null,
          after: r.after ? JSON.parse(r.after) : null,
          ip: r.ip,
        })),
        nextBefore: rows.length === limit ? Number(rows[rows.length - 1].seq) : null,
      };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['platform'],
        summary: '校验审计链 / verify the hash chain; reports the first bad row',
        response: { 200: AuditVerify },
      },
    },
    async () => verifyAudit(p.db),
  );
}

import { Type as T } from '@sinclair/typebox';
import type { Http } from './http';
import type { PlatformContext } from './context';
import type { MqttService } from './mqtt';
import { verifyAudit } from './audit';
import { auditContext } from './request-context';
import { parseArrangementText } from './calendar';
import { badRequest } from './errors';
import { Instant } from './instants';

/** Routes of the platform itself: health, audit log, work calendar, map settings. */
export function platformRoutes(app: Http, p: PlatformContext, deps: { mqtt: MqttService | null }) {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['platform'], summary: '健康检查 / health: database and broker status (503 when one is down)' },
    },
    async (_req, reply) => {
      const db = await p.db
        .selectFrom('audit_head')
        .select('seq')
        .executeTakeFirst()
        .then(
          () => true,
          () => false,
        );
      const mqtt = deps.mqtt ? deps.mqtt.connected() : null;
      const ok = db && mqtt !== false;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        db: { ok: db, dialect: p.dialect },
        mqtt: deps.mqtt ? { ok: mqtt, mode: deps.mqtt.mode } : { ok: null, mode: 'disabled' },
        node: p.config.nodeId,
        time: p.clock.now(),
        calendarWarnings: p.calendar.warnings(),
      });
    },
  );

  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['platform'],
        summary: '审计日志 / the audit log, newest first',
        querystring: T.Object(
          {
            entityType: T.Optional(T.String({ maxLength: 64 })),
            entityId: T.Optional(T.String({ maxLength: 64 })),
            actorId: T.Optional(T.String({ maxLength: 64 })),
            action: T.Optional(T.String({ maxLength: 64 })),
            before: T.Optional(T.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const q = req.query;
      let sel = p.db.selectFrom('audit_log').selectAll();
      if (q.entityType) sel = sel.where('entity_type', '=', q.entityType);
      if (q.entityId) sel = sel.where('entity_id', '=', q.entityId);
      if (q.actorId) sel = sel.where('actor_id', '=', q.actorId);
      if (q.action) sel = sel.where('action', 'like', `${q.action}%`);
      if (q.before) sel = sel.where('seq', '<', q.before);
      const limit = q.limit ?? 100;
      const rows = await sel.orderBy('seq', 'desc').limit(limit).execute();
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: Number(r.at),
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
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
      schema: { tags: ['platform'], summary: '校验审计链 / verify the hash chain; reports the first bad row' },
    },
    async () => verifyAudit(p.db),
  );

  const Arrangement = T.Object(
    {
      holidays: T.Array(T.String({ maxLength: 10 }), { maxItems: 366 }),
      workdays: T.Array(T.String({ maxLength: 10 }), { maxItems: 366 }),
      source: T.Optional(T.String({ maxLength: 500 })),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/calendar/years',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['platform'],
        summary: '工作日历年份 / year arrangements in force, with warnings for missing years',
      },
    },
    async () => ({ items: await p.calendar.years(), warnings: p.calendar.warnings() }),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['platform'],
        summary: '录入某年节假日安排（覆盖内置数据）/ enter a year (overrides the package)',
        params: T.Object({ year: T.Integer({ minimum: 1990, maximum: 2200 }) }),
        body: Arrangement,
      },
    },
    async (req) => {
      const saved = await p.transact(auditContext(req), (w) =>
        p.calendar.putYear(w, { year: req.params.year, ...req.body }),
      );
      await p.calendar.load();
      return saved;
    },
  );

  app.post(
    '/api/calendar/years/:year/import',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['platform'],
        summary: "导入文本 'YYYY-MM-DD 休|班' / import lines",
        params: T.Object({ year: T.Integer({ minimum: 1990, maximum: 2200 }) }),
        body: T.Object(
          { text: T.String({ maxLength: 20000 }), source: T.Optional(T.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const a = parseArrangementText(req.body.text, { year: req.params.year, source: req.body.source });
      if (a.year !== req.params.year)
        throw badRequest('year_mismatch', `the lines are for ${a.year}, not ${req.params.year}`);
      // a blank or comment-only paste would wipe the year's holidays; clearing a year is a PUT or DELETE
      if (a.holidays.length + a.workdays.length === 0) {
        throw badRequest(
          'invalid_arrangement',
          "无效的节假日安排 / invalid holiday arrangement: no 'YYYY-MM-DD 休|班' lines in the text",
        );
      }
      const saved = await p.transact(auditContext(req), (w) => p.calendar.putYear(w, a));
      await p.calendar.load();
      return saved;
    },
  );

  app.delete(
    '/api/calendar/years/:year',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['platform'],
        summary: '删除覆盖，恢复内置数据 / remove an override',
        params: T.Object({ year: T.Integer({ minimum: 1990, maximum: 2200 }) }),
      },
    },
    async (req) => {
      await p.transact(auditContext(req), (w) => p.calendar.deleteYear(w, req.params.year));
      await p.calendar.load();
      return { ok: true };
    },
  );

  app.get(
    '/api/calendar/days',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['platform'],
        summary: '日期类型 / the kind of each day in a range',
        querystring: T.Object(
          {
            from: T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            to: T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ items: p.calendar.days(req.query.from, req.query.to) }),
  );

  app.get(
    '/api/calendar/add',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['platform'],
        summary: '工作时间推算 / a deadline: N working days or hours after an instant',
        querystring: T.Object(
          {
            // the calendar knows years up to 2200; later instants (or 1e20) are typos, not questions
            from: Instant(),
            days: T.Optional(T.Integer({ minimum: 0, maximum: 365 })),
            hours: T.Optional(T.Number({ minimum: 0, maximum: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const { from, days, hours } = req.query;
      if ((days === undefined) === (hours === undefined))
        throw badRequest('invalid_request', 'give exactly one of days or hours');
      const due = days !== undefined ? p.calendar.addWorkingDays(from, days) : p.calendar.addWorkingHours(from, hours!);
      return { from, due, warnings: p.calendar.warnings() };
    },
  );

  app.get(
    '/api/map/config',
    {
      config: { permission: 'public' },
      schema: { tags: ['platform'], summary: '地图设置 / map settings: tile URL (optional), centre, zoom' },
    },
    async () => ({
      tileUrl: p.config.tileUrl,
      attribution: p.config.tileAttribution,
      center: [23.03, 113.15],
      zoom: 13,
    }),
  );
}

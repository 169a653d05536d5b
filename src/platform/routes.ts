import { Ok } from './contract';
import {
  AddQuery,
  AddResult,
  ArrangementBody,
  ArrangementText,
  CalendarDays,
  CalendarYears,
  DaysQuery,
  Health,
  MapConfig,
  YearArrangement,
  YearParams,
} from './api.contract';
import type { Http } from './http';
import type { PlatformContext } from './context';
import type { MqttService } from './mqtt';
import type { ObjectStore } from './object-store';
import { auditContext } from './request-context';
import { parseArrangementText } from './calendar';
import { badRequest } from './errors';

/** Routes of the platform itself: health, work calendar, map settings (the audit log: audit.routes.ts). */
export function platformRoutes(
  app: Http,
  p: PlatformContext,
  deps: { mqtt: MqttService | null; objectStore: ObjectStore },
) {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: '健康检查 / health: database, broker and object store status (503 when one is down)',
        response: { 200: Health, 503: Health },
      },
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
      const objects = await deps.objectStore.reachable();
      const ok = db && mqtt !== false && objects !== false;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        db: { ok: db, dialect: p.dialect },
        mqtt: deps.mqtt ? { ok: mqtt, mode: deps.mqtt.mode } : { ok: null, mode: 'disabled' },
        objectStore: { ok: objects, mode: deps.objectStore.mode },
        node: p.config.nodeId,
        time: p.clock.now(),
        calendarWarnings: p.calendar.warnings(),
        calendarMissingYears: p.calendar.missingYears(),
      });
    },
  );

  app.get(
    '/api/calendar/years',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['platform'],
        summary: '工作日历年份 / year arrangements in force, with warnings for missing years',
        response: { 200: CalendarYears },
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
        params: YearParams,
        body: ArrangementBody,
        response: { 200: YearArrangement },
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
        params: YearParams,
        body: ArrangementText,
        response: { 200: YearArrangement },
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
        params: YearParams,
        response: { 200: Ok },
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
        querystring: DaysQuery,
        response: { 200: CalendarDays },
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
        querystring: AddQuery,
        response: { 200: AddResult },
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
      schema: {
        tags: ['platform'],
        summary: '地图设置 / map settings: tile URL (optional), centre, zoom',
        response: { 200: MapConfig },
      },
    },
    async () => ({
      tileUrl: p.config.tileUrl,
      attribution: p.config.tileAttribution,
      center: [23.03, 113.15] as [number, number],
      zoom: 13,
    }),
  );
}

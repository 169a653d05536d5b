import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import type { FlightCalendar } from './calendar.service';
import {
  Calendar,
  CalendarQuery,
  CreateScheduleBody,
  NoQuery,
  Schedule,
  ScheduleDetail,
  ScheduleList,
  ScheduleParams,
  UpdateScheduleBody,
} from './schedules.contract';
import type { Schedules } from './schedules.service';

/** Recurring schedules (create, edit, switch off) and the flights calendar across the docks. */
export function scheduleRoutes(app: Http, s: { schedules: Schedules; calendar: FlightCalendar }) {
  app.get(
    '/api/drones/schedules',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '定时飞行计划 / recurring flight schedules',
        querystring: NoQuery,
        response: { 200: ScheduleList },
      },
    },
    async () => ({ items: await s.calendar.list() }),
  );

  app.post(
    '/api/drones/schedules',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary:
          '新建定时计划（cron，北京时间；提前 24 小时生成航班）/ create a schedule (cron, Asia/Shanghai; flights planned 24 h ahead)',
        querystring: NoQuery,
        body: CreateScheduleBody,
        response: { 201: Schedule },
      },
    },
    async (req, reply) => {
      const row = await s.schedules.create(auditContext(req), req.body);
      reply.code(201);
      return (await s.calendar.detail(row)).schedule;
    },
  );

  app.get(
    '/api/drones/schedules/:id',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '定时计划及每次起飞的结果（已生成航班 / 跳过及原因）/ a schedule and what became of each take-off',
        params: ScheduleParams,
        querystring: NoQuery,
        response: { 200: ScheduleDetail },
      },
    },
    async (req) => s.calendar.detail(await s.schedules.get(req.params.id)),
  );

  app.patch(
    '/api/drones/schedules/:id',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary:
          '修改或停用定时计划（尚未下发的旧航班随之取消）/ edit or disable a schedule (its flights not yet sent are canceled)',
        params: ScheduleParams,
        querystring: NoQuery,
        body: UpdateScheduleBody,
        response: { 200: Schedule },
      },
    },
    async (req) => {
      const row = await s.schedules.update(auditContext(req), req.params.id, req.body);
      return (await s.calendar.detail(row)).schedule;
    },
  );

  app.get(
    '/api/drones/calendar',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary:
          '航班日历：计划与已飞航班、定时计划将来的起飞、跳过的起飞（最多 31 天）/ flights calendar: planned and flown flights, coming take-offs of schedules, skipped ones (at most 31 days)',
        querystring: CalendarQuery,
        response: { 200: Calendar },
      },
    },
    async (req) => s.calendar.calendar(req.query),
  );
}

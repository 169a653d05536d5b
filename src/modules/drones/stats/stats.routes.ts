import type { Kysely } from 'kysely';
import { badRequest } from '../../../platform/errors';
import type { Http } from '../../../platform/http';
import type { DB } from '../../../schema';
import { flightStats } from './stats';
import { FlightStats, StatsQuery } from './stats.contract';
import { flightFacts } from './stats.repo';

const YEAR = 366 * 86_400_000;

/** 飞行统计: missions, sorties, hours and km by dock, scenario, department or month. */
export function statsRoutes(app: Http, p: { db: Kysely<DB>; clock: { now(): number } }) {
  app.get(
    '/api/drones/stats',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '飞行统计（架次、时长、里程）/ flight statistics',
        querystring: StatsQuery,
        response: { 200: FlightStats },
      },
    },
    async (req) => {
      const to = req.query.to ?? p.clock.now() + 1;
      const from = req.query.from ?? to - YEAR;
      if (from >= to) throw badRequest('invalid_range', 'from must be before to');
      if (to - from > 10 * YEAR) throw badRequest('range_too_long', '统计区间最长十年 / at most ten years');
      return { by: req.query.by, from, to, ...flightStats(await flightFacts(p.db, from, to), req.query.by) };
    },
  );
}

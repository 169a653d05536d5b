/**
 * The demo history as rows: `generateDemoRequests` gives texts, categories, channels, urgency,
 * addresses and times; this places each request at a point inside a community (history-map.ts),
 * takes what intake made of it (history-intake.ts), decides who reported and registered it
 * (history-cast.ts) and what the centre does with it — a duplicate of a recent order is merged
 * into it (history-recent.ts) — then plays its life (history-lifecycle.ts) and writes its row
 * (history-rows.ts) under the next number of its day (history-numbers.ts). Pure and
 * deterministic: the same inputs and seed give the same rows, ids included.
 */
import { generateDemoRequests, type DemoRequest } from './demo-history';
import { mix, prng } from './demo-random';
import { HistoryCast } from './history-cast';
import { jitter } from './history-helpers';
import { randomChars, timeId } from './history-ids';
import type { HistoryChunk, HistoryInputs } from './history-inputs';
import { HistoryIntake } from './history-intake';
import { liveOrder } from './history-lifecycle';
import { HistoryMap } from './history-map';
import { DayNumbers, dayCounts } from './history-numbers';
import { callerName } from './history-phrases';
import type { Disposition, LifeEnv, OrderPlan } from './history-plan';
import { RecentOrders, stateAt, type Recent } from './history-recent';
import { intakeRow, settleRow } from './history-rows';
import { countOrder, emptyStats, type HistoryStats } from './history-stats';
import { HistoryUnits } from './history-units';

export type { HistoryArea, HistoryChunk, HistoryInputs, HistoryUser } from './history-inputs';
export type { HistoryStats } from './history-stats';
export { titleOf } from './history-helpers';

const DAY = 86_400_000;

/** Builds `count` orders of history in chunks; call `dayCounts()` first to reserve numbers. */
export class HistoryBuilder {
  readonly stats: HistoryStats = emptyStats();
  private requests: DemoRequest[];
  private map: HistoryMap;
  private recent: RecentOrders;
  private units: HistoryUnits;
  private cast: HistoryCast;
  private intake: HistoryIntake;
  private env: LifeEnv;

  constructor(
    private inputs: HistoryInputs,
    count: number,
  ) {
    const { now, seed } = inputs;
    if (inputs.communities.length === 0)
      throw new Error('history: no community areas to place orders in (load the demo map first)');
    this.requests = generateDemoRequests(Math.max(0, Math.floor(count)), seed, {
      startMs: now - 365 * DAY,
      endMs: now,
    });
    // one random stream for the street itself, drawn in this order: busier and quieter
    // communities, a pool of people who call again and again, the units' qualities
    const r = prng(mix(seed, -1));
    this.map = new HistoryMap(inputs.communities, inputs.grids, r);
    this.recent = new RecentOrders(r);
    this.units = new HistoryUnits(inputs.units, r);
    this.cast = new HistoryCast(inputs.users, this.units);
    this.intake = new HistoryIntake(inputs, this.requests);
    const { dispatcher, leader, system } = this.cast;
    this.env = {
      now,
      calc: inputs.calc,
      dispatcher,
      leader,
      system,
      handler: (unitId) => this.cast.handler(unitId),
      profile: (unitId) => this.units.profile(unitId),
      redirect: (unitId, rr) => this.units.redirect(unitId, rr),
      contactDays: (code) => Number(this.inputs.category(code)?.contact_days ?? 1),
    };
  }

  get count(): number {
    return this.requests.length;
  }

  /** Orders per local day ('yyyymmdd'), to reserve their numbers before building. */
  dayCounts(): Map<string, number> {
    return dayCounts(this.requests.map((q) => q.createdAt));
  }

  /**
   * The rows, `size` orders at a time, oldest first. `firstNumber(day)` is the sequence number
   * of the day's first order (1 on an empty database).
   */
  *chunks(size: number, firstNumber: (day: string) => number = () => 1): Generator<HistoryChunk> {
    const numbers = new DayNumbers(firstNumber);
    let chunk: HistoryChunk = { orders: [], events: [] };
    for (let i = 0; i < this.requests.length; i++) {
      const q = this.requests[i];
      this.buildOne(i, q, numbers.take(q.createdAt), chunk);
      if (chunk.orders.length >= size) {
        yield chunk;
        chunk = { orders: [], events: [] };
      }
    }
    if (chunk.orders.length) yield chunk;
  }

  private buildOne(i: number, q: DemoRequest, number: string, out: HistoryChunk): void {
    const { inputs } = this;
    const r = prng(mix(inputs.seed, i));
    const id = timeId(q.createdAt) + randomChars(r, 12);
    const place = this.map.place(r, q);
    const cat = inputs.category(q.categoryCode);
    const requestType = cat?.request_type ?? null;
    const intake = this.intake.classify(r, q, place.community_code);
    const { intakeRoute, route } = intake;

    // what the centre does with it
    let disposition: Disposition = 'dispatch';
    let main: Recent | undefined;
    const centreAnswers = cat?.department_type === 'hotline' || requestType === 'praise';
    if (intakeRoute?.autoDispatch) disposition = 'auto';
    else if (centreAnswers || (requestType === 'consultation' && r() < 0.5) || !route) disposition = 'direct';
    else if (r() < 0.008) disposition = 'cancel';
    else if (r() < 0.016 && (main = this.recent.findMain(q.categoryCode, q.createdAt))) disposition = 'merge';
    const needsVisit = disposition === 'direct' ? r() < 0.3 && requestType !== 'praise' : requestType !== 'praise';

    // who reported and who registered it
    const citizenUser = (q.channel === 'wechat' || q.channel === 'web') && r() < 0.02 ? inputs.users.citizen : null;
    const reporter =
      q.channel === 'grid' || q.channel === 'drone' || q.channel === 'camera'
        ? null
        : citizenUser
          ? { name: citizenUser.name, phone: citizenUser.phone }
          : { name: callerName(r), phone: this.recent.callerPhone(r) };
    const creator = this.cast.creator(r, q.channel, place.grid_code, citizenUser);

    const base = main ? { ...main.base, ...jitter(r, main.base) } : place;
    const row = intakeRow({
      id,
      number,
      q,
      intake,
      requestType,
      base,
      reporter,
      reporterUserId: citizenUser?.id ?? null,
      needsVisit,
    });
    const plan: OrderPlan = {
      id,
      createdAt: q.createdAt,
      channel: q.channel,
      urgency: q.urgency,
      needsVisit,
      reporterId: citizenUser?.id ?? null,
      intakeCategory: intake.intakeCategory,
      category: q.categoryCode,
      requestType,
      creator,
      intakeRoute,
      route,
      suggestions: intake.suggestions,
      disposition,
      duplicates: main ? [main.id] : [],
      merge: main ? { mainId: main.id, stateAt: (t) => stateAt(main!, t) } : undefined,
    };
    const life = liveOrder(plan, this.env, r);
    settleRow(row, life, inputs);
    out.orders.push(row);
    for (const e of life.events) out.events.push(e);
    this.recent.remember(row, life.stateTimes, life.states);
    countOrder(this.stats, row, life.events, life.visits, disposition, life.refusal);
  }
}

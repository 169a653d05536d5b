/**
 * The demo history as rows: `generateDemoRequests` gives texts, categories, channels, urgency,
 * addresses and times; this places each request at a point inside a community, picks who
 * reported and registered it, what the classifier guessed, where the routing rules send it and
 * what the centre does with it, then plays its life (history-lifecycle.ts). Pure and
 * deterministic: the same inputs and seed give the same rows, ids included.
 */
import { localDateKey } from '../../../platform/calendar';
import { PolygonIndex, bboxOf, centroidOf, pointInPolygon, type LngLat } from '../../../platform/geo';
import { stageClockStatus, OPEN_STATES, type OrderState } from '../model';
import { generateDemoRequests, type DemoRequest } from './demo-history';
import { decideRoute } from '../routing/routing';
import type { UnitInfo } from '../deps';
import { columnsOf, FRESH_LIFECYCLE, type OrderRow } from '../row';
import { liveOrder } from './history-lifecycle';
import {
  unitProfile,
  type Disposition,
  type EventRow,
  type LifeEnv,
  type OrderPlan,
  type Person,
  type UnitProfile,
} from './history-plan';
import { randomChars, timeId } from './history-ids';
import type { HistoryArea, HistoryChunk, HistoryInputs, HistoryStats, HistoryUser } from './history-inputs';
import { between, callerName, mix, mobile, pick, prng, staffName, type Rand } from './history-phrases';

export type { HistoryArea, HistoryChunk, HistoryInputs, HistoryStats, HistoryUser } from './history-inputs';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const STREET_PREFIX = '佛山市南海区桂城街道';

interface Recent {
  id: string;
  createdAt: number;
  base: Pick<OrderRow, 'title' | 'description' | 'address' | 'lng' | 'lat' | 'community_code' | 'grid_code'>;
  times: number[];
  states: OrderState[];
  final: OrderState;
}

/** Builds `count` orders of history in chunks; call `dayCounts()` first to reserve numbers. */
export class HistoryBuilder {
  readonly stats: HistoryStats;
  private requests: DemoRequest[];
  private communityIndex: PolygonIndex<HistoryArea>;
  private gridsOf = new Map<string, Array<{ grid: HistoryArea; box: [number, number, number, number] }>>();
  private communityWeights: number[];
  private boxes: Array<[number, number, number, number]>;
  private profiles = new Map<string, UnitProfile>();
  private unitByCode = new Map<string, UnitInfo>();
  private people: {
    dispatcher: Person;
    leader: Person;
    system: Person;
    handlers: Map<string, Person>;
    agents: Person[];
  };
  private env: LifeEnv;
  private recent = new Map<string, Recent[]>();
  private frequentCallers: string[];

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
    this.communityIndex = new PolygonIndex(
      inputs.communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c })),
    );
    for (const g of inputs.grids) {
      const list = this.gridsOf.get(g.parent ?? '') ?? [];
      list.push({ grid: g, box: bboxOf(g.geometry) });
      this.gridsOf.set(g.parent ?? '', list);
    }
    const r = prng(mix(seed, -1));
    // busier and quieter communities, and a pool of people who call again and again
    this.communityWeights = inputs.communities.map(() => 0.5 + r());
    this.boxes = inputs.communities.map((c) => bboxOf(c.geometry));
    this.frequentCallers = Array.from({ length: 1500 }, () => mobile(r));
    for (const u of inputs.units) this.unitByCode.set(u.code, u);
    // Units' quality: evenly spread, shuffled, so every ranking has a clear top and bottom.
    const ranked = [...inputs.units].sort((a, b) => a.code.localeCompare(b.code));
    const qualities = ranked.map((_, i) => (ranked.length > 1 ? i / (ranked.length - 1) : 0.5));
    for (let i = qualities.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [qualities[i], qualities[j]] = [qualities[j], qualities[i]];
    }
    ranked.forEach((u, i) => this.profiles.set(u.id, unitProfile(qualities[i])));
    this.people = this.makePeople();
    const { dispatcher, leader, system } = this.people;
    this.env = {
      now,
      calc: inputs.calc,
      dispatcher,
      leader,
      system,
      handler: (unitId) => this.people.handlers.get(unitId) ?? this.syntheticHandler(unitId),
      profile: (unitId) => this.profiles.get(unitId) ?? unitProfile(0.5),
      redirect: (unitId, rr) => this.redirect(unitId, rr),
      contactDays: (code) => Number(this.inputs.category(code)?.contact_days ?? 1),
    };
    this.stats = {
      orders: 0,
      events: 0,
      byState: {},
      bySla: {},
      dispositions: { auto: 0, dispatch: 0, direct: 0, cancel: 0, merge: 0 },
      returns: 0,
      extensions: 0,
      suspensions: 0,
      reopened: 0,
      visits: {},
      refusals: 0,
      firstRefusal: null,
    };
  }

  get count(): number {
    return this.requests.length;
  }

  /** Orders per local day ('yyyymmdd'), to reserve their numbers before building. */
  dayCounts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const q of this.requests) {
      const day = dayKey(q.createdAt);
      out.set(day, (out.get(day) ?? 0) + 1);
    }
    return out;
  }

  /**
   * The rows, `size` orders at a time, oldest first. `firstNumber(day)` is the sequence number
   * of the day's first order (1 on an empty database).
   */
  *chunks(size: number, firstNumber: (day: string) => number = () => 1): Generator<HistoryChunk> {
    const next = new Map<string, number>();
    let chunk: HistoryChunk = { orders: [], events: [] };
    for (let i = 0; i < this.requests.length; i++) {
      const q = this.requests[i];
      const day = dayKey(q.createdAt);
      const seq = next.get(day) ?? firstNumber(day);
      next.set(day, seq + 1);
      this.buildOne(i, q, `GC${day}${String(seq).padStart(5, '0')}`, chunk);
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
    const place = this.place(r, q);
    const cat = inputs.category(q.categoryCode);
    const requestType = cat?.request_type ?? null;

    // what the classifier guessed, and whether the agent picked the category themselves
    const picked =
      q.channel === 'drone' ||
      q.channel === 'camera' ||
      ((q.channel === 'hotline' || q.channel === 'grid') && r() < 0.55);
    const suggestions = this.suggest(r, q.categoryCode);
    const top = suggestions[0];
    let intakeCategory = picked ? q.categoryCode : top.categoryCode;
    const routeFor = (code: string, confidence: number | null, confirmed: boolean) =>
      decideRoute({
        categoryCode: code,
        departmentType: inputs.category(code)?.department_type ?? null,
        communityCode: place.community_code,
        confidence,
        categoryConfirmed: confirmed,
        rules: inputs.rules,
        units: inputs.units,
      });
    let intakeRoute = routeFor(intakeCategory, picked ? 1 : top.confidence, picked);
    if (intakeCategory !== q.categoryCode && intakeRoute?.autoDispatch) {
      // a wrong guess sure enough to be auto-dispatched is beyond this demo: take the right one
      suggestions.unshift(
        suggestions.splice(
          suggestions.findIndex((s) => s.categoryCode === q.categoryCode),
          1,
        )[0],
      );
      intakeCategory = q.categoryCode;
      intakeRoute = routeFor(intakeCategory, suggestions[0].confidence, false);
    }
    const route = intakeCategory === q.categoryCode ? intakeRoute : routeFor(q.categoryCode, 1, true);

    // what the centre does with it
    let disposition: Disposition = 'dispatch';
    let main: Recent | undefined;
    const centreAnswers = cat?.department_type === 'hotline' || requestType === 'praise';
    if (intakeRoute?.autoDispatch) disposition = 'auto';
    else if (centreAnswers || (requestType === 'consultation' && r() < 0.5) || !route) disposition = 'direct';
    else if (r() < 0.008) disposition = 'cancel';
    else if (r() < 0.016 && (main = this.findMain(q.categoryCode, q.createdAt))) disposition = 'merge';
    const needsVisit = disposition === 'direct' ? r() < 0.3 && requestType !== 'praise' : requestType !== 'praise';

    // who reported and who registered it
    const citizenUser = (q.channel === 'wechat' || q.channel === 'web') && r() < 0.02 ? inputs.users.citizen : null;
    const reporter =
      q.channel === 'grid' || q.channel === 'drone' || q.channel === 'camera'
        ? null
        : citizenUser
          ? { name: citizenUser.name, phone: citizenUser.phone }
          : { name: callerName(r), phone: r() < 0.12 ? pick(r, this.frequentCallers) : mobile(r) };
    const creator = this.creator(r, q.channel, place.grid_code, citizenUser);

    const base = main ? { ...main.base, ...jitter(r, main.base) } : place;
    const row: OrderRow = {
      id,
      number,
      channel: q.channel,
      category_code: intakeCategory,
      suggested_category: top.categoryCode,
      suggestion_confidence: top.confidence,
      request_type: requestType,
      title: base.title ?? titleOf(q.text),
      description: base.description ?? q.text,
      address: base.address,
      lng: base.lng,
      lat: base.lat,
      community_code: base.community_code,
      grid_code: base.grid_code,
      reporter_name: reporter?.name ?? null,
      reporter_phone: reporter?.phone ?? null,
      reporter_user_id: citizenUser?.id ?? null,
      urgency: q.urgency,
      state: 'pending_dispatch',
      unit_id: null,
      main_order_id: null,
      needs_visit: needsVisit ? 1 : 0,
      attachments: '[]',
      source_ref: null,
      ...FRESH_LIFECYCLE,
      created_at: q.createdAt,
      updated_at: q.createdAt,
      version: 1,
      demo: 1,
    };
    const plan: OrderPlan = {
      id,
      createdAt: q.createdAt,
      channel: q.channel,
      urgency: q.urgency,
      needsVisit,
      reporterId: citizenUser?.id ?? null,
      intakeCategory,
      category: q.categoryCode,
      requestType,
      creator,
      intakeRoute,
      route,
      suggestions,
      disposition,
      duplicates: main ? [main.id] : [],
      merge: main ? { mainId: main.id, stateAt: (t) => stateAt(main!, t) } : undefined,
    };
    const life = liveOrder(plan, this.env, r);
    const snap = life.snap;
    Object.assign(row, columnsOf(snap), { version: life.version, updated_at: life.updatedAt });
    row.request_type = inputs.category(row.category_code)?.request_type ?? row.request_type;
    if (snap.clockStartedAt !== null) {
      // the worse of the sign-for and the completion clock, as the SLA jobs would have raised it
      const clock = stageClockStatus(snap, inputs.now, (a, b) => inputs.workingMsBetween(a, b, snap.pauses));
      row.sla_status = clock.status === 'overdue' || clock.status === 'due_soon' ? clock.status : 'normal';
    }
    out.orders.push(row);
    for (const e of life.events) out.events.push(e);
    this.remember(row, life.stateTimes, life.states);
    this.count1(row, life.events, life.visits, disposition, life.refusal);
  }

  /** A point inside a community (rejection sampling in its bbox); the address names it. */
  private place(r: Rand, q: DemoRequest) {
    const { communities } = this.inputs;
    let k = 0;
    let x = r() * this.communityWeights.reduce((a, b) => a + b, 0);
    while (k < communities.length - 1 && (x -= this.communityWeights[k]) >= 0) k++;
    const c = communities[k];
    const [minLng, minLat, maxLng, maxLat] = this.boxes[k];
    let point: LngLat | null = null;
    for (let tries = 0; tries < 200 && !point; tries++) {
      const p: LngLat = [minLng + (maxLng - minLng) * r(), minLat + (maxLat - minLat) * r()];
      if (pointInPolygon(p, c.geometry)) point = p;
    }
    point ??= centroidOf(c.geometry);
    point = [round6(point[0]), round6(point[1])];
    // rounding may nudge a point over an edge: the community is the one the point lies in, as intake's locate() says
    const community = pointInPolygon(point, c.geometry) ? c : (this.communityIndex.find(point)?.value ?? c);
    const grid = this.gridAt(point, community.code);
    // the generator names one of a few communities; put the request where the point is
    const named = /^佛山市南海区桂城街道(.+?社区)/.exec(q.address)?.[1];
    const address = named ? q.address.replace(STREET_PREFIX + named, STREET_PREFIX + community.name) : q.address;
    const text = named && named !== community.name ? q.text.split(named).join(community.name) : q.text;
    return {
      title: titleOf(text),
      description: text,
      address,
      lng: point[0],
      lat: point[1],
      community_code: community.code,
      grid_code: grid?.code ?? null,
    };
  }

  /** The community's grid containing the point (grids tile their community). */
  private gridAt(point: LngLat, community: string): HistoryArea | null {
    const [x, y] = point;
    const list = this.gridsOf.get(community) ?? [];
    for (const { grid, box } of list) {
      if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && pointInPolygon(point, grid.geometry)) return grid;
    }
    return null;
  }

  private suggest(r: Rand, code: string): Array<{ categoryCode: string; confidence: number }> {
    const siblings = this.siblingsOf(code);
    const other = () => pick(r, siblings);
    if (siblings.length === 0 || r() < 0.9) {
      const c1 = 0.5 + 0.5 * Math.sqrt(r());
      const rest = 1 - c1;
      const out = [{ categoryCode: code, confidence: round3(c1) }];
      if (siblings.length) out.push({ categoryCode: other(), confidence: round3(rest * 0.6) });
      return out;
    }
    const wrong = other();
    const c1 = between(r, 0.3, 0.62);
    return [
      { categoryCode: wrong, confidence: round3(c1) },
      { categoryCode: code, confidence: round3((1 - c1) * 0.7) },
    ];
  }

  private siblingCache = new Map<string, string[]>();
  private siblingsOf(code: string): string[] {
    let s = this.siblingCache.get(code);
    if (!s) {
      const all = [...new Set(this.requestsCategories())];
      s = all.filter((c) => c !== code && c.slice(0, 2) === code.slice(0, 2));
      this.siblingCache.set(code, s);
    }
    return s;
  }
  private cats: string[] | null = null;
  private requestsCategories(): string[] {
    this.cats ??= [...new Set(this.requests.map((q) => q.categoryCode))].sort();
    return this.cats;
  }

  /** An open main order of the same category from the past week (重复件 are merged into it). */
  private findMain(category: string, t: number): Recent | undefined {
    const list = this.recent.get(category);
    if (!list) return undefined;
    while (list.length && list[0].createdAt < t - WEEK) list.shift();
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.final === 'merged' || m.final === 'cancelled') continue;
      if (OPEN_STATES.includes(stateAt(m, t))) return m;
    }
    return undefined;
  }

  private remember(row: OrderRow, times: number[], states: OrderState[]): void {
    if (row.main_order_id || !row.category_code) return;
    const list = this.recent.get(row.category_code) ?? [];
    list.push({
      id: row.id,
      createdAt: Number(row.created_at),
      final: row.state as OrderState,
      times,
      states,
      base: {
        title: row.title,
        description: row.description,
        address: row.address,
        lng: row.lng,
        lat: row.lat,
        community_code: row.community_code,
        grid_code: row.grid_code,
      },
    });
    if (list.length > 400) list.shift();
    this.recent.set(row.category_code, list);
  }

  private count1(row: OrderRow, events: EventRow[], visits: string[], d: Disposition, refusal: string | null): void {
    const s = this.stats;
    s.orders++;
    s.events += events.length;
    s.byState[row.state] = (s.byState[row.state] ?? 0) + 1;
    s.bySla[row.sla_status] = (s.bySla[row.sla_status] ?? 0) + 1;
    s.dispositions[d]++;
    for (const e of events) {
      if (e.type === 'order.return_approved') s.returns++;
      else if (e.type === 'order.extension_approved') s.extensions++;
      else if (e.type === 'order.suspended') s.suspensions++;
    }
    for (const v of visits) {
      s.visits[v] = (s.visits[v] ?? 0) + 1;
      if (v === 'unsatisfied') s.reopened++;
    }
    if (refusal) {
      s.refusals++;
      s.firstRefusal ??= `${row.number}: ${refusal}`;
    }
  }

  private makePeople() {
    const u = this.inputs.users;
    const person = (x: HistoryUser, role: 'dispatcher' | 'leader'): Person => ({
      id: x.id,
      name: x.name,
      actor: { userId: x.id ?? `demo:${role}`, roles: [role] },
    });
    const handlers = new Map<string, Person>();
    const hu = this.unitByCode.get(u.handler.unitCode);
    if (hu)
      handlers.set(hu.id, {
        id: u.handler.id,
        name: u.handler.name,
        actor: { userId: u.handler.id ?? 'demo:handler', roles: ['handler'], orgIds: [hu.id] },
      });
    return {
      dispatcher: person(u.dispatcher, 'dispatcher'),
      leader: person(u.leader, 'leader'),
      system: { id: null, name: 'system', actor: { userId: 'system', roles: ['system'] } } as Person,
      handlers,
      agents: Array.from(
        { length: 6 },
        (_, i): Person => ({
          id: null,
          name: staffName(200 + i),
          actor: { userId: `demo:agent${i}`, roles: ['dispatcher'] },
        }),
      ),
    };
  }

  /** A named handler for a unit without a demo user (the timeline shows a person, not a role). */
  private syntheticHandler(unitId: string): Person {
    const n = this.inputs.units.findIndex((u) => u.id === unitId);
    const p: Person = {
      id: null,
      name: staffName(n + 1),
      actor: { userId: `demo:handler:${unitId}`, roles: ['handler'], orgIds: [unitId] },
    };
    this.people.handlers.set(unitId, p);
    return p;
  }

  private creator(r: Rand, channel: string, gridCode: string | null, citizen: HistoryUser | null): Person {
    const anon = (name: string | null): Person => ({ id: null, name, actor: { userId: 'demo:intake', roles: [] } });
    switch (channel) {
      case 'hotline':
        return pick(r, this.people.agents);
      case 'grid':
        return anon(staffName(300 + (gridCode ? hashString(gridCode) % 500 : 0)));
      case 'open311':
        return anon('apikey:open311');
      case 'drone':
        return anon('apikey:drone-ai');
      case 'camera':
        return anon('apikey:video-ai');
      default:
        return citizen
          ? { id: citizen.id, name: citizen.name, actor: { userId: citizen.id ?? 'demo:citizen', roles: ['citizen'] } }
          : anon(null);
    }
  }

  /** After an approved 退单: a community's "not ours" goes to a department, a department's to the community. */
  private redirect(unitId: string, r: Rand): string {
    const unit = this.inputs.units.find((u) => u.id === unitId);
    if (unit?.kind === 'community') {
      const to = this.unitByCode.get(pick(r, ['GC-ZF', 'GC-ZF', 'GC-ZJ', 'GC-SJ', 'GC-HB']));
      if (to && to.id !== unitId) return to.id;
    }
    const communities = this.inputs.units.filter((u) => u.kind === 'community' && u.id !== unitId);
    const departments = this.inputs.units.filter(
      (u) => u.kind === 'department' && u.id !== unitId && u.departmentType !== 'hotline',
    );
    const pool = communities.length && r() < 0.7 ? communities : departments.length ? departments : communities;
    return pool.length ? pick(r, pool).id : unitId;
  }
}

function stateAt(m: Recent, t: number): OrderState {
  let s: OrderState = 'pending_dispatch';
  for (let i = 0; i < m.times.length && m.times[i] <= t; i++) s = m.states[i];
  return s;
}

/** A second caller stands a few metres from the first. */
function jitter(r: Rand, b: { lng: number | null; lat: number | null }) {
  if (b.lng === null || b.lat === null) return {};
  const d = 0.00025; // about 25 m
  return { lng: round6(b.lng + (r() - 0.5) * d), lat: round6(b.lat + (r() - 0.5) * d) };
}

const OPENING = /^(【[^】]*】)?(市民来电(反映|称|咨询|询问)?|来电人(反映|咨询)|来电反映|网格员入户走访，居民反映)?：?/;
/** The title an agent would type: the request without its opening, cut at 30 characters. */
export function titleOf(text: string): string {
  const body = text.replace(OPENING, '').trim() || text;
  return body.slice(0, 30);
}

const dayKey = (ms: number) => localDateKey(ms).replace(/-/g, '');
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

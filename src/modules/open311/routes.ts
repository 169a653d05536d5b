/**
 * HTTP for the Open311 GeoReport v2 facade at /open311/v2. Every route is public to the
 * platform's auth hook; POST /requests checks its own `api_key` (permission open311.submit).
 * Errors in this scope answer in the spec's form (a list of {code, description}, XML or JSON
 * by the path's suffix) instead of the platform's `{ error: … }`.
 */
import { Discovery, Documents, RequestUpdate, Service, ServiceDefinition, ServiceRequest, Submitted } from './contract';
import { Type as T } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Http } from '../../platform/http';
import type { Authenticator } from '../../platform/auth/hooks';
import type { Principal } from '../../platform/auth/principal';
import type { OrdersServices, NewOrderInput } from '../orders';
import type { GeographyService } from '../geography';
import type { PlatformContext } from '../../platform/context';
import {
  applyAttributes,
  serviceAttributes,
  serviceDefinition,
  serviceList,
  serviceNotice,
  type Urgency,
} from './catalogue';
import {
  apiKeyOf,
  parseFormBody,
  parseRequestQuery,
  parseSubmission,
  parseUpdatesQuery,
  toBeijingIso,
  type Fields,
} from './params';
import { Open311Queries } from './queries.repo';
import { fail, formatOf, installOpen311Errors, Open311Failure, send } from './errors';
import { requestView, updateView, withMediaUrl, type RequestRow, type ViewLookups } from './views';

export const OPEN311_PREFIX = '/open311/v2';
export const SUBMIT_PERMISSION = 'open311.submit';
/** Discovery's changeset before anyone edits the category tree: this facade's first release. */
const RELEASE = Date.parse('2026-03-01T00:00:00+08:00');

const Params = (...names: string[]) => T.Object(Object.fromEntries(names.map((n) => [n, T.String()])));

/** What the facade uses: the orders module's catalogue, intake and unit names, and the street's places. */
export interface Open311Deps {
  p: PlatformContext;
  orders: Pick<OrdersServices, 'categories' | 'intake' | 'units'>;
  geo: Pick<GeographyService, 'places'>;
  auth: Pick<Authenticator, 'byApiKey'>;
}

export function open311Routes(app: Http, { p, orders, geo, auth }: Open311Deps): void {
  const queries = new Open311Queries(p.db);
  const lookups = (mainNumbers: ReadonlyMap<string, string>): ViewLookups => ({
    unitName: (id) => orders.units.name(id),
    categoryName: (code) => orders.categories.get(code)?.name ?? null,
    notice: (code, urgency) => (code ? serviceNotice(orders.categories.view(code), asUrgency(urgency)) : null),
    mainNumbers,
  });
  const views = async (rows: RequestRow[]) => {
    const mains = await queries.numbersOf(rows.flatMap((r) => (r.main_order_id ? [r.main_order_id] : [])));
    const l = lookups(mains);
    return rows.map((r) => requestView(r, l));
  };

  void app.register(
    async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, parseFormBody(body as string));
      });

      installOpen311Errors(scope);

      const config = { permission: 'public' };
      const tags = ['open311'];

      scope.get(
        '/discovery.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 服务发现 / service discovery',
            params: Params('format'),
            response: Documents(Discovery, 'discovery'),
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const changeset = toBeijingIso(Math.max(RELEASE, (await queries.lastCatalogueChange()) ?? 0));
          return send(reply, format, 'discovery', {
            changeset,
            contact: "街道城市运行管理中心（一网统管）/ the street's city operations centre",
            key_service:
              'API 密钥由系统管理员创建并授予 open311.submit 权限（POST /api/api-keys）/ ask an administrator for an API key with the open311.submit permission',
            endpoints: [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url: baseUrl(p.config.publicUrl, req),
                changeset,
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          });
        },
      );

      scope.get(
        '/services.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 服务列表（诉求分类）/ services: the active leaf categories',
            params: Params('format'),
            response: Documents(T.Array(Service), 'services'),
          },
        },
        async (req, reply) => send(reply, formatOf(req), 'services', serviceList(orders.categories.all())),
      );

      scope.get(
        '/services/:service_code.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 服务定义 / a service definition with its attributes',
            params: Params('service_code', 'format'),
            response: Documents(ServiceDefinition, 'service definition'),
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const code = (req.params as { service_code: string }).service_code;
          const c = orders.categories.view(code);
          if (!c || !c.leaf || !c.active) throw fail(404, `service_code ${code} not found`);
          return send(reply, format, 'service_definition', serviceDefinition(c));
        },
      );

      scope.post(
        '/requests.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 提交诉求（需 api_key）/ submit a request (needs an api_key with open311.submit)',
            params: Params('format'),
            response: Documents(T.Array(Submitted), 'the new request (or its token)'),
            consumes: ['application/x-www-form-urlencoded', 'application/json'],
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const body = fieldsOf(req.body);
          const principal = await keyHolder(auth, apiKeyOf(body ?? {}, req.query as Fields), req.principal);
          if (!body) throw fail(400, 'send the fields as application/x-www-form-urlencoded (or a JSON object)');
          const parsed = parseSubmission(body);
          if (!parsed.ok) throw new Open311Failure(400, parsed.errors);
          const s = parsed.value;
          const category = orders.categories.view(s.serviceCode);
          if (!category || !category.leaf || !category.active)
            throw fail(400, `service_code ${s.serviceCode} is not a known service (see services.${format})`);
          const attrs = applyAttributes(serviceAttributes(category), s.attributes);
          if (!attrs.ok) throw new Open311Failure(400, attrs.errors);
          let location = s.lat !== undefined && s.long !== undefined ? { lat: s.lat, lng: s.long } : undefined;
          let place: string | undefined;
          if (s.addressId) {
            const found = (await geo.places()).features.find((f) => String(f.id) === s.addressId);
            if (!found) throw fail(400, `address_id ${s.addressId} is not a known place`);
            const [lng, lat] = (found.geometry as unknown as { coordinates: [number, number] }).coordinates;
            location ??= { lng, lat };
            place = String((found.properties as { name?: unknown } | null)?.name ?? '') || undefined;
          }
          const address = [s.addressString ?? place, attrs.value.addressDetail].filter(Boolean).join(' ') || undefined;
          const key = req.headers['idempotency-key'];
          if (key !== undefined && (typeof key !== 'string' || key.length < 1 || key.length > 100))
            throw fail(400, 'Idempotency-Key must be 1–100 characters');
          const input: NewOrderInput = {
            channel: 'open311',
            categoryCode: category.code,
            description: withMediaUrl(s.description ?? category.name, s.mediaUrl),
            urgency: attrs.value.urgency,
            address,
            location,
            reporter: { name: personName(s.firstName, s.lastName), phone: s.phone },
            sourceRef: sourceRefOf(s.deviceId, s.accountId),
          };
          const res = await orders.intake.create(
            principal,
            { actorId: principal.id, actorName: principal.name, ip: req.ip ?? null },
            input,
            key,
          );
          const number = res.body.order.number;
          if (res.replayed) reply.header('idempotent-replayed', 'true');
          return send(reply, format, 'service_requests', [
            {
              service_request_id: number,
              service_notice: serviceNotice(category, attrs.value.urgency, number),
              account_id: s.accountId ?? null,
            },
          ]);
        },
      );

      scope.get(
        '/tokens/:token.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 令牌查询（令牌即工单 id）/ the request id of a token (the token is the order id)',
            params: Params('token', 'format'),
            response: Documents(T.Array(Submitted), 'the request id of the token'),
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const token = (req.params as { token: string }).token;
          const row = token.length <= 64 ? await queries.byId(token) : undefined;
          if (!row) throw fail(404, `token ${token.slice(0, 64)} not found`);
          return send(reply, format, 'service_requests', [{ service_request_id: row.number, token: row.id }]);
        },
      );

      scope.get(
        '/requests.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 诉求列表 / requests: by ids, or by date window, service codes and status',
            params: Params('format'),
            response: Documents(T.Array(ServiceRequest), 'requests'),
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const q = parseRequestQuery(req.query as Fields, p.clock.now());
          if (!q.ok) throw new Open311Failure(400, q.errors);
          return send(reply, format, 'service_requests', await views(await queries.requests(q.value)));
        },
      );

      scope.get(
        '/requests/:service_request_id.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 单个诉求 / one request by its service_request_id (the order number)',
            params: Params('service_request_id', 'format'),
            response: Documents(T.Array(ServiceRequest), 'the request'),
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const id = (req.params as { service_request_id: string }).service_request_id;
          const row = id.length <= 40 ? await queries.request(id) : undefined;
          if (!row) throw fail(404, `service_request_id ${id.slice(0, 40)} not found`);
          return send(reply, format, 'service_requests', await views([row]));
        },
      );

      scope.get(
        '/servicerequestupdates.:format',
        {
          config,
          schema: {
            tags,
            summary: 'Open311 进度更新（mySociety 扩展）/ request updates (mySociety extension)',
            params: Params('format'),
            response: Documents(T.Array(RequestUpdate), 'updates'),
          },
        },
        async (req, reply) => {
          const format = formatOf(req);
          const q = parseUpdatesQuery(req.query as Fields, p.clock.now());
          if (!q.ok) throw new Open311Failure(400, q.errors);
          const events = await queries.updates(q.value);
          const approvals = events
            .filter((e) => e.type === 'order.reply_approved')
            .map((e) => ({ id: e.id, order_id: e.order_id, at: Number(e.at) }));
          const replies = await queries.approvedReplies(approvals);
          const unitName = (id: string | null) => orders.units.name(id);
          const items = events.flatMap((e) => updateView(e, { unitName, approvedReply: replies.get(e.id) }) ?? []);
          return send(reply, format, 'service_request_updates', items);
        },
      );
    },
    { prefix: OPEN311_PREFIX },
  );
}

/** A form or JSON body as fields; null when it is something else (a JSON list, a number…). */
function fieldsOf(body: unknown): Fields | null {
  if (body === undefined || body === null || body === '') return {};
  return typeof body === 'object' && !Array.isArray(body) ? (body as Fields) : null;
}

/**
 * Who submits: the holder of the body's (or query's) api_key; or, for clients that send the
 * key as a header (Authorization: Bearer / X-Api-Key), the key the platform already resolved.
 */
async function keyHolder(
  auth: Pick<Authenticator, 'byApiKey'>,
  key: string | undefined,
  resolved: Principal | null,
): Promise<Principal> {
  const principal = key
    ? key.length <= 200
      ? await auth.byApiKey(key)
      : null
    : resolved?.kind === 'apikey'
      ? resolved
      : null;
  if (!principal)
    throw fail(403, key ? 'invalid api_key: unknown or revoked' : 'api_key is required to submit a request');
  if (!principal.permissions.has(SUBMIT_PERMISSION))
    throw fail(403, `this api_key lacks the ${SUBMIT_PERMISSION} permission`);
  return principal;
}

function baseUrl(publicUrl: string | null, req: FastifyRequest): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '') + OPEN311_PREFIX;
  const host = /^[\w.-]+(:\d{1,5})?$/.test(req.host ?? '') ? req.host : 'localhost';
  return `${req.protocol}://${host}${OPEN311_PREFIX}`;
}

/** Chinese names read family name first; Latin ones given name first. */
function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  const cjk = /[\u3400-\u9fff]/.test(`${first ?? ''}${last ?? ''}`);
  return (cjk ? `${last ?? ''}${first ?? ''}` : `${first ?? ''} ${last ?? ''}`).trim().slice(0, 50);
}

function sourceRefOf(deviceId: string | undefined, accountId: string | undefined): string | undefined {
  const parts = [accountId && `account_id=${accountId}`, deviceId && `device_id=${deviceId}`].filter(Boolean);
  return parts.length ? `open311:${parts.join(';')}` : undefined;
}

function asUrgency(u: string): Urgency {
  return u === 'urgent' || u === 'emergency' ? u : 'normal';
}

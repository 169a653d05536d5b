import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Logger } from 'pino';
import { AppError } from './errors';
import { newId } from './ids';

export type Http = FastifyInstance<any, any, any, Logger, TypeBoxTypeProvider>;

export interface HttpOptions {
  logger: Logger;
  bodyLimit?: number;
  trustProxy?: boolean;
}

/**
 * Bodies are validated strictly (no type coercion, unknown fields refused); query strings and
 * path parameters arrive as text, so they are coerced to the declared types.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}

export function createHttp(opts: HttpOptions): Http {
  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Node would answer a request without Host with a bare 400 before Fastify sees it; let it
    // through so the hook below refuses it in our error format.
    http: { requireHostHeader: false },
    // Refused by Node's HTTP parser (headers too large, a malformed request line or chunk):
    // no request exists yet, so the answer is written to the socket — in our error format.
    clientErrorHandler: writeClientError,
    // Refused by the router before any route runs (bad %-encoding, a path parameter over 100
    // characters): Fastify would answer in its own format, so answer in ours.
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      const code = err.code === 'FST_ERR_BAD_URL' ? 'invalid_url' : 'invalid_request';
      reply.status(400).send({ error: { code, message: err.message } });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema as object) : withSafeNumbers(coercing.compile(schema as object)),
  );

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    // Plugins may end a request with a bare status (a plain GET to a WebSocket route is a 404
    // with no body); every refusal still gets the error format.
    if (reply.statusCode >= 400 && (payload === undefined || payload === null || payload === '')) {
      const status = reply.statusCode;
      reply.type('application/json; charset=utf-8');
      return JSON.stringify({
        error: {
          code: status === 404 ? 'not_found' : (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_'),
          message: `${req.method} ${req.url.split('?')[0]}: ${STATUS_CODES[status] ?? status}`,
        },
      });
    }
    return payload;
  });

  app.addHook('onRequest', async (req, reply) => {
    if (req.raw.httpVersion === '1.1' && !req.headers.host) {
      reply.header('connection', 'close');
      throw new AppError(400, 'invalid_request', 'an HTTP/1.1 request must carry a Host header');
    }
  });

  // PostgreSQL text cannot hold U+0000 (it fails with a 500 deep in a query); refuse it at the
  // edge so both databases answer the same 400.
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body)) {
      throw new AppError(400, 'invalid_request', 'text must not contain the NUL character (\\u0000)');
    }
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const first = fe.validation[0];
      const where = fe.validationContext ?? 'request';
      const field = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
      const extra =
        first?.keyword === 'additionalProperties'
          ? `: unknown field '${(first.params as any).additionalProperty}'`
          : '';
      const message = `${where}${field ? '.' + field : ''} ${first?.message ?? 'is invalid'}${extra}`;
      return reply.status(400).send({ error: { code: 'invalid_request', message, details: fe.validation } });
    }
    // Every refused body is a 400 to our clients, an oversized one too (Fastify says 413).
    const status =
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 400
        : fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500
          ? fe.statusCode
          : 500;
    if (status === 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send({
        error: {
          code: 'internal',
          message: 'internal error; see the server log with this request id',
          details: { requestId: req.id },
        },
      });
    }
    const code = clientErrorCode(fe);
    return reply.status(status).send({ error: { code, message: fe.message } });
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });

  return app;
}

/** Node's parser codes for a refusal, as our status and error code. */
function clientErrorOf(err: NodeJS.ErrnoException): { status: number; code: string; message: string } {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'headers_too_large', message: 'the request line and headers exceed 16 KB' };
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code: 'request_timeout', message: 'the request took too long to arrive' };
  return {
    status: 400,
    code: 'malformed_request',
    message: `the request is not well-formed HTTP (${err.code ?? 'parse error'})`,
  };
}

function writeClientError(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = clientErrorOf(err);
  this.log.debug({ err }, `client error ${code}`);
  if (socket.writable) {
    const body = JSON.stringify({ error: { code, message } });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Text coerced to a number can be Infinity or past 2^53 ('1e400', '99999999999999999999'): Ajv
 * lets both through as integers, and PostgreSQL's bigint then fails with a 500. No query string
 * or path parameter means such a number, so they are refused like any other invalid value.
 */
function withSafeNumbers(validate: ValidateFunction): ValidateFunction {
  const wrapped = function (this: unknown, data: unknown, ctx?: unknown) {
    const ok = (validate as (this: unknown, d: unknown, c?: unknown) => boolean).call(this, data, ctx);
    wrapped.errors = validate.errors;
    if (!ok || data === null || typeof data !== 'object') return ok;
    for (const [name, value] of Object.entries(data)) {
      for (const n of Array.isArray(value) ? value : [value]) {
        if (typeof n === 'number' && !(Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER)) {
          wrapped.errors = [
            {
              instancePath: `/${name}`,
              schemaPath: '#/safeNumber',
              keyword: 'maximum',
              params: { limit: Number.MAX_SAFE_INTEGER },
              message: `must be a finite number within ±${Number.MAX_SAFE_INTEGER}`,
            },
          ];
          return false;
        }
      }
    }
    return true;
  } as ValidateFunction;
  // Fastify passes the parent object to validators with a schemaEnv, so coercion can replace values
  Object.assign(wrapped, { schema: validate.schema, schemaEnv: validate.schemaEnv });
  return wrapped;
}

/** Whether a parsed JSON value holds U+0000 in a string or a key; iterative, so deep nesting is fine. */
function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      // (query and params objects have their own prototypes; binary bodies and streams are not text)
      if (ArrayBuffer.isView(v) || typeof (v as { pipe?: unknown }).pipe === 'function') continue;
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

function clientErrorCode(fe: FastifyError): string {
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    default:
      return (fe.code ?? 'bad_request').toLowerCase().replace(/^fst_err_/, '');
  }
}

/** Cookie parsing must be in place before the auth hook reads the session cookie. */
export async function registerCookies(app: Http): Promise<void> {
  await app.register(cookie);
}

export async function registerCommonPlugins(app: Http, info: { title: string; version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: info.title,
        version: info.version,
        description:
          '一网 Yiwang HTTP API. Session cookie (browser) or `Authorization: Bearer <API key>` (machines). Errors: `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yw_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

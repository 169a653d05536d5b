import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv } from 'ajv';
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
    trustProxy: opts.trustProxy ?? true,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object));

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
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
      const extra = first?.keyword === 'additionalProperties' ? `: unknown field '${(first.params as any).additionalProperty}'` : '';
      const message = `${where}${field ? '.' + field : ''} ${first?.message ?? 'is invalid'}${extra}`;
      return reply.status(400).send({ error: { code: 'invalid_request', message, details: fe.validation } });
    }
    const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ error: { code: 'internal', message: 'internal error; see the server log with this request id', details: { requestId: req.id } } });
    }
    const code = clientErrorCode(fe);
    return reply.status(status).send({ error: { code, message: fe.message } });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });

  return app;
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
      info: { title: info.title, version: info.version, description: '一网 Yiwang HTTP API. Session cookie (browser) or `Authorization: Bearer <API key>` (machines). Errors: `{ "error": { "code", "message", "details" } }`.' },
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

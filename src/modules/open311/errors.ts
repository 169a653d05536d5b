/**
 * Open311's own error form: a list of {code, description}, as XML or JSON by the path's suffix,
 * instead of the platform's `{ error: … }`; and the status codes the spec allows (400, 403, 404, 500).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { formatOfUrl, parseFormat, type Format, type Open311Error } from './params';
import { render, renderErrors, type DocumentKind } from './serialise';

/** A refusal in the spec's words: HTTP status and the error list. */
export class Open311Failure extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311Error[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }
}

export const fail = (status: number, description: string) =>
  new Open311Failure(status, [{ code: status, description }]);

export function formatOf(req: FastifyRequest): Format {
  const f = parseFormat((req.params as { format?: string } | undefined)?.format);
  if (!f) throw fail(404, 'unknown format: use .xml or .json');
  return f;
}

export function send(reply: FastifyReply, format: Format, kind: DocumentKind, data: unknown, status = 200) {
  const { body, contentType } = render(format, kind, data);
  return reply.status(status).type(contentType).send(body);
}

/** The spec's statuses: 404 unknown resource, 403 api_key, 400 anything else the client got wrong. */
function open311StatusOf(status: number): number {
  if (status === 401 || status === 403) return 403;
  if (status === 404) return 404;
  return status >= 400 && status < 500 ? 400 : 500;
}

/** Errors and unknown paths inside the facade's scope answer in the spec's form. */
export function installOpen311Errors(scope: FastifyInstance): void {
  // (NUL characters are refused by the platform's preValidation hook; its AppError lands here)
  scope.setErrorHandler((err: FastifyError | AppError | Open311Failure, req, reply) => {
    const format =
      parseFormat((req.params as { format?: string } | undefined)?.format) ?? formatOfUrl(req.url) ?? 'json';
    if (err instanceof Open311Failure) {
      const { body, contentType } = renderErrors(format, err.errors);
      return reply.status(err.status).type(contentType).send(body);
    }
    const given = err instanceof AppError ? err.status : ((err as FastifyError).statusCode ?? 500);
    const status = open311StatusOf(given);
    if (status === 500) req.log.error({ err }, 'unhandled error');
    const description = status === 500 ? `internal error; see the server log with request id ${req.id}` : err.message;
    const { body, contentType } = renderErrors(format, [{ code: status, description }]);
    return reply.status(status).type(contentType).send(body);
  });

  scope.setNotFoundHandler((req, reply) => {
    const { body, contentType } = renderErrors(formatOfUrl(req.url) ?? 'json', [
      { code: 404, description: `no Open311 resource ${req.method} ${req.url.split('?')[0]}` },
    ]);
    return reply.status(404).type(contentType).send(body);
  });
}

/**
 * The ETSI NGSI-LD error format (GS CIM 009 §5.5.2, RFC 7807 ProblemDetails): a `type` URI from the
 * spec's list, a `title`, a `detail` and the `status`. The house `{ error: { code, message } }` is
 * carried in the same body (an extension member RFC 7807 allows), so platform clients and the
 * house's bad-input suite read it as every other refusal.
 */
import { AppError } from '../../../platform/errors';

export const NGSI_ERRORS = {
  BadRequestData: 400,
  InvalidRequest: 400,
  ResourceNotFound: 404,
  AlreadyExists: 409,
  OperationNotSupported: 422,
  LdContextNotAvailable: 503,
  NotAcceptable: 406,
} as const;
export type NgsiErrorType = keyof typeof NGSI_ERRORS;

export const ERROR_BASE = 'https://uri.etsi.org/ngsi-ld/errors/';

/** A refusal in the NGSI-LD vocabulary: still an AppError (house code = the ETSI type's name). */
export class NgsiError extends AppError {
  constructor(
    readonly problem: NgsiErrorType,
    message: string,
  ) {
    super(NGSI_ERRORS[problem], problem, message);
    this.name = 'NgsiError';
  }
}

export const badData = (message: string) => new NgsiError('BadRequestData', message);

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  error: { code: string; message: string; details?: unknown };
}

/** The ETSI type for a house error code (auth, validation, size … refused by the platform). */
export function problemTypeOf(status: number, code: string): NgsiErrorType | null {
  if (code in NGSI_ERRORS) return code as NgsiErrorType;
  if (status === 404) return 'ResourceNotFound';
  if (status === 409) return 'AlreadyExists';
  if (status === 406) return 'NotAcceptable';
  if (code === 'invalid_json' || code === 'unsupported_media_type' || code === 'invalid_url') return 'InvalidRequest';
  if (status === 400 || status === 422) return 'BadRequestData';
  return null;
}

/** The ProblemDetails body of a refusal given in the house format (both shapes in one body). */
export function toProblem(status: number, error: { code: string; message: string; details?: unknown }): ProblemDetails {
  const t = problemTypeOf(status, error.code);
  return {
    // 401/403/429 have no ETSI type of their own: the house code names them under our own URI space
    type: t ? `${ERROR_BASE}${t}` : `urn:yiwang:errors:${error.code}`,
    title: t ?? error.code,
    status,
    detail: error.message,
    error,
  };
}

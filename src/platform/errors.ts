/** An error meant for the client: rendered as `{ error: { code, message, details } }` with `status`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = '请先登录 / login required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '无权执行此操作 / not allowed', details?: unknown) =>
  new AppError(403, 'forbidden', message, details);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

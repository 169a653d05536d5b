import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit';

/** The audit context of an HTTP request: its principal and client address. */
export function auditContext(req: FastifyRequest): AuditContext {
  return { actorId: req.principal?.id ?? null, actorName: req.principal?.name ?? null, ip: req.ip ?? null };
}

/**
 * The instants the platform accepts from a client, and the span the work calendar computes over.
 * An instant outside them is a typo or an attack (1e20, 30,000 years ahead), never a real question:
 * refusing it at the edge keeps every later computation — deadlines, clocks, bigint columns — small.
 */
import { Type as T, type IntegerOptions } from '@sinclair/typebox';

/** The latest instant a client may send: 2200-01-01 (the last year an arrangement can be entered for). */
export const LATEST_INSTANT = Date.UTC(2200, 0, 1);

/** Epoch ms from 1970 up to LATEST_INSTANT, as a TypeBox schema for bodies and query strings. */
export const Instant = (options: IntegerOptions = {}) => T.Integer({ minimum: 0, maximum: LATEST_INSTANT, ...options });

/** Whether `ms` is an integer instant a client may send. */
export const isClientInstant = (ms: unknown): ms is number =>
  typeof ms === 'number' && Number.isSafeInteger(ms) && ms >= 0 && ms <= LATEST_INSTANT;

/**
 * The instants the platform accepts from a client, and the span the work calendar computes over.
 * An instant outside them is a typo or an attack (1e20, 30,000 years ahead), never a real question:
 * refusing it at the edge keeps every later computation — deadlines, clocks, bigint columns — small.
 */
import { LATEST_INSTANT } from './contract';

// the schema lives with the other contract blocks, which the web app may import
export { Instant, LATEST_INSTANT } from './contract';

/** Whether `ms` is an integer instant a client may send. */
export const isClientInstant = (ms: unknown): ms is number =>
  typeof ms === 'number' && Number.isSafeInteger(ms) && ms >= 0 && ms <= LATEST_INSTANT;

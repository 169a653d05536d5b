/**
 * The building blocks every module's contract uses: instants, nullable values, pages, the error
 * body. Like every contract file it imports only TypeBox, so the web app can import it.
 */
import { Type as T, type IntegerOptions, type Static, type TSchema } from '@sinclair/typebox';

/** The latest instant a client may send: 2200-01-01 (the last year an arrangement can be entered for). */
export const LATEST_INSTANT = Date.UTC(2200, 0, 1);

/** Epoch ms from 1970 up to LATEST_INSTANT, as a TypeBox schema for bodies and query strings. */
export const Instant = (options: IntegerOptions = {}) => T.Integer({ minimum: 0, maximum: LATEST_INSTANT, ...options });

/**
 * `schema` or null. Written as OpenAPI 3.0's `nullable` (the document's version), which the
 * response serialiser (fast-json-stringify) also reads — cheaper than an anyOf it would test per value.
 */
export const Nullable = <S extends TSchema>(schema: S) => T.Unsafe<Static<S> | null>({ ...schema, nullable: true });

/** An epoch-ms instant in a response. */
export const At = T.Number();
/** An instant or null (not yet happened). */
export const MaybeAt = Nullable(T.Number());
export const MaybeString = Nullable(T.String());
export const MaybeNumber = Nullable(T.Number());

/** A union of string literals from a constant list (the list is the single copy, for server and web). */
export const OneOf = <L extends readonly string[]>(list: L, options: { description?: string } = {}) =>
  T.Unsafe<L[number]>({ type: 'string', enum: [...list], ...options });

/** `{ items }`: a whole list. */
export const Items = <S extends TSchema>(item: S) => T.Object({ items: T.Array(item) });

/** `{ items, next }`: a page and the cursor of the next one (null at the end). */
export const Page = <S extends TSchema>(item: S) => T.Object({ items: T.Array(item), next: MaybeString });

/** `{ ok: true }`: a change that returns nothing else. */
export const Ok = T.Object({ ok: T.Boolean() });

/** Free-form JSON (a stored before/after image, event data): serialised as it is. */
export const Json = T.Unknown();

/** Every refusal: `{ error: { code, message, details? } }`. */
export const ErrorBody = T.Object({
  error: T.Object({ code: T.String(), message: T.String(), details: T.Optional(T.Unknown()) }),
});

/** A file answer (a spreadsheet, a download): sent as bytes, never through the JSON serialiser. */
export const Binary = (mime: string, description: string) => ({
  description,
  content: { [mime]: { schema: { type: 'string', format: 'binary' } } },
});

export type ErrorResponse = Static<typeof ErrorBody>;

/** The type of an `Items(…)` response. */
export type List<T> = { items: T[] };

/**
 * The Open311 GeoReport v2 documents (JSON form; the XML form has the same fields). The facade
 * renders them itself (serialise.ts) in either format; these schemas document them in OpenAPI.
 * Imports only TypeBox.
 */
import { Type as T } from '@sinclair/typebox';
import { MaybeNumber, MaybeString } from '../../platform/contract';

const S = T.String();
export const Discovery = T.Object({
  changeset: S,
  contact: S,
  key_service: S,
  endpoints: T.Array(T.Object({ specification: S, url: S, changeset: S, type: S, formats: T.Array(S) })),
});
export const Service = T.Object({
  service_code: S,
  service_name: S,
  description: S,
  metadata: T.Boolean(),
  type: S,
  keywords: S,
  group: S,
});
export const ServiceDefinition = T.Object({
  service_code: S,
  attributes: T.Array(
    T.Object({
      variable: T.Boolean(),
      code: S,
      datatype: S,
      required: T.Boolean(),
      datatype_description: S,
      order: T.Number(),
      description: S,
      values: T.Optional(T.Array(T.Object({ key: S, name: S }))),
    }),
  ),
});
/** A request as published: never the reporter; phone and ID numbers in the text masked. */
export const ServiceRequest = T.Object({
  service_request_id: S,
  status: T.Union([T.Literal('open'), T.Literal('closed')]),
  status_notes: MaybeString,
  service_name: MaybeString,
  service_code: MaybeString,
  description: S,
  agency_responsible: MaybeString,
  service_notice: MaybeString,
  requested_datetime: S,
  updated_datetime: S,
  expected_datetime: MaybeString,
  address: MaybeString,
  address_id: MaybeString,
  zipcode: MaybeString,
  lat: MaybeNumber,
  long: MaybeNumber,
  media_url: MaybeString,
});
export const Submitted = T.Object({
  service_request_id: T.Optional(S),
  token: T.Optional(S),
  service_notice: T.Optional(MaybeString),
  account_id: T.Optional(MaybeString),
});
export const RequestUpdate = T.Object({
  update_id: S,
  service_request_id: S,
  status: S,
  description: S,
  updated_datetime: S,
  media_url: S,
});
export const Open311Error = T.Object({ code: T.Number(), description: S });

/** The response entry of a route: the document in JSON and in XML (same fields, rendered by the facade). */
export const Documents = (schema: object, description: string) => ({
  200: {
    description,
    content: { 'application/json': { schema }, 'text/xml': { schema: { type: 'string' } } },
  },
});

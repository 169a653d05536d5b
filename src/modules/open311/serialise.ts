/**
 * Open311 documents as JSON and XML. Pure. The JSON follows the spec's "Spark convention"
 * (the XML's root list becomes a bare JSON array; discovery and a service definition stay
 * objects); the XML uses the spec's element names and no namespace.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Format, Open311Error } from './params';

/** The documents the facade answers with, and how each is wrapped in XML. */
export const DOCUMENTS = {
  discovery: { root: 'discovery' },
  services: { root: 'services', item: 'service' },
  service_definition: { root: 'service_definition' },
  service_requests: { root: 'service_requests', item: 'request' },
  /** mySociety's extension; FixMyStreet reads exactly these element names. */
  service_request_updates: { root: 'service_requests_updates', item: 'request_update' },
  errors: { root: 'errors', item: 'error' },
} as const satisfies Record<string, { root: string; item?: string }>;

export type DocumentKind = keyof typeof DOCUMENTS;

/** Nested lists inside an item and the name of their elements (`<attributes><attribute>`). */
const LIST_ITEMS: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, ignoreAttributes: true });

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Values for the XML builder: text for scalars ('' for null), `<list><item>` for arrays. */
function toXmlValue(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return xmlSafeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    const item = LIST_ITEMS[key] ?? 'item';
    return { [item]: value.map((v) => toXmlValue(v, item)) };
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = toXmlValue(v, k);
    }
    return out;
  }
  return String(value);
}

export function toXml(kind: DocumentKind, data: unknown): string {
  const doc = DOCUMENTS[kind];
  const inner =
    'item' in doc
      ? { [doc.item]: (data as unknown[]).map((x) => toXmlValue(x, doc.item)) }
      : toXmlValue(data, doc.root);
  const body = builder.build({ [doc.root]: inner }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${body.trim()}\n`;
}

export function toJson(data: unknown): string {
  return JSON.stringify(data);
}

/** The body and content type of a document in the requested format. */
export function render(format: Format, kind: DocumentKind, data: unknown): { body: string; contentType: string } {
  return { body: format === 'xml' ? toXml(kind, data) : toJson(data), contentType: CONTENT_TYPES[format] };
}

export function renderErrors(format: Format, errors: readonly Open311Error[]) {
  return render(
    format,
    'errors',
    errors.map((e) => ({ code: e.code, description: e.description })),
  );
}

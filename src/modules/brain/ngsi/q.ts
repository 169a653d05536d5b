/**
 * The NGSI-LD query language (GS CIM 009 §4.9) for `q`: terms `attr`, `attr==v`, `!=`, `>`, `>=`,
 * `<`, `<=`, values as numbers, "quoted strings", true/false, lists (`a,b`) and ranges (`a..b`)
 * for == and !=, `;` (AND, binds tighter) and `|` (OR), parentheses; attribute paths with
 * `.sub` (a sub-attribute) and `[key]` (a member of a compound value). Pattern operators (~=, !~=)
 * are refused: a client's regular expression could stall the server. Pure.
 */
import { badData, NgsiError } from './problem';

export type Scalar = string | number | boolean;
export type Comparison = '==' | '!=' | '>' | '>=' | '<' | '<=';
export type QValue = Scalar | { list: Scalar[] } | { range: [Scalar, Scalar] };
/** A path step: an attribute (first), a sub-attribute (`.x`) or a member of the value (`[x]`). */
export interface Step {
  name: string;
  member: boolean;
}
export type QExpr =
  | { op: 'and' | 'or'; items: QExpr[] }
  | { op: 'exists'; path: Step[] }
  | { op: 'cmp'; path: Step[]; cmp: Comparison; value: QValue };

export const Q_MAX_LENGTH = 2000;
const MAX_DEPTH = 8;
const NAME = /[A-Za-z0-9_:@#/-]/;

export function parseQ(text: string): QExpr {
  if (text.length > Q_MAX_LENGTH) throw badData(`q is longer than ${Q_MAX_LENGTH} characters`);
  let i = 0;
  const fail = (what: string): never => {
    throw badData(`q: ${what} at position ${i} of ${JSON.stringify(text.slice(0, 200))}`);
  };
  const peek = () => text[i];

  const name = (): string => {
    const start = i;
    while (i < text.length && NAME.test(text[i]!)) i++;
    if (i === start) fail('an attribute name expected');
    return text.slice(start, i);
  };

  const path = (): Step[] => {
    const steps: Step[] = [{ name: name(), member: false }];
    for (;;) {
      if (peek() === '.' && text[i + 1] !== '.') {
        i++;
        steps.push({ name: name(), member: false });
      } else if (peek() === '[') {
        i++;
        steps.push({ name: name(), member: true });
        if (peek() !== ']') fail("']' expected");
        i++;
      } else return steps;
    }
  };

  const scalar = (): Scalar => {
    if (peek() === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) fail('an unterminated string');
        const c = text[i++]!;
        if (c === '"') return out;
        if (c === '\\' && i < text.length) out += text[i++];
        else out += c;
      }
    }
    const start = i;
    while (i < text.length && !';|)(,'.includes(text[i]!) && !(text[i] === '.' && text[i + 1] === '.')) {
      // a number's decimal point is part of it; '..' starts a range
      i++;
    }
    const raw = text.slice(start, i);
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
    // unquoted dates and date-times compare as text (ISO 8601 sorts in time order)
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(raw)) return raw;
    return fail(raw ? `${JSON.stringify(raw)} is not a number, "string", true, false or a date` : 'a value expected');
  };

  const comparison = (): Comparison | null => {
    for (const op of ['==', '!=', '>=', '<=', '>', '<'] as const)
      if (text.startsWith(op, i)) {
        i += op.length;
        return op;
      }
    if (text.startsWith('~=', i) || text.startsWith('!~=', i))
      throw new NgsiError('OperationNotSupported', 'q: pattern operators (~= and !~=) are not supported');
    return null;
  };

  const term = (depth: number): QExpr => {
    if (peek() === '(') {
      if (depth >= MAX_DEPTH) fail(`more than ${MAX_DEPTH} nested parentheses`);
      i++;
      const e = or(depth + 1);
      if (peek() !== ')') fail("')' expected");
      i++;
      return e;
    }
    const p = path();
    const cmp = comparison();
    if (!cmp) return { op: 'exists', path: p };
    const first = scalar();
    let value: QValue = first;
    if (text.startsWith('..', i)) {
      i += 2;
      value = { range: [first, scalar()] };
    } else if (peek() === ',') {
      const list = [first];
      while (peek() === ',') {
        i++;
        list.push(scalar());
      }
      value = { list };
    }
    if (typeof value === 'object' && cmp !== '==' && cmp !== '!=') fail(`a list or a range needs == or !=, not ${cmp}`);
    return { op: 'cmp', path: p, cmp, value };
  };

  const and = (depth: number): QExpr => {
    const items = [term(depth)];
    while (peek() === ';') {
      i++;
      items.push(term(depth));
    }
    return items.length === 1 ? items[0]! : { op: 'and', items };
  };

  function or(depth: number): QExpr {
    const items = [and(depth)];
    while (peek() === '|') {
      i++;
      items.push(and(depth));
    }
    return items.length === 1 ? items[0]! : { op: 'or', items };
  }

  if (!text.trim()) fail('an empty query');
  const e = or(0);
  if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])}`);
  return e;
}

/** A normalized NGSI-LD entity: attributes are `{ type, value | object, …sub-attributes }`. */
export type NormalizedEntity = Record<string, unknown>;

/** The value a path names in an entity (undefined: absent). */
export function valueAt(entity: NormalizedEntity, path: readonly Step[]): unknown {
  let attr = entity[path[0]!.name] as Record<string, unknown> | undefined;
  let value: unknown = attr === undefined ? undefined : (attr.value ?? attr.object);
  for (const s of path.slice(1)) {
    if (s.member) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[s.name] : undefined;
    } else {
      attr = attr && typeof attr === 'object' ? (attr[s.name] as Record<string, unknown> | undefined) : undefined;
      value = attr === undefined || attr === null ? undefined : (attr.value ?? attr.object);
    }
    if (value === undefined) return undefined;
  }
  return value;
}

const comparable = (a: unknown, b: Scalar) =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');

function compare(v: unknown, cmp: Comparison, x: Scalar): boolean {
  if (cmp === '==') return Array.isArray(v) ? v.includes(x) : v === x;
  if (cmp === '!=') return Array.isArray(v) ? !v.includes(x) : v !== x;
  if (!comparable(v, x)) return false;
  const a = v as number | string;
  if (cmp === '>') return a > x;
  if (cmp === '>=') return a >= x;
  if (cmp === '<') return a < x;
  return a <= x;
}

function inValue(v: unknown, value: Exclude<QValue, Scalar>): boolean {
  if ('list' in value) return value.list.some((x) => compare(v, '==', x));
  const [lo, hi] = value.range;
  return compare(v, '>=', lo) && compare(v, '<=', hi);
}

/** Whether the entity satisfies the query; a term on an absent attribute is false (even !=). */
export function matchesQ(e: QExpr, entity: NormalizedEntity): boolean {
  switch (e.op) {
    case 'and':
      return e.items.every((x) => matchesQ(x, entity));
    case 'or':
      return e.items.some((x) => matchesQ(x, entity));
    case 'exists':
      return valueAt(entity, e.path) !== undefined;
    case 'cmp': {
      const v = valueAt(entity, e.path);
      if (v === undefined || v === null) return false;
      if (typeof e.value === 'object') return e.cmp === '==' ? inValue(v, e.value) : !inValue(v, e.value);
      return compare(v, e.cmp, e.value);
    }
  }
}

/** The attribute names a query reads (first steps): a subscription's watched attributes default to them. */
export function attributesOf(e: QExpr): string[] {
  if (e.op === 'and' || e.op === 'or') return [...new Set(e.items.flatMap(attributesOf))];
  return e.op === 'exists' || e.op === 'cmp' ? [e.path[0]!.name] : [];
}
